// The demo school: [SECTION] the school as data, [SECTION] people and classes,
// [SECTION] the history (assignments, targets, simulated practice),
// [SECTION] writing it, [SECTION] seed_demo_school.
// Over 600 lines: the demo school is one story (its people, classes and a term of work),
// kept in one file so that it reads in order.
#include "cli/demo_school.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "core/random.hpp"
#include "core/validation.hpp"
#include "identity/identity_store.hpp"
#include "platform/crypto.hpp"
#include "practice/curriculum.hpp"
#include "practice/curriculum_store.hpp"
#include "practice/grading.hpp"
#include "practice/practice_handlers.hpp"
#include "practice/practice_repository.hpp"
#include "practice/selection.hpp"
#include "practice/tasks.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <map>
#include <set>
#include <vector>

namespace learnloop::server {

namespace {

// [SECTION] the school as data ----------------------------------------------

constexpr const char* k_domain = "@demo.learnloop.test";
constexpr const char* k_time_zone = "Europe/London";   // the demo school's
constexpr std::int64_t k_day = 86400;
constexpr int k_weeks = 6;

struct DemoLogin {
    const char* email;
    const char* name;
    Role role;
};
// The logins printed by `seed demo` and used by the README and the tests.
constexpr DemoLogin k_admin { "admin@demo.learnloop.test", "Alex Admin", Role::Admin };
constexpr DemoLogin k_teacher { "teacher@demo.learnloop.test", "Tara Teacher", Role::Teacher };
constexpr DemoLogin k_student { "student@demo.learnloop.test", "Sam Student", Role::Student };
constexpr DemoLogin k_parent { "parent@demo.learnloop.test", "Pat Parent", Role::Parent };
// The full demo's second teacher.
constexpr DemoLogin k_maths_teacher { "nadia.rahman@demo.learnloop.test", "Nadia Rahman", Role::Teacher };

struct DemoTask {
    const char* title;
    const char* description;
};

struct DemoClass {
    const char* name;
    bool maths_teacher;           // taught by the second teacher (else by Tara)
    int students;                 // listed families in it (Year 8 English also has Sam)
    bool english;                 // which bank of work and feedback its submissions use
    const char* first_targets[6]; // assigned in the first week
    const char* later_targets[2]; // assigned after three weeks of marking
    DemoTask weekly[k_weeks];     // one assignment a week, set on Monday, due on Friday
    DemoTask upcoming;            // due next week ({} for Year 8 English: the minimal demo's letter is its)
};

const DemoClass k_classes[] = {
    { "Year 8 English", false, 25, true,
        { "en.punct.apostrophe-possession", "en.punct.commas-lists", "en.rw.persuasive-techniques",
            "en.spell.homophones-there-their", "en.grammar.relative-clauses", "en.vocab.synonyms" },
        { "en.punct.inverted-commas", "en.rw.inference" },
        { { "Diary of an evacuee", "Write three diary entries as a child evacuated to the countryside in 1939. "
                                   "Show how your feelings change from the first day to the third." },
            { "Apostrophes in context", "Correct the apostrophes in the newspaper article on the sheet, then "
                                        "write five sentences of your own using possessive apostrophes." },
            { "Setting description", "Describe the harbour at dawn in 300 words. Use at least two expanded noun "
                                     "phrases and one relative clause." },
            { "Book review", "Review the class novel for a reader of your age: what happens, what works, "
                             "and who should read it." },
            { "Speech for the school council", "Write a two-minute speech proposing one change to the school "
                                               "day. Use at least three persuasive techniques." },
            { "Reading journal: chapters 5-8", "Answer the six questions on chapters 5-8, quoting the text to "
                                               "support each answer." } },
        {} },
    { "Year 9 English", false, 22, true,
        { "en.grammar.active-passive", "en.punct.semicolons", "en.rw.figurative-language", "en.vocab.register",
            "en.spell.tion-sion-cian", "en.rw.viewpoint" },
        { "en.grammar.conditionals", "en.punct.colons" },
        { { "Poem analysis: 'Storm on the Island'", "Explore how Heaney presents the power of nature. Refer to "
                                                    "language, structure and form." },
            { "Formal letter of complaint", "Write to the council about the closure of the local library, in "
                                            "a formal register throughout." },
            { "Unseen prose extract", "Read the extract from 'Great Expectations' and explain how Dickens "
                                      "creates tension in the graveyard scene." },
            { "Opinion article", "Write an article for the school magazine arguing for or against homework "
                                 "at weekends. Acknowledge the other side." },
            { "Semicolons and colons", "Complete the punctuation exercise, then rewrite your last article's "
                                       "opening using a semicolon and a colon correctly." },
            { "Character study: Mr Birling", "How does Priestley use Mr Birling to present his ideas about "
                                             "responsibility? Write four paragraphs." } },
        { "Comparing two war poems", "Compare how the poets present conflict in 'Exposure' and 'Bayonet "
                                     "Charge'. Plan first, then write about 600 words." } },
    { "Year 7 Maths", true, 24, false,
        { "math.number.place-value", "math.number.rounding", "math.number.negative", "math.fractions.equivalent",
            "math.fractions.of-amounts", "math.measure.area-perimeter" },
        { "math.number.order-of-operations", "math.ratio.sharing" },
        { { "Place value puzzles", "Complete the place value puzzle sheet. Show how you decided on each missing "
                                   "digit." },
            { "Rounding in real life", "Find five numbers in a newspaper or on a website, round each to the "
                                       "nearest 10, 100 and 1000, and explain why the writer may have rounded." },
            { "Negative numbers: temperatures", "Use the table of winter temperatures to answer the ten "
                                                "questions on differences and changes." },
            { "Equivalent fractions investigation", "How many fractions equal to 2/3 have a denominator under "
                                                    "50? Explain your method." },
            { "Area of my bedroom", "Measure a room at home, draw a plan to scale and work out its area and "
                                    "perimeter." },
            { "Fractions of amounts problems", "Solve the eight word problems. Write each calculation and the "
                                               "answer with its unit." } },
        { "Order of operations challenge", "Make every number from 1 to 20 using four 4s and any operations. "
                                           "Write each one with brackets where needed." } },
};

// Sentences from which each student's work is put together, by subject.
const char* const k_english_work[] = {
    "I started by planning the main points in the order I wanted to make them.",
    "The opening sentence is meant to grab the reader's attention straight away.",
    "In the second paragraph I used a quotation to back up my point.",
    "I tried to vary my sentence lengths to build up the tension.",
    "The writer's use of the word \"relentless\" makes the reader feel uneasy.",
    "I checked my apostrophes and commas before handing it in.",
    "My conclusion links back to the question and sums up my argument.",
    "I think the ending works because it leaves the reader with a question.",
    "This paragraph compares the two viewpoints and says which I find more convincing.",
    "I used a rhetorical question and a statistic to persuade the audience.",
};
const char* const k_maths_work[] = {
    "First I wrote down what the question was asking for.",
    "I drew a diagram to help me see the problem.",
    "Working: I split the number into hundreds, tens and ones, then recombined them.",
    "I checked my answer by doing the inverse calculation.",
    "I estimated first so I would know if my answer was sensible.",
    "I made a table to keep track of the cases I had tried.",
    "For the last part I noticed a pattern and used it to finish quickly.",
    "I wrote the units next to every answer.",
    "Two of the questions were tricky, so I showed every step.",
    "I found a second method and both gave the same answer.",
};

// Feedback by how well the work did, best first.
const char* const k_feedback[4][3] = {
    { "Excellent work: clear, accurate and well organised. Keep stretching yourself.",
        "Superb. Your reasoning is precise and every point is supported.",
        "An outstanding piece. Next time, try an even more ambitious structure." },
    { "Good work with some strong moments. Check the details in your final paragraph.",
        "A solid answer. Develop your explanations a little further to reach the top band.",
        "Well done. Watch your accuracy with punctuation and units." },
    { "A reasonable start. Add more evidence or working to support each step.",
        "Some good ideas here; organise them into clearer paragraphs or steps.",
        "You are getting there. Re-read the task and make sure you answer every part." },
    { "Let's go through this together in class; come and see me at the start of the lesson.",
        "Not finished yet. Please complete the missing parts and hand it in again.",
        "This needs more care. Look at the model answer and try the first section again." },
};

// [SECTION] people and classes ------------------------------------------------

double unit(SeededRandom& rng)
{
    return static_cast<double>(rng.below(1000000)) / 1000000.0;
}

std::string at(std::int64_t unix_seconds)
{
    return format_utc_timestamp(unix_seconds);
}

struct Writer {
    pqxx::work& txn;
    std::int64_t tenant_id = 0;
    std::string password_hash;   // the demo password's, hashed once for every user made in this run (ensure_demo_user)

