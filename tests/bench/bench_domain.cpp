// Domain benchmark, compiled natively and to WebAssembly (run under node by
// scripts/bench-domain): BKT updates per second, and the time to fit and
// evaluate knowledge tracing on a response log. Prints one JSON object.
#include "academy/gift.hpp"
#include "academy/question_task.hpp"
#include "academy/quiz.hpp"
#include "practice/curriculum.hpp"
#include "practice/grading.hpp"
#include "practice/knowledge_tracing.hpp"
#include "practice/selection.hpp"
#include "tutoring/calendar_layout.hpp"
#include "tutoring/sessions.hpp"
#include "tutoring/zone.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace learnloop;
using Clock = std::chrono::steady_clock;

namespace {

std::string read_file(const char* path);
double seconds_since(Clock::time_point start);

// A tutoring business's month grid (six weeks from Monday 30 November 2026)
// in London: 200 series of weekday lessons at 09:00 and 15:00 (about 12,000
// sessions), one in twenty changed, expanded with the changes applied,
// converted to UTC and laid out as a month; the time of one whole pass.
void bench_calendar(Json& result)
{
    auto zone = parse_tzif(read_file("/usr/share/zoneinfo/Europe/London"), "Europe/London");
    if (!zone.ok()) {
        std::fprintf(stderr, "no tz database: the calendar benchmark is skipped\n");
        return;
    }
    auto rule = RecurrenceRule::create("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=9,15");
    std::vector<SessionSeries> series;
    std::vector<OccurrenceChange> changes;
    for (int i = 0; i < 200; ++i) {
        series.push_back({ i + 1, 1 + i % 4, 100 + i, "Maths", "", Series { { 2026, 9, 7, 9, 0, 0 }, rule.value(), {}, {} },
            45 });
        for (int week = 0; week < 6; ++week)
            if ((i + week) % 20 == 0)
                changes.push_back({ 0, i + 1, { 2026, 12, 1 + week, 9, 0, 0 }, std::nullopt, std::nullopt, std::nullopt,
                    true });
    }
    const LocalDateTime first { 2026, 11, 30, 0, 0, 0 };
    const auto from = to_utc(first, zone.value()), to = to_utc({ 2027, 1, 11, 0, 0, 0 }, zone.value());
    const int runs = 20;
    std::size_t count = 0, shown = 0;
    auto start = Clock::now();
    for (int run = 0; run < runs; ++run) {
        auto found = occurrences_between(series, changes, zone.value(), from, to, 100000);
        std::vector<CalendarEvent> events;
        events.reserve(found.value().size());
        for (const auto& o : found.value())
            events.push_back({ o.series_id * 100000 + o.start.day * 100 + o.start.hour, o.start, o.end, false });
        auto month = layout_month(events, 2026, 12);
        count = found.value().size();
        shown = 0;
        for (const auto& cell : month)
            shown += cell.shown.size();
    }
    result["calendar_month_ms"] = seconds_since(start) * 1000 / runs;
    result["calendar_month_sessions"] = count;
    result["calendar_month_cells_shown"] = shown;
}

double seconds_since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const char* path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

// The exam bank at scale: the repository's 179 questions copied under new
// ids to 10,000 and written as one GIFT file, then read back and checked as
// an import does (parse_gift, question_task for each); a 20-question draw
// from all 10,000 with 2,000 of them already seen; a 50-question attempt
// asked and graded with its keys.
void bench_exam_bank(const char* dir, Json& result)
{
    std::vector<BankQuestion> base;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.path().extension() == ".gift")
            paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths)
        for (auto& q : parse_gift(read_file(path.string().c_str())).questions)
            base.push_back(std::move(q));
    if (base.empty())
        return;
    std::vector<BankQuestion> copies;
    for (int i = 0; copies.size() < 10'000; ++i) {
        auto q = base[static_cast<std::size_t>(i) % base.size()];
        q.id += "-" + std::to_string(i);
        q.title = q.id;
        copies.push_back(std::move(q));
    }
    const auto gift = write_gift(copies);

    auto start = Clock::now();
    auto read = parse_gift(gift);
    std::size_t askable = 0;
    for (const auto& q : read.questions)
        askable += question_task(q, 0).ok();
    result["bank_import_10000_ms"] = seconds_since(start) * 1000;
    result["bank_import_questions"] = askable;

    std::vector<BankEntry> bank;
    std::set<std::string> seen;
    for (const auto& q : read.questions) {
        bank.push_back({ q.id, question_skill(q), std::max(1, question_difficulty(q)) });
        if (bank.size() % 5 == 0)
            seen.insert(q.id);
    }
    QuizPlan plan;
    plan.draws = { { "", 2, 4, 20 } };
    const int draws = 200;
    std::size_t drawn = 0;
    start = Clock::now();
    for (int d = 0; d < draws; ++d)
        drawn += draw_attempt(plan, bank, seen, static_cast<std::uint64_t>(d)).value().size();
    result["draw_20_of_10000_ms"] = seconds_since(start) * 1000 / draws;
    result["draw_questions"] = drawn;

    std::vector<Json> keys;
    std::vector<std::size_t> chosen;
    for (std::size_t i = 0; chosen.size() < 50; i += 7)
        chosen.push_back(i % read.questions.size());
    const int attempts = 200;
    double scored = 0;
    start = Clock::now();
    for (int a = 0; a < attempts; ++a) {
        std::vector<Task> tasks;
        std::vector<Json> answers;
        for (auto i : chosen) {
            tasks.push_back(question_task(read.questions[i], static_cast<std::uint64_t>(a)).value());
            const auto& t = tasks.back();
            switch (t.kind) {
            case TaskKind::MultipleSelect: {
                Json picks = Json::array();
                for (std::size_t o = 0; o < t.options.size(); ++o)
                    if (t.options[o].correct)
                        picks.push_back(o);
                answers.push_back({ { "choices", picks } });
                break;
            }
            case TaskKind::Numeric: answers.push_back({ { "value", t.answer } }); break;
            case TaskKind::ShortText: answers.push_back({ { "text", t.accepted_answers[0] } }); break;
            case TaskKind::QuantitativeComparison: answers.push_back({ { "choice", comparison_name(t.comparison) } }); break;
            default:
                answers.push_back({ { "choice", std::find_if(t.options.begin(), t.options.end(), [](auto& o) { return o.correct; })
                                                   - t.options.begin() } });
            }
        }
        scored += grade_attempt(tasks, answers).value().score;
    }
    result["attempt_of_50_ms"] = seconds_since(start) * 1000 / attempts;
    result["attempt_scores"] = scored / attempts;
}

