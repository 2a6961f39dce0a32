// The demo academy's assignments (see demo_course_work.hpp).
#include "cli/demo_course_work.hpp"

#include "academy/rubric.hpp"
#include "core/calendar.hpp"
#include "core/random.hpp"
#include "db/sql.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace learnloop::server {

namespace {

constexpr std::int64_t k_day = 86400;

struct DemoCriterion {
    const char* name;
    const char* description;
    bool bonus;
    std::vector<std::pair<int, const char*>> levels;   // highest first
};

struct DemoWork {
    const char* title;
    const char* description;
    int due_in_days;            // negative: due that many days ago (and marked)
    int max_points;
    std::vector<DemoCriterion> criteria;
    std::array<const char*, 3> answers;   // what students hand in, one of three
};

// Two pieces of work per course, in the demo's course order.
const std::vector<std::vector<DemoWork>>& demo_work()
{
    static const std::vector<std::vector<DemoWork>> work = {
        {
            { "Explain your method: quantitative comparison",
                "Pick two quantitative comparison questions from Mock exam 1 or the practice sets. For each, explain "
                "how you chose between the four answers without working everything out, and name the trap the "
                "question set.",
                -12, 10,
                { { "Reasoning", "Each step follows and leads to the right answer choice", false,
                      { { 6, "Sound and complete" }, { 4, "Sound with a gap" }, { 2, "Partly sound" }, { 0, "Missing or wrong" } } },
                    { "Explanation", "A reader could follow it without the question in front of them", false,
                        { { 4, "Clear and concise" }, { 2, "Hard to follow in places" }, { 0, "Steps missing" } } },
                    { "A second method", "Checks the choice another way", true, { { 2, "A correct second method" }, { 0, "None" } } } },
                { "Question 1: Quantity A is x squared, Quantity B is x, with x between 0 and 1. I tried x = 1/2: A is "
                  "1/4 and B is 1/2, so B is greater; any x in the range gives the same, so the answer is B. The trap is "
                  "assuming squares are bigger.\nQuestion 2: both quantities share 3n, so I compared what is left: 4 "
                  "against 5. B is greater whatever n is.",
                    "For the first question I plugged in numbers: 0.5 and 0.9. Both times B was bigger so I chose B. For "
                    "the second I subtracted 3n from both sides and compared the rest.",
                    "I compared the quantities by simplifying them first. In the first one squaring a fraction makes it "
                    "smaller. In the second one the n parts cancel. I checked both by trying n = 0 and n = 10." } },
            { "Data interpretation write-up",
                "Choose one graph from the data analysis practice and write what it shows, with two conclusions it "
                "supports and one it does not.",
                5, 12,
                { { "Reading the data", "Axes, units and scale read correctly", false,
                      { { 5, "Accurate throughout" }, { 3, "One misreading" }, { 1, "Several misreadings" }, { 0, "Not attempted" } } },
                    { "Conclusions", "Two supported conclusions, each tied to the data", false,
                        { { 5, "Both supported" }, { 3, "One supported" }, { 0, "Neither supported" } } },
                    { "Limits of the data", "A conclusion the graph cannot support, and why", false,
                        { { 2, "Named and explained" }, { 1, "Named only" }, { 0, "Missing" } } } },
                { "The bar chart shows enrolment by year. Enrolment rose every year from 2019 to 2023, by about 8% a "
                  "year. It supports that growth was steady and that 2023 was the largest year; it does not show why "
                  "enrolment rose.",
                    "The graph shows sales by month. Sales are highest in December. Sales are lowest in February. We "
                    "cannot say next year will be the same.",
                    "The scatterplot shows study hours against scores: more hours, higher scores on the whole. It "
                    "supports a positive association and shows two outliers; it cannot show that the hours caused the "
                    "scores." } },
        },
        {
            { "Issue essay: funding the arts",
                "Write a response in 30 minutes to the claim: \xE2\x80\x9CGovernments should not fund the arts when other "
                "needs are pressing.\xE2\x80\x9D Take a position and support it with reasons and examples.",
                -9, 6,
                { { "Position and reasoning", "A clear position developed with reasons", false,
                      { { 3, "Insightful, well developed" }, { 2, "Clear, adequately developed" }, { 1, "Vague or thin" },
                          { 0, "No position" } } },
                    { "Examples", "Specific examples that support the reasons", false,
                        { { 2, "Apt and specific" }, { 1, "General" }, { 0, "None" } } },
                    { "Language", "Sentences that are controlled and varied", false,
                        { { 1, "Controlled and varied" }, { 0, "Errors get in the way" } } } },
                { "I disagree with the claim. Public money for the arts is small beside health or schools, yet it keeps "
                  "libraries, orchestras and local theatres open to people who could not pay full price. When the WPA "
                  "paid artists in the 1930s, it left murals and guides that towns still use. Pressing needs are real, "
                  "but a society that funds only the urgent loses what makes it worth keeping.",
                    "Governments should fund the arts sometimes. Art is important for culture. But hospitals are more "
                    "important. So it depends on the budget.",
                    "The claim is partly right. In a crisis, money should go first to food, health and housing. But "
                    "cutting arts funding saves little and costs much: in my city a youth music programme that cost "
                    "less than one road repair kept hundreds of teenagers busy every evening." } },
            { "Argument essay: the Alder Park proposal",
                "Examine the argument that closing Alder Park's library branch will save money without harming "
                "reading in the town. Say what evidence is needed to judge it.",
                4, 6,
                { { "Flaws identified", "The argument's assumptions, named and explained", false,
                      { { 3, "The key assumptions, explained" }, { 2, "Some assumptions" }, { 1, "One, not explained" },
                          { 0, "None" } } },
                    { "Evidence needed", "What would show whether the argument holds", false,
                        { { 2, "Specific and relevant" }, { 1, "General" }, { 0, "None" } } },
                    { "Language", "Sentences that are controlled and varied", false,
                        { { 1, "Controlled and varied" }, { 0, "Errors get in the way" } } } },
                { "The argument assumes that readers at Alder Park will travel to the main library. We would need to "
                  "know how many of them have cars or buses to get there, and how many borrow only from the branch.",
                    "The argument assumes that saving money matters more than reading. It also assumes the main library "
                    "has space. Evidence: visitor numbers.",
                    "Two assumptions carry the argument: that branch users will move to the main library, and that "
                    "the savings are not eaten up by longer hours there. Borrowing records by postcode and the main "
                    "library's costs would test both." } },
        },
        {
            { "Word problem portfolio",
                "Solve the five word problems from Saturday's session, showing your working, and check each answer a "
                "second way. The extension problem is optional.",
                -6, 20,
                { { "Accuracy", "Right answers, with units", false,
                      { { 10, "All five right" }, { 8, "Four right" }, { 6, "Three right" }, { 4, "Two right" },
                          { 0, "One or none" } } },
                    { "Working shown", "Each step written so it can be followed", false,
                        { { 6, "Every step shown" }, { 4, "Most steps" }, { 2, "A few steps" }, { 0, "Answers only" } } },
                    { "Checking", "Each answer checked a second way", false,
                        { { 4, "Each answer checked" }, { 2, "Some checked" }, { 0, "None checked" } } },
                    { "Extension problem", "The optional sixth problem", true,
                        { { 3, "Solved" }, { 1, "Attempted" }, { 0, "Not tried" } } } },
                { "1) 45 mph: 135 miles in 3 hours. Check: 45 x 3 = 135.\n2) $18.40: 15% of $16 is $2.40. Check: 1.15 "
                  "x 16 = 18.40.\n3) 12 tickets: 5x + 3(20 - x) = 84 gives x = 12. Check: 60 + 24 = 84.\n4) 7.5 "
                  "litres.\n5) 3.125 hours: together they fill 1/5 + 3/25 = 8/25 of the tank an hour, so 25/8 "
                  "hours.\nExtension: n = 14.",
                    "1) 45\n2) 18.40\n3) 12\n4) 8\n5) 3 hours",
                    "1) Speed = distance / time = 135 / 3 = 45 mph.\n2) 16 + 0.15 x 16 = 18.40 dollars.\n3) Let x be "
                    "adult tickets: 5x + 3(20 - x) = 84, 2x = 24, x = 12. Check: 12 adults and 8 children pay 60 + 24 = "
                    "84.\n4) 7.5 litres (checked by working back from the mixture).\n5) 3.125 hours." } },
            { "Linear models one-pager",
                "Make a one-page summary of linear models: slope as a rate, intercept as a starting value, and one "
                "real example with units.",
                6, 10,
                { { "Mathematics", "Slope and intercept explained correctly", false,
                      { { 6, "Correct and complete" }, { 4, "Correct, missing a part" }, { 2, "Some errors" }, { 0, "Incorrect" } } },
                    { "Example", "A real situation, with units on both quantities", false,
                        { { 4, "Real, with units" }, { 2, "Units missing" }, { 0, "No example" } } } },
                { "A linear model is y = mx + b. The slope m is how much y changes for each unit of x, such as dollars "
                  "per hour; b is y when x is 0. Example: a taxi charges $3 plus $2 a mile, so cost = 2 x miles + 3.",
                    "Slope = rise over run. Intercept = where the line crosses the y axis. Example: y = 2x + 3.",
                    "In y = mx + b, m is a rate (change in y per change in x) and b a starting value. A phone plan of "
                    "$20 a month plus $0.10 per text: cost in dollars = 0.10 x texts + 20." } },
        },
    };
    return work;
}

// What an instructor writes, by how well the work did.
const char* feedback_for(double share, std::size_t pick)
{
    static const std::array<const char*, 3> strong = { "Excellent work: clear, careful and right.",
        "A model answer. Keep this standard for the mock exam.", "Very well argued; nothing to add." };
    static const std::array<const char*, 3> middle = { "Good work. Look at the level descriptors for what lifts it to the top.",
        "Solid. Show one more step and you will be there.", "A good start: develop your reasons a little further." };
    static const std::array<const char*, 3> weak = { "Let's go through this together after Thursday's session.",
        "You have the idea; write out every step next time so I can see where it slips.",
        "Read the model answer in the course notes, then try the practice set again." };
    const auto& list = share >= 0.85 ? strong : share >= 0.6 ? middle : weak;
    return list[pick % list.size()];
}

const std::array<const char*, 3> k_adjustment_reasons = {
    "Between two levels: strong in the first part, weaker in the second",
    "A small slip in the last step only",
    "Agreed extension for a family event: marked as if on time",
};

Rubric rubric_of(const DemoWork& work)
{
    Rubric rubric;
    for (const auto& c : work.criteria) {
        RubricCriterion criterion { c.name, c.description, c.levels.front().first, {}, c.bonus };
        for (const auto& [points, words] : c.levels)
            criterion.levels.push_back({ points, words });
        rubric.criteria.push_back(std::move(criterion));
    }
    auto checked = check_rubric(std::move(rubric), work.max_points);
    if (!checked.ok())
        throw std::logic_error("the demo rubric for " + std::string(work.title) + ": " + checked.error().message);
    return checked.value();
}

} // namespace