    Result<std::int64_t> ensure_user(const std::string& email, const std::string& name, Role role)
    {
        return ensure_demo_user(txn, tenant_id, email, name, role, password_hash);
    }

    std::int64_t scalar(const pqxx::result& rows, const char* column)
    {
        return rows[0][column].as<std::int64_t>();
    }
};

// A student of the full demo: who, in which class, and how they work.
struct DemoStudent {
    std::int64_t id = 0;
    std::string email;
    std::int64_t parent_id = 0;
    int class_index = 0;
    double ability = 0.5;          // 0..1: how fast they learn and how well they do
    double sessions_per_week = 3;  // practice sessions
    int stops_after_week = 1000;   // some stop practising: the "needs help" list
};

// [SECTION] the history ---------------------------------------------------------

struct DemoTarget {
    std::int64_t id = 0;
    std::string code;
    BktParams params;
    double hardness = 0;   // 0..0.3, from the code: some targets are harder for everyone
    std::vector<PracticeTemplate> templates;
};

struct History {
    Json assignments = Json::array();
    std::vector<Json> submissions;    // per assignment, before the assignment has an id: filled later
    Json targets = Json::array();
    Json sets = Json::array();
    Json tasks = Json::array();       // set_id is the set's seed until the sets have ids
    Json answers = Json::array();
    Json mastery = Json::array();
    int answer_count = 0;
};

// One student's practice over the weeks, made the way the app makes it: each
// session asks task_set_selection / select_tasks for a set from the current
// estimates, generates every task from its template and seed, answers some of
// them, grades each answer with the shared grader and applies bkt_update.
// Whether an answer is right comes from a simple learner: a hidden "knows it"
// state that starts and is learnt with chances set by the student's ability
// and the target's hardness.
Result<void> simulate_practice(const DemoStudent& student, const std::vector<DemoTarget>& targets,
    const std::vector<std::int64_t>& assigned_at, std::int64_t start, std::int64_t today, std::uint64_t seed,
    const std::map<std::int64_t, TaskTemplate>& decoded, std::set<std::int64_t>& used_seeds, History& history)
{
    SeededRandom rng(mix_seed(seed, hash_text(student.email)));
    struct State {
        double known = 0;
        int attempts = 0;
        bool knows = false;   // the simulated learner's hidden state
        std::int64_t last = 0;
    };
    std::vector<State> states(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
        states[i].known = targets[i].params.prior;
        states[i].knows = unit(rng) < std::max(0.02, 0.02 + 0.4 * student.ability - targets[i].hardness);
    }
    std::map<std::string, std::size_t> target_of_code;
    for (std::size_t i = 0; i < targets.size(); ++i)
        target_of_code[targets[i].code] = i;
    std::map<std::string, const PracticeTemplate*> template_of_code;
    for (const auto& target : targets)
        for (const auto& tmpl : target.templates)
            template_of_code[tmpl.code] = &tmpl;
    std::deque<std::string> recent;   // newest first

    for (std::int64_t day = start; day < today; day += k_day) {
        int week = static_cast<int>((day - start) / (7 * k_day));
        if (week >= student.stops_after_week)
            break;
        bool weekend = ((day / k_day) + 3) % 7 >= 5;   // 1970-01-01 was a Thursday
        double chance = student.sessions_per_week / 7.0 * (weekend ? 0.6 : 1.16);
        if (unit(rng) >= chance)
            continue;
        // After school or in the evening.
        std::int64_t time = day + 15 * 3600 + 30 * 60 + static_cast<std::int64_t>(rng.below(5 * 3600));

        std::vector<AssignedTarget> assigned;
        std::vector<PracticeTemplate> templates;
        for (std::size_t i = 0; i < targets.size(); ++i) {
            if (assigned_at[i] > time)
                continue;
            AssignedTarget target;
            target.id = targets[i].id;
            target.code = targets[i].code;
            target.params = targets[i].params;
            target.known = states[i].known;
            target.attempts = states[i].attempts;
            assigned.push_back(target);
            templates.insert(templates.end(), targets[i].templates.begin(), targets[i].templates.end());
        }
        if (assigned.empty())
            continue;
        std::int64_t set_seed = 0;
        do
            set_seed = storable_seed(rng.next());
        while (!used_seeds.insert(set_seed).second);
        auto input = task_set_selection(assigned, templates, std::vector<std::string>(recent.begin(), recent.end()),
            static_cast<std::uint64_t>(set_seed));
        auto picks = select_tasks(input);
        history.sets.push_back({ { "student_id", student.id }, { "seed", set_seed }, { "created_at", at(time) } });

        // Some sets are finished; many are left part-way, as students do.
        auto answered = std::min<std::size_t>(picks.size(), 6 + rng.below(15));
        for (std::size_t position = 0; position < picks.size(); ++position) {
            const auto& pick = picks[position];
            const auto& stored = *template_of_code.at(pick.template_id);
            auto task_seed = storable_seed(pick.seed);
            history.tasks.push_back({ { "set_id", set_seed }, { "position", position }, { "template_id", stored.id },
                { "seed", task_seed } });
            if (position >= answered)
                continue;

            auto task = TRY(generate_task(decoded.at(stored.id), static_cast<std::uint64_t>(task_seed)));
            auto index = target_of_code.at(pick.target_id);
            auto& state = states[index];
            double right_chance = state.knows ? 0.95 - 0.03 * (pick.difficulty - 1)
                                              : std::max(0.05, 0.12 + 0.25 * student.ability - 0.03 * (pick.difficulty - 1));
            Json answer = correct_answer(task);
            if (unit(rng) >= right_chance) {
                auto wrong = wrong_answers(task);
                if (!wrong.empty())
                    answer = wrong[rng.below(wrong.size())];
            }
            auto graded = TRY(grade(task, answer));
            state.known = bkt_update(targets[index].params, state.known, graded.verdict == Verdict::Correct);
            ++state.attempts;
            if (!state.knows)
                state.knows = unit(rng)
                    < (0.01 + 0.12 * student.ability * student.ability) * (1.0 - targets[index].hardness);
            time += 20 + static_cast<std::int64_t>(rng.below(70));
            state.last = time;
            history.answers.push_back({ { "set_id", set_seed }, { "position", position }, { "student_id", student.id },
                { "client_id", "demo-" + std::to_string(set_seed) + "-" + std::to_string(position) },
                { "answer", answer }, { "verdict", verdict_name(graded.verdict) }, { "score", graded.score },
                { "known_after", state.known }, { "answered_at", at(time) } });
            ++history.answer_count;
            recent.push_front(stored.code);
            if (recent.size() > 30)
                recent.pop_back();
        }
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (states[i].attempts > 0)
            history.mastery.push_back({ { "student_id", student.id }, { "target_id", targets[i].id },
                { "known", states[i].known }, { "attempts", states[i].attempts }, { "updated_at", at(states[i].last) } });
    return {};
}

// The targets of every class, with their templates, from the shared curriculum.
Result<std::map<std::string, DemoTarget>> load_demo_targets(pqxx::work& txn)
{
    Json codes = Json::array();
    for (const auto& demo_class : k_classes) {
        for (const auto* code : demo_class.first_targets)
            codes.push_back(code);
        for (const auto* code : demo_class.later_targets)
            codes.push_back(code);
    }
    std::map<std::string, DemoTarget> targets;
    for (const auto& row : exec_named(txn, "cli/demo_curriculum", codes.dump())) {
        auto code = row["target_code"].as<std::string>();
        auto& target = targets[code];
        if (target.id == 0) {
            target.id = row["target_id"].as<std::int64_t>();
            target.code = code;
            target.params = TRY(decode_bkt_params(TRY(parse_json(row["bkt"].as<std::string>()))));
            target.hardness = static_cast<double>(hash_text(code) % 31) / 100.0;
        }
        target.templates.push_back({ row["template_id"].as<std::int64_t>(), row["template_code"].as<std::string>(),
            code, row["difficulty"].as<int>(), row["body"].as<std::string>() });
    }
    for (const auto& code : codes)
        if (!targets.count(code.get<std::string>()))
            return make_error(ErrorCode::FailedPrecondition,
                "the curriculum has no live target " + code.get<std::string>()
                    + " with templates; run `learnloop seed curriculum`");
    return targets;
}

// [SECTION] writing it ---------------------------------------------------------

// The history of the classes (students by class, teachers by class), written
// in batches: a statement per table, the rows as one JSON parameter.
Result<DemoReport> write_history(Writer& w, const std::vector<std::int64_t>& class_ids,
    const std::vector<std::int64_t>& teacher_of_class, const std::vector<DemoStudent>& students,
    const DemoOptions& options)
{
    auto& txn = w.txn;
    DemoReport report;
    auto targets = TRY(load_demo_targets(txn));
    std::map<std::int64_t, TaskTemplate> decoded;   // by template id
    for (const auto& [code, target] : targets)
        for (const auto& tmpl : target.templates)
            decoded[tmpl.id] = TRY(decode_task_template(TRY(parse_json(tmpl.body))));

    const std::int64_t today = options.now_unix / k_day * k_day;
    std::int64_t start = today - 42 * k_day;
    start -= (((start / k_day) + 3) % 7) * k_day;   // back to a Monday

    // Assignments: one a week per class, and one due next week.
    History history;
    struct PlannedAssignment {
        int class_index;
        int week;   // k_weeks: the upcoming one
    };
    std::vector<PlannedAssignment> planned;
    for (std::size_t c = 0; c < std::size(k_classes); ++c) {
        const auto& demo_class = k_classes[c];
        for (int week = 0; week <= k_weeks; ++week) {
            const auto& work = week < k_weeks ? demo_class.weekly[week] : demo_class.upcoming;
            if (!work.title)
                continue;
            auto set = week < k_weeks ? start + week * 7 * k_day + 8 * 3600 + 30 * 60 : today - k_day + 9 * 3600;
            auto due = week < k_weeks ? start + (week * 7 + 4) * k_day + 17 * 3600 : today + 5 * k_day + 17 * 3600;
            // Due at 17:00 on the school's clock, whether or not summer time is on.
            auto due_local = at(due);
            due_local.pop_back();   // "...Z" -> a wall-clock time
            history.assignments.push_back({ { "teacher_id", teacher_of_class[c] }, { "class_id", class_ids[c] },
                { "title", work.title }, { "description", work.description }, { "due_local", due_local },
                { "created_at", at(set) } });
            planned.push_back({ static_cast<int>(c), week });
        }
    }
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> assignment_id;   // by class and title
    for (const auto& row : exec_named(txn, "cli/demo_insert_assignments", w.tenant_id, history.assignments.dump(),
             std::string(k_time_zone)))
        assignment_id[{ row["class_id"].as<std::int64_t>(), row["title"].as<std::string>() }] = row["id"].as<std::int64_t>();
    report.assignments = static_cast<int>(assignment_id.size());

    // Submissions to the past weeks' work, marked except for part of the latest.
    SeededRandom rng(mix_seed(options.seed, hash_text("submissions")));
    Json submissions = Json::array();
    for (std::size_t a = 0; a < planned.size(); ++a) {
        const auto& plan = planned[a];
        if (plan.week >= k_weeks)
            continue;
        const auto& json = history.assignments[a];
        auto id = assignment_id.at({ json["class_id"].get<std::int64_t>(), json["title"].get<std::string>() });
        auto set = TRY(parse_utc_timestamp(json["created_at"].get<std::string>()));
        // Near enough for choosing when work was handed in; whether it was
        // late is decided by the database against the real due time.
        auto due = TRY(parse_utc_timestamp(json["due_local"].get<std::string>() + "Z"));
        const auto& demo_class = k_classes[plan.class_index];
        for (const auto& student : students) {
            if (student.class_index != plan.class_index)
                continue;
            bool stopped = plan.week >= student.stops_after_week;
            if (unit(rng) >= (stopped ? 0.35 : 0.72 + 0.25 * student.ability))
                continue;
            bool late = unit(rng) < 0.08;
            auto submitted = late ? due + 3600 + static_cast<std::int64_t>(rng.below(40 * 3600))
                                  : set + k_day + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(due - set - k_day - 3600)));
            const auto* bank = demo_class.english ? k_english_work : k_maths_work;
            std::string content;
            for (std::size_t taken = 0, first = rng.below(10); taken < 3; ++taken)
                content += (taken ? " " : "") + std::string(bank[(first + taken * 3) % 10]);
            Json row = { { "assignment_id", id }, { "student_id", student.id }, { "content", content },
                { "submitted_at", at(submitted) }, { "grade", nullptr }, { "feedback", nullptr }, { "graded_at", nullptr },
                { "graded_by", nullptr } };
            if (plan.week < k_weeks - 1 || unit(rng) < 0.5) {
                double noise = static_cast<double>(rng.below(25)) - 12;
                double raw = std::clamp(std::round(38 + 57 * student.ability + noise - (late ? 5 : 0)), 15.0, 100.0);
                auto grade = TRY(validate_grade(raw));
                int band = grade >= 85 ? 0 : grade >= 68 ? 1 : grade >= 50 ? 2 : 3;
                auto graded_at = std::min(std::max(submitted, due) + k_day + static_cast<std::int64_t>(rng.below(2 * k_day)),
                    today - 3600);
                row["grade"] = grade;
                row["feedback"] = k_feedback[band][rng.below(3)];
                row["graded_at"] = at(graded_at);
                row["graded_by"] = teacher_of_class[plan.class_index];
            }
            submissions.push_back(std::move(row));
        }
    }
    auto counted = exec_named(txn, "cli/demo_insert_submissions", w.tenant_id, submissions.dump());
    report.submissions = counted[0]["submissions"].as<int>();
    report.graded = counted[0]["graded"].as<int>();