int main(int argc, char** argv)
{
    Json result = Json::object();

    // BKT updates: a long alternating run, so nothing can be folded away.
    BktParams p { 0.2, 0.15, 0.2, 0.1 };
    const int updates = 20'000'000;
    double known = p.prior, checksum = 0;
    auto start = Clock::now();
    for (int i = 0; i < updates; ++i) {
        known = bkt_update(p, known, (i * 2654435761u) % 7 < 4);
        checksum += known;
    }
    double seconds = seconds_since(start);
    result["bkt_updates_per_second"] = updates / seconds;
    result["checksum"] = checksum;

    if (argc >= 3) {
        start = Clock::now();
        auto train = parse_response_log(read_file(argv[1]));
        auto test = parse_response_log(read_file(argv[2]), train.ok() ? &train.value() : nullptr);
        if (!train.ok() || !test.ok()) {
            std::fprintf(stderr, "cannot read the logs\n");
            return 1;
        }
        result["parse_seconds"] = seconds_since(start);
        start = Clock::now();
        auto skills = fit_bkt(train.value());
        result["fit_bkt_seconds"] = seconds_since(start);
        start = Clock::now();
        auto model = fit_bkt_items(train.value(), skills);
        result["fit_items_seconds"] = seconds_since(start);
        std::vector<bool> outcomes;
        for (const auto& r : test.value().responses)
            outcomes.push_back(r.correct);
        start = Clock::now();
        auto predictions = predict_log(test.value(), model, KtModel::BktItems);
        result["predict_seconds"] = seconds_since(start);
        result["auc_bkt_items"] = evaluate(predictions, outcomes).auc;
        result["auc_bkt"] = evaluate(predict_log(test.value(), model, KtModel::Bkt), outcomes).auc;
    }
    if (argc >= 4) {
        // Grading and set generation over the real curriculum.
        std::vector<TaskTemplate> templates;
        std::vector<std::filesystem::path> paths;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[3]))
            if (entry.path().extension() == ".json")
                paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        std::vector<SelectionTarget> targets;
        for (const auto& path : paths) {
            auto json = parse_json(read_file(path.string().c_str()));
            auto file = json.ok() ? decode_curriculum_file(json.value()) : Result<CurriculumFile>(json.error());
            if (!file.ok())
                continue;
            for (const auto& t : file.value().targets)
                targets.push_back({ t.id, 0.3 + 0.05 * (targets.size() % 10), false });
            for (auto& t : file.value().templates)
                templates.push_back(t);
        }
        result["templates"] = templates.size();
        // Pre-render one task per template, then grade its key over and over.
        std::vector<std::pair<Task, Json>> tasks;
        for (std::size_t i = 0; i < templates.size(); ++i) {
            auto task = generate_task(templates[i], i);
            if (task.ok())
                tasks.emplace_back(task.value(), correct_answer(task.value()));
        }
        const int gradings = 200'000;
        int correct = 0;
        // Warm up for half a second first: V8 runs new WebAssembly on its
        // baseline compiler and swaps in optimised code, compiled in the
        // background, once a function is hot. Measure the steady state.
        start = Clock::now();
        for (std::size_t i = 0; seconds_since(start) < 0.5; ++i)
            correct += grade(tasks[i % tasks.size()].first, tasks[i % tasks.size()].second).ok();
        correct = 0;
        start = Clock::now();
        for (int i = 0; i < gradings; ++i) {
            const auto& [task, answer] = tasks[i % tasks.size()];
            auto graded = grade(task, answer);
            correct += graded.ok() && graded.value().verdict == Verdict::Correct;
        }
        result["gradings_per_second"] = gradings / seconds_since(start);
        result["gradings_correct"] = correct;

        // The same per task kind, to see where the time goes.
        Json by_kind = Json::object();
        for (auto kind : { TaskKind::SingleChoice, TaskKind::MultipleSelect, TaskKind::Numeric, TaskKind::ShortText,
                 TaskKind::Cloze, TaskKind::Ordering, TaskKind::QuantitativeComparison }) {
            std::vector<const std::pair<Task, Json>*> of_kind;
            for (const auto& entry : tasks)
                if (entry.first.kind == kind)
                    of_kind.push_back(&entry);
            if (of_kind.empty())
                continue;
            const int kind_gradings = 50'000;
            start = Clock::now();
            for (int i = 0; i < kind_gradings; ++i) {
                const auto& [task, answer] = *of_kind[static_cast<std::size_t>(i) % of_kind.size()];
                auto graded = grade(task, answer);
                correct += graded.ok() && graded.value().verdict == Verdict::Correct;
            }
            by_kind[std::string(task_kind_name(kind))] = kind_gradings / seconds_since(start);
        }
        result["gradings_per_second_by_kind"] = by_kind;
        // A 20-task personalised set: selection over 10 assigned targets, then generation.
        std::vector<SelectionTarget> assigned(targets.begin(), targets.begin() + std::min<std::size_t>(10, targets.size()));
        std::vector<SelectionTemplate> pool;
        for (const auto& t : templates)
            pool.push_back({ t.id, t.target_id, t.difficulty });
        const int sets = 200;
        start = Clock::now();
        std::size_t generated = 0;
        for (int s = 0; s < sets; ++s) {
            SelectionInput input { assigned, pool, {}, 20, 30, static_cast<std::uint64_t>(s) };
            for (const auto& pick : select_tasks(input)) {
                auto it = std::find_if(templates.begin(), templates.end(), [&](const auto& t) { return t.id == pick.template_id; });
                generated += generate_task(*it, pick.seed).ok();
            }
        }
        result["set_of_20_ms"] = seconds_since(start) * 1000 / sets;
        result["tasks_generated"] = generated;
    }
    bench_calendar(result);
    if (argc >= 5)
        bench_exam_bank(argv[4], result);
    std::printf("%s\n", result.dump().c_str());
    return 0;
}
