// The practice set: each answer is graded here, in the same frame, by the
// shared graders, and the mastery preview moves by the shared BKT update; the
// answer then goes to the server (with a client id, so a retry cannot count
// twice), which re-grades it authoritatively.
// [SECTION] estimates, [SECTION] storage, [SECTION] set, [SECTION] sync,
// [SECTION] check, [SECTION] resume
#include "practice/practice_set.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/random.hpp"
#include "platform/storage.hpp"
#include "practice/grading.hpp"
#include "practice/mastery_history.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace learnloop::client {

namespace {

// [SECTION] estimates ----------------------------------------------------------

double* known_of(PracticeTabState& p, const std::string& target)
{
    for (auto& [id, known] : p.known)
        if (id == target)
            return &known;
    return nullptr;
}

// A target's attempts before this set, and the set's tasks for it answered so far.
std::pair<int, int> set_attempts(const PracticeTabState& p, const std::string& target)
{
    int before = 0, answered = 0;
    for (const auto& t : p.targets)
        if (t.value("target_id", "") == target)
            before = t.value("attempts", 0);
    for (std::size_t i = 0; i < p.tasks.size(); ++i) {
        bool done = i < p.index || (i == p.index && (p.checked || p.finished));
        if (done && p.tasks[i].value("target_id", "") == target)
            ++answered;
    }
    return { before, answered };
}

// [SECTION] storage ------------------------------------------------------------

std::string outbox_key(const AppState& state)
{
    return "user-" + std::to_string(state.session.user_id);
}

std::string set_key(const AppState& state)
{
    return "set-user-" + std::to_string(state.session.user_id);
}

// A stored set older than this is not resumed: "today's" tasks are chosen afresh.
constexpr double k_resume_seconds = 12 * 3600;

std::string json_text(const Json& json)
{
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The outbox is written through to IndexedDB after every change (net/outbox),
// and so is the set in progress: its tasks (with their answers, for
// grading offline), the mastery estimates and where to resume. An answered
// task is never offered again after a reload: the resume point is the next
// one, stored in the same transaction as the answer (check()).
Json set_entry(const AppState& state, const PracticeTabState& p)
{
    Json known = Json::array(), start_known = Json::array();
    for (const auto& [target, value] : p.known)
        known.push_back({ target, value });
    for (const auto& [target, value] : p.start_known)
        start_known.push_back({ target, value });
    std::size_t resume = p.checked ? p.index + 1 : p.index;
    return { { set_key(state),
        json_text({ { "saved_at", state.wall_clock }, { "tasks", p.tasks }, { "targets", p.targets },
            { "resume", resume }, { "known", known }, { "start_known", start_known } }) } };
}

void persist_set(AppState& state, const PracticeTabState& p)
{
    store_save(set_entry(state, p));
}

// [SECTION] set ----------------------------------------------------------------

// Forgets the set (not the outbox: unsent answers outlive the set they came from).
void clear_set(PracticeTabState& p)
{
    PracticeTabState fresh;
    fresh.outbox = std::move(p.outbox);
    fresh.outbox_requested = p.outbox_requested;
    p = std::move(fresh);
}

} // namespace

BktParams params_of(const PracticeTabState& p, const std::string& target)
{
    for (const auto& t : p.targets)
        if (t.value("target_id", "") == target)
            return decode_bkt_params(t["bkt"]).value_or(BktParams {});
    return {};
}

std::string title_of(const PracticeTabState& p, const std::string& target)
{
    return target_title(p.targets, target);
}

std::vector<LevelChange> level_changes(const PracticeTabState& p)
{
    std::vector<LevelChange> changes;
    for (const auto& [target, before] : p.start_known) {
        LevelChange c { target, title_of(p, target), before, before };
        for (const auto& [id, known] : p.known)
            if (id == target)
                c.after = known;
        auto [attempts_before, answered] = set_attempts(p, target);
        c.from = mastery_level(before, attempts_before);
        c.to = mastery_level(c.after, attempts_before + answered);
        changes.push_back(std::move(c));
    }
    return changes;
}

void load_stored(AppState& state, PracticeTabState& p)
{
    outbox_load(p.outbox, answers_route(state, p));
    store_load(set_key(state));
}

void reset_answer(PracticeTabState& p, const Task& task)
{
    reset_answer_input(p.input, task);
    p.checked = false;
    p.verdict.clear();
    p.feedback.clear();
    p.explanation.clear();
    p.invalid.clear();
}

void start_set(AppState& state, PracticeTabState& p)
{
    bool replacing = !p.tasks.empty() && !p.finished && p.phase == Phase::Done;
    if (replacing) {
        p.replacing = true;
        p.replace_error.clear();
    } else {
        clear_set(p);
        p.phase = Phase::Loading;
    }
    api_call(state, "POST", "/api/task-sets", Json::object(), [&p](AppState& state, const ApiAnswer& answer) {
        if (!answer.ok() || !answer.body.is_object()) {
            if (p.replacing) {
                p.replacing = false;
                p.replace_error = answer.error_text();
            } else {
                p.phase = Phase::Failed;
                p.error = answer.error_text();
            }
            return;
        }
        clear_set(p);
        p.phase = Phase::Done;
        p.tasks = answer.body.value("tasks", Json::array());
        p.targets = answer.body.value("targets", Json::array());
        p.message = answer.body.value("message", "");
        for (const auto& t : p.targets) {
            p.known.emplace_back(t.value("target_id", ""), t.value("known", 0.0));
            p.start_known.emplace_back(t.value("target_id", ""), t.value("known", 0.0));
        }
        if (!p.tasks.empty()) {
            auto task = decode_task(p.tasks[0]["task"]);
            if (task.ok())
                reset_answer(p, task.value());
        }
        persist_set(state, p);
    });
}

// [SECTION] sync ---------------------------------------------------------------

namespace {

// The server's grade and estimate win. Each reply carries the target's
// estimate after that answer; once every answer made here has reached the
// server, its last estimate per target is the one to show (an answer in
// between would be built on it).
void answer_synced(PracticeTabState& p, const ApiAnswer& answer)
{
    if (answer.ok() && answer.body.contains("target") && answer.body["target"].is_object()) {
        const auto& target = answer.body["target"];
        auto id = target.value("target_id", "");
        auto it = std::find_if(p.server_known.begin(), p.server_known.end(), [&](const auto& e) { return e.first == id; });
        if (it == p.server_known.end())
            p.server_known.emplace_back(id, target.value("known", 0.0));
        else
            it->second = target.value("known", 0.0);
        if (answer.body.value("disagreement", false))
            p.sync_notice = "The server graded one of your answers differently from this device; "
                            "its grade counts, and your mastery shows it.";
    }
    if (p.outbox.entries.empty()) {
        for (const auto& [id, value] : p.server_known)
            if (auto* known = known_of(p, id))
                *known = value;
        p.server_known.clear();
    }
    // The task was answered already (from another tab or device): the
    // server kept that answer, so this one is dropped; say so.
    if (answer.status == 409)
        p.sync_notice = "An answer was not saved: that task had already been answered elsewhere "
                        "(another tab or device), and the first answer counts.";
    // Refused for good (the task is gone, the answer malformed): dropped, and said.
    else if (!answer.ok())
        p.sync_notice = "An answer was not saved: " + answer.error_text();
}

} // namespace

OutboxRoute answers_route(const AppState& state, PracticeTabState& p)
{
    OutboxRoute route;
    route.key = outbox_key(state);
    route.path = "/api/task-responses";
    route.done = [&p](AppState&, const Json&, const ApiAnswer& answer) { answer_synced(p, answer); };
    return route;
}

// Answers go one at a time, oldest first: the server applies each to the
// mastery estimate in the order it arrives, so the order the student
// answered in is the order it applies them in (the same estimate the
// student saw).
void sync(AppState& state, PracticeTabState& p)
{
    outbox_sync(state, p.outbox, answers_route(state, p));
}

std::string sync_trouble(const PracticeTabState& p)
{
    if (!outbox_stalled(p.outbox))
        return {};
    return p.outbox.last_status == 0
        ? "The server cannot be reached; they are kept on this device and sent when it can."
        : "The server is not taking them just now (status " + std::to_string(p.outbox.last_status)
            + "); they are kept on this device and sent later.";
}

// [SECTION] check --------------------------------------------------------------

namespace {

} // namespace

void check(AppState& state, PracticeTabState& p, const Task& task)
{
    int requests_before = state.requests_in_flight;
    if (auto problem = answer_problem(p.input, task); !problem.empty()) {
        p.invalid = problem;
        return;
    }
    auto answer = encode_answer(answer_of(p.input, task));
    auto result = grade(task, answer);
    if (!result.ok()) {
        p.invalid = result.error().message;
        return;
    }
    p.checked = true;
    p.verdict = std::string(verdict_name(result.value().verdict));
    p.feedback = result.value().feedback;
    p.explanation = task.explanation;
    auto* known = known_of(p, task.target_id);
    auto params = params_of(p, task.target_id);
    p.known_before = known ? *known : params.prior;
    p.known_after = bkt_update(params, p.known_before, result.value().verdict == Verdict::Correct);
    if (known)
        *known = p.known_after;
    p.requests_during_check += state.requests_in_flight - requests_before;

    const auto route = answers_route(state, p);
    p.outbox.entries.push_back({ { "client_id", new_client_id('c') },
        { "task_id", p.tasks[p.index].value("task_id", std::int64_t(0)) }, { "answer", answer },
        { "client_verdict", p.verdict }, { "answered_at", format_utc_timestamp(static_cast<std::int64_t>(state.wall_clock)) } });
    // The answer and the new resume point, in one transaction. Until the
    // stored outbox is in, the answer waits in memory (not to write over
    // it) and so does the resume point: both are stored once it arrives.
    if (!p.outbox.loaded)
        return;
    auto entries = outbox_storage(p.outbox, route);
    entries.update(set_entry(state, p));
    store_save(entries);
}

// [SECTION] resume -------------------------------------------------------------

namespace {

// Resumes a stored set if the student has not started one in this page yet.
void resume_set(AppState& state, PracticeTabState& p, const Json& stored)
{
    // Stored data is read defensively: it may come from another version of
    // the app, and reading a field of the wrong type would stop it.
    if (p.phase != Phase::Idle || !stored.is_object())
        return;
    auto field = [&](const char* name) { return stored.contains(name) ? stored[name] : Json(); };
    auto saved_at = field("saved_at");
    auto tasks = field("tasks");
    auto resume_field = field("resume");
    if (!saved_at.is_number() || !tasks.is_array() || !resume_field.is_number_unsigned())
        return;
    auto resume = resume_field.get<std::size_t>();
    if (state.wall_clock - saved_at.get<double>() > k_resume_seconds || resume >= tasks.size()
        || !tasks[resume].is_object() || !tasks[resume].contains("task"))
        return;
    auto read_pairs = [](const Json& list) {
        std::vector<std::pair<std::string, double>> pairs;
        if (list.is_array())
            for (const auto& pair : list)
                if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_number())
                    pairs.emplace_back(pair[0].get<std::string>(), pair[1].get<double>());
        return pairs;
    };
    auto task = decode_task(tasks[resume]["task"]);
    if (!task.ok())
        return;
    auto targets = field("targets");
    p.tasks = std::move(tasks);
    p.targets = targets.is_array() ? targets : Json::array();
    p.known = read_pairs(field("known"));
    p.start_known = read_pairs(field("start_known"));
    p.index = resume;
    p.phase = Phase::Done;
    p.resumed = true;
    reset_answer(p, task.value());
}

} // namespace

void practice_store_loaded(AppState& state, PracticeTabState& p, const std::string& key, const std::string& json)
{
    if (key == set_key(state)) {
        auto parsed = parse_json(json);
        if (parsed.ok())
            resume_set(state, p, parsed.value());
        return;
    }
    if (key != outbox_key(state))
        return;   // another user's, from before a sign-out
    const bool answered_meanwhile = !p.outbox.entries.empty();
    outbox_stored(state, p.outbox, answers_route(state, p), json);
    if (answered_meanwhile && !p.tasks.empty())
        persist_set(state, p);   // the resume point held back in check()
}

void practice_sign_out(AppState& state)
{
    // The set in progress stays on this computer only for its own student.
    store_save({ { set_key(state), nullptr } });
}

} // namespace learnloop::client