CourseWorkCounts seed_course_work(pqxx::work& txn, std::int64_t tenant_id, std::size_t course, std::int64_t course_id,
    std::int64_t instructor, const std::vector<std::int64_t>& members, const std::vector<double>& ability,
    std::int64_t student_login, std::int64_t today, std::uint64_t seed)
{
    CourseWorkCounts counts;
    if (course >= demo_work().size())
        return counts;
    SeededRandom rng(mix_seed(seed, 0xC0u + course));
    auto unit = [&] { return static_cast<double>(rng.below(1'000'000)) / 1e6; };
    const auto& work = demo_work()[course];

    Json assignments = Json::array();
    std::vector<Rubric> rubrics;
    for (const auto& w : work) {
        rubrics.push_back(rubric_of(w));
        const auto due = today + w.due_in_days * k_day + 22 * 3600;   // 5 pm in New York
        assignments.push_back({ { "teacher_id", instructor }, { "course_id", course_id }, { "title", w.title },
            { "description", w.description }, { "due_at", format_utc_timestamp(due) },
            { "created_at", format_utc_timestamp(due - 8 * k_day) }, { "max_points", w.max_points },
            { "rubric", rubric_json(rubrics.back()) } });
    }
    std::vector<std::int64_t> ids(work.size());
    for (const auto& row : exec_named(txn, "cli/demo_academy_assignments", tenant_id, assignments.dump())) {
        for (std::size_t a = 0; a < work.size(); ++a)
            if (row["title"].as<std::string>() == work[a].title)
                ids[a] = row["id"].as<std::int64_t>();
        ++counts.assignments;
    }

    Json submissions = Json::array();
    for (std::size_t a = 0; a < work.size(); ++a) {
        const auto& w = work[a];
        const bool marked = w.due_in_days < 0;
        const auto due = today + w.due_in_days * k_day + 22 * 3600;
        for (std::size_t m = 0; m < members.size(); ++m) {
            // Most hand in marked work; some have handed in what is due soon
            // (not the student login: theirs to hand in).
            const bool login = members[m] == student_login;
            const double handed = marked ? 0.9 : (login ? 0.0 : 0.4);
            if (!(login && marked) && unit() >= handed)
                continue;
            const double skill = std::clamp(ability[m] + (unit() - 0.5) * 0.3, 0.0, 1.0);
            // Marked work came in the days before it was due (a few half a day
            // late); work due soon came in early, in the last two days.
            const auto submitted = marked
                ? due - static_cast<std::int64_t>(unit() * 3 * k_day) + (unit() < 0.05 ? k_day / 2 : 0)
                : today - 3600 - static_cast<std::int64_t>(unit() * 2 * k_day);
            const auto answer = w.answers[skill > 0.7 ? 0 : skill > 0.45 ? 2 : 1];
            Json row = { { "assignment_id", ids[a] }, { "student_id", members[m] }, { "content", answer },
                { "submitted_at", format_utc_timestamp(submitted) }, { "grade", nullptr }, { "feedback", nullptr },
                { "graded_at", nullptr }, { "graded_by", nullptr }, { "rubric_marks", nullptr } };
            if (marked) {
                const auto& rubric = rubrics[a];
                std::vector<CriterionMark> marks;
                for (const auto& c : rubric.criteria) {
                    CriterionMark mark;
                    const int last = static_cast<int>(c.levels.size()) - 1;
                    const double q = c.bonus ? (unit() < skill * 0.6 ? 1.0 : 0.0) : std::clamp(skill + (unit() - 0.5) * 0.2, 0.0, 1.0);
                    mark.level = std::clamp(static_cast<int>((1.0 - q) * last + 0.5), 0, last);
                    // Now and then a mark falls between two levels, with the reason written down.
                    if (!c.bonus && *mark.level > 0 && unit() < 0.08) {
                        const int low = c.levels[static_cast<std::size_t>(*mark.level)].points;
                        const int high = c.levels[static_cast<std::size_t>(*mark.level - 1)].points;
                        if (high - low > 1)
                            mark.adjustment = CriterionAdjustment { (low + high) / 2,
                                k_adjustment_reasons[rng.below(k_adjustment_reasons.size())] };
                    }
                    marks.push_back(std::move(mark));
                }
                auto grade = rubric_grade(rubric, marks, w.max_points);
                if (!grade.ok())
                    throw std::logic_error("a demo mark does not add up: " + grade.error().message);
                row["grade"] = grade.value();
                row["feedback"] = feedback_for(static_cast<double>(grade.value()) / w.max_points, rng.below(3));
                row["graded_at"] = format_utc_timestamp(
                    std::min(due + k_day + static_cast<std::int64_t>(unit() * 3 * k_day), today - 3600));
                row["graded_by"] = instructor;
                row["rubric_marks"] = marks_json(marks);
            }
            submissions.push_back(std::move(row));
        }
    }
    if (!submissions.empty()) {
        auto row = exec_named(txn, "cli/demo_academy_submissions", tenant_id, submissions.dump())[0];
        counts.submissions = row["submissions"].as<int>();
        counts.marked = row["marked"].as<int>();
    }
    return counts;
}

} // namespace learnloop::server