    // Targets: six in the first week, two more after three weeks of marking.
    std::set<std::int64_t> used_seeds;   // set seeds are distinct in the demo, so a seed finds its set
    std::set<std::int64_t> practised;
    for (const auto& row : exec_named(txn, "cli/demo_students_with_practice", w.tenant_id))
        practised.insert(row["student_id"].as<std::int64_t>());
    for (const auto& student : students) {
        if (practised.count(student.id))
            continue;
        const auto& demo_class = k_classes[student.class_index];
        std::vector<DemoTarget> own;
        std::vector<std::int64_t> assigned_at;
        for (const auto* code : demo_class.first_targets) {
            own.push_back(targets.at(code));
            assigned_at.push_back(start + 8 * 3600);
        }
        for (const auto* code : demo_class.later_targets) {
            own.push_back(targets.at(code));
            assigned_at.push_back(start + 21 * k_day + 8 * 3600);
        }
        for (std::size_t i = 0; i < own.size(); ++i)
            history.targets.push_back({ { "student_id", student.id }, { "target_id", own[i].id },
                { "assigned_by", teacher_of_class[student.class_index] }, { "created_at", at(assigned_at[i]) } });
        TRY(simulate_practice(student, own, assigned_at, start, today, options.seed, decoded, used_seeds, history));
    }
    exec_named(txn, "cli/demo_assign_targets", w.tenant_id, history.targets.dump());
    report.targets_assigned = static_cast<int>(history.targets.size());

    // Sets, then their tasks and answers by (set, position).
    std::map<std::int64_t, std::int64_t> set_id;   // by seed
    for (const auto& row : exec_named(txn, "cli/demo_insert_task_sets", w.tenant_id, history.sets.dump()))
        set_id[row["seed"].as<std::int64_t>()] = row["id"].as<std::int64_t>();
    if (set_id.size() != history.sets.size())
        return make_error(ErrorCode::Internal, "two demo task sets drew the same seed");
    for (auto& task : history.tasks)
        task["set_id"] = set_id.at(task["set_id"].get<std::int64_t>());
    for (auto& answer : history.answers)
        answer["set_id"] = set_id.at(answer["set_id"].get<std::int64_t>());
    exec_named(txn, "cli/demo_insert_tasks", w.tenant_id, history.tasks.dump());
    exec_named(txn, "cli/demo_insert_answers", w.tenant_id, history.answers.dump());
    exec_named(txn, "cli/demo_insert_mastery", w.tenant_id, history.mastery.dump());
    report.task_sets = static_cast<int>(history.sets.size());
    report.answers = history.answer_count;
    report.history_added = true;

    append_audit(txn, { w.tenant_id, "cli", "demo.history", "tenant", std::to_string(w.tenant_id), nullptr,
                          { { "seed", std::to_string(options.seed) }, { "from", at(start) }, { "to", at(today) },
                              { "assignments", report.assignments }, { "submissions", report.submissions },
                              { "graded", report.graded }, { "targets_assigned", report.targets_assigned },
                              { "task_sets", report.task_sets }, { "answers", report.answers } } });
    return report;
}

// The minimal demo: the four logins, Year 8 English with the student in it,
// the parent linked and an upcoming assignment; made once per tenant.
Result<std::array<std::int64_t, 4>> seed_minimal(Writer& w)
{
    auto& txn = w.txn;
    std::array<std::int64_t, 4> ids {};
    const DemoLogin logins[] = { k_admin, k_teacher, k_student, k_parent };
    for (int i = 0; i < 4; ++i)
        ids[i] = TRY(w.ensure_user(logins[i].email, logins[i].name, logins[i].role));
    const auto teacher = ids[1], student = ids[2], parent = ids[3];

    // The demo school is the default tenant unless another one already is.
    exec_named(txn, "cli/claim_default_tenant", w.tenant_id);
    if (!exec_named(txn, "cli/demo_has_class", w.tenant_id)[0]["seeded"].as<bool>()) {
        auto class_id = w.scalar(
            exec_named(txn, "cli/demo_class", w.tenant_id, std::string("Year 8 English"), teacher, student, parent), "id");
        auto assignment_id = w.scalar(exec_named(txn, "cli/demo_assignment", w.tenant_id, teacher, class_id,
                                          std::string("Persuasive letter"),
                                          std::string("Write a one-page letter to the head teacher arguing for a change "
                                                      "you would like to see at school. Use at least three persuasive "
                                                      "techniques.")),
            "id");
        append_audit(txn, { w.tenant_id, "cli", "demo.seed", "class", std::to_string(class_id), nullptr,
                              { { "class", "Year 8 English" }, { "student_id", student }, { "parent_id", parent },
                                  { "assignment_id", assignment_id } } });
    }
    return ids;
}

// The full school around the minimal demo: its people and classes (missing
// ones made, missing members added), then the history once.
Result<DemoReport> seed_full(Writer& w, const std::array<std::int64_t, 4>& base, const DemoOptions& options)
{
    auto& txn = w.txn;
    auto maths_teacher = TRY(w.ensure_user(k_maths_teacher.email, k_maths_teacher.name, k_maths_teacher.role));
    const auto teacher = base[1];

    // Families into classes: the seed shuffles them, so every class mixes names.
    auto families = demo_families();
    std::vector<std::size_t> order(families.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    SeededRandom rng(mix_seed(options.seed, hash_text("classes")));
    rng.shuffle(order);

    std::vector<DemoStudent> students;
    {
        DemoStudent sam;   // the demo's own student: keen and doing well, so his portal has a story
        sam.id = base[2];
        sam.email = k_student.email;
        sam.parent_id = base[3];
        sam.ability = 0.55;
        sam.sessions_per_week = 3;
        students.push_back(sam);
    }
    std::size_t next = 0;
    for (std::size_t c = 0; c < std::size(k_classes); ++c) {
        for (int n = 0; n < k_classes[c].students; ++n) {
            if (next >= order.size())
                return make_error(ErrorCode::Internal, "the demo's classes hold more students than demo_people lists");
            const auto& family = families[order[next++]];
            DemoStudent student;
            student.email = std::string(family.student_login) + k_domain;
            student.id = TRY(w.ensure_user(student.email, family.student_name, Role::Student));
            student.parent_id = TRY(w.ensure_user(std::string(family.parent_login) + k_domain, family.parent_name, Role::Parent));
            student.class_index = static_cast<int>(c);
            SeededRandom own(mix_seed(options.seed, hash_text(student.email)));
            // Ability: the mean of three draws, so most are in the middle and a few at either end.
            student.ability = std::clamp((unit(own) + unit(own) + unit(own)) / 3.0 * 1.3 - 0.15, 0.05, 0.95);
            student.sessions_per_week = 0.8 + 2.7 * (0.5 * unit(own) + 0.5 * student.ability);
            if (unit(own) < 0.12)
                student.stops_after_week = 2 + static_cast<int>(own.below(3));
            students.push_back(std::move(student));
        }
    }

    const std::int64_t today = options.now_unix / k_day * k_day;
    auto term_start = at(today - 49 * k_day);
    std::vector<std::int64_t> class_ids, teacher_of_class;
    DemoReport report;
    for (std::size_t c = 0; c < std::size(k_classes); ++c) {
        const auto& demo_class = k_classes[c];
        auto class_teacher = demo_class.maths_teacher ? maths_teacher : teacher;
        auto found = exec_named(txn, "cli/demo_find_class", w.tenant_id, std::string(demo_class.name));
        bool created = found.empty();
        auto class_id = created ? w.scalar(exec_named(txn, "cli/demo_insert_class", w.tenant_id,
                                               std::string(demo_class.name), class_teacher, term_start),
                                      "id")
                                : w.scalar(found, "id");
        Json members = Json::array(), links = Json::array();
        for (const auto& student : students) {
            if (student.class_index != static_cast<int>(c))
                continue;
            members.push_back(student.id);
            links.push_back({ { "parent_id", student.parent_id }, { "student_id", student.id } });
        }
        auto added = w.scalar(exec_named(txn, "cli/demo_add_members", w.tenant_id, class_id, members.dump(), term_start),
            "added");
        auto linked = w.scalar(exec_named(txn, "cli/demo_link_parents", w.tenant_id, links.dump(), term_start), "added");
        if (created || added > 0 || linked > 0)
            append_audit(txn, { w.tenant_id, "cli", "demo.seed", "class", std::to_string(class_id), nullptr,
                                  { { "class", demo_class.name }, { "teacher_id", class_teacher },
                                      { "students_added", added }, { "parents_linked", linked } } });
        class_ids.push_back(class_id);
        teacher_of_class.push_back(class_teacher);
    }

    if (!exec_named(txn, "cli/demo_has_history", w.tenant_id)[0]["seeded"].as<bool>())
        report = TRY(write_history(w, class_ids, teacher_of_class, students, options));
    report.students = static_cast<int>(students.size());
    report.classes = static_cast<int>(class_ids.size());
    return report;
}

} // namespace

// Every demo user has the same (public) password, so one Argon2id hash serves
// them all: hashing the full demo's 144 users one by one would add about 12 s
// to the seed.
Result<std::int64_t> ensure_demo_user(pqxx::work& txn, std::int64_t tenant_id, const std::string& email,
    const std::string& name, Role role, std::string& password_hash)
{
    if (auto existing = find_user_id(txn, tenant_id, email))
        return *existing;
    if (password_hash.empty())
        password_hash = TRY(hash_password(k_demo_password));
    return create_user(txn, { tenant_id, email, name, role, k_demo_password }, "cli", password_hash);
}

// [SECTION] seed_demo_school ----------------------------------------------------

Result<DemoReport> seed_demo_school(pqxx::connection& connection, const DemoOptions& options,
    const std::string& curriculum_dir)
{
    pqxx::work txn(connection);
    Writer w { txn };
    auto tenant_id = find_tenant_id(txn, "demo");
    if (!tenant_id)
        // Open, so the assignment-tracker contract's clients sign up here as
        // teachers and students (teachers then wait for the admin's approval).
        tenant_id = TRY(create_tenant(txn,
            { "demo", "Northbridge Demo School", TenantKind::School, k_time_zone, SignupPolicy::Open }, "cli"));
    w.tenant_id = *tenant_id;
    auto base = TRY(seed_minimal(w));

    DemoReport report;
    if (options.size == DemoSize::Full) {
        bool curriculum_seeded = false;
        if (!exec_named(txn, "cli/demo_has_curriculum")[0]["seeded"].as<bool>()) {
            auto files = TRY(load_curriculum_dir(curriculum_dir));
            (void)TRY(seed_curriculum(txn, files, "cli"));
            curriculum_seeded = true;
        }
        report = TRY(seed_full(w, base, options));
        report.curriculum_seeded = curriculum_seeded;
    } else {
        report.students = 1;
        report.classes = 1;
    }
    txn.commit();
    return report;
}

} // namespace learnloop::server
