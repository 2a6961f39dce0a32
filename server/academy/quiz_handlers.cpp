// An academy's quizzes (quiz_handlers.hpp): [SECTION] quizzes of a course,
// [SECTION] an attempt as stored, [SECTION] taking a quiz.
#include "academy/quiz_handlers.hpp"

#include "academy/bank_store.hpp"
#include "academy/course_handlers.hpp"
#include "academy/question_task.hpp"
#include "academy/quiz.hpp"
#include "academy/tutor.hpp"
#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "core/validation.hpp"
#include "platform/crypto.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace learnloop::server {

namespace {

const char* k_quiz_not_found = "Quiz not found";
const char* k_attempt_not_found = "Attempt not found";

QuizMode mode_of(const pqxx::field& field)
{
    QuizMode mode = QuizMode::Practice;
    (void)parse_quiz_mode(field.as<std::string>(), mode);   // the table's CHECK allows only the two
    return mode;
}

} // namespace

// [SECTION] quizzes of a course -------------------------------------------------

// GET /api/academy/courses/{id}/quizzes: each live quiz, with the caller's
// own attempts (a student) and how the course did (staff).
Result<ApiResponse> handle_course_quizzes(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], "Course not found"));
    auto course = TRY(course_for(txn, caller, id, Action::CourseRead, false));
    // A taker's view (the matrix's quiz.take: students), else staff's.
    const bool student = reach_for(caller, Action::QuizTake).scope != Scope::None;
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "academy/course_quizzes", course.id, caller.user_id)) {
        const auto mode = mode_of(row["mode"]);
        const auto questions = row["question_count"].as<std::size_t>();
        Json quiz { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
            { "mode", quiz_mode_name(mode) }, { "mode_label", quiz_mode_for_people(mode) },
            { "question_count", questions }, { "time_limit_minutes", row["time_limit_minutes"].as<int>() },
            { "attempts_allowed", row["attempts_allowed"].as<int>() }, { "tutor", row["tutor"].as<bool>() } };
        if (student) {
            const auto used = row["my_attempts"].as<int>();
            quiz["attempts_used"] = used;
            quiz["best_score"] = row["my_best"].is_null() ? Json(nullptr)
                                                           : Json(score_for_people(row["my_best"].as<double>(), questions));
            quiz["open_attempt_id"] = row["my_open_attempt"].is_null() ? Json(nullptr)
                                                                        : Json(row["my_open_attempt"].as<std::int64_t>());
            quiz["may_start"] = may_start_attempt(used, row["attempts_allowed"].as<int>()).ok();
        } else {
            quiz["submitted_attempts"] = row["submitted"].as<std::int64_t>();
            quiz["hints_given"] = row["hints"].as<std::int64_t>();
            quiz["average_score"] = row["average"].is_null()
                ? Json(nullptr)
                : Json(score_for_people(row["average"].as<double>(), questions));
        }
        list.push_back(std::move(quiz));
    }
    return json_response(200, { { "course_id", course.id }, { "course_title", course.title }, { "quizzes", list } });
}

// POST /api/academy/courses/{id}/quizzes: a quiz whose plan the bank can
// fill now (a draw it cannot fill is refused, naming the draw).
Result<ApiResponse> handle_create_quiz(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    auto quiz = TRY(decode_quiz_settings(body));
    auto id = TRY(parse_id(req.matches[1], "Course not found"));
    auto course = TRY(course_for(txn, caller, id, Action::QuizManage, true));
    TRY(draw_attempt(quiz.plan, draw_pool(txn, caller.tenant_id).entries, {}, 1));
    const auto plan = quiz_plan_to_json(quiz.plan);
    const auto count = plan_question_count(quiz.plan);
    auto quiz_id = exec_named(txn, "academy/insert_quiz", caller.tenant_id, course.id, quiz.title,
        std::string(quiz_mode_name(quiz.mode)), plan.dump(), count, quiz.time_limit_minutes, quiz.attempts_allowed,
        caller.user_id, quiz.tutor)[0]["id"]
                       .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.create", "quiz", std::to_string(quiz_id), nullptr,
                          { { "course_id", course.id }, { "title", quiz.title }, { "mode", quiz_mode_name(quiz.mode) },
                              { "plan", plan }, { "time_limit_minutes", quiz.time_limit_minutes },
                              { "attempts_allowed", quiz.attempts_allowed }, { "tutor", quiz.tutor } } });
    return json_response(201, { { "id", quiz_id }, { "question_count", count }, { "message", "Quiz saved" } });
}

// [SECTION] an attempt as stored -------------------------------------------------

namespace {

struct AttemptQuestion {
    int number = 1;                  // 1, 2, ... in the order asked
    BankQuestion question;           // the version asked (the tutor's hints are its)
    Task task;                       // with its key
    int hints_used = 0;
    std::optional<Json> answer;
    std::optional<double> score;
    std::string verdict;
};

struct Attempt {
    std::int64_t id = 0, quiz_id = 0, student_id = 0, course_id = 0;
    int number = 1;
    std::uint64_t seed = 0;
    std::int64_t started = 0, now = 0;
    bool submitted = false;
    std::optional<double> score;
    std::string title, course_title, student_name;
    QuizMode mode = QuizMode::Practice;
    int time_limit_minutes = 0;
    bool tutor = false;
    std::vector<AttemptQuestion> questions;

    [[nodiscard]] bool in_time() const { return learnloop::in_time(started, now, time_limit_minutes); }
};

// The student's own attempt (NotFound for anyone else's); `lock` for a
// handler that writes to it (a GET runs read-only and cannot lock).
Result<Attempt> load_attempt(pqxx::transaction_base& txn, std::int64_t id, std::int64_t student_id, bool lock = false)
{
    if (lock && exec_named(txn, "academy/lock_attempt", id, student_id).empty())
        return make_error(ErrorCode::NotFound, k_attempt_not_found);
    auto rows = exec_named(txn, "academy/attempt", id, student_id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_attempt_not_found);
    const auto& row = rows[0];
    Attempt a;
    a.id = id;
    a.quiz_id = row["quiz_id"].as<std::int64_t>();
    a.student_id = row["student_id"].as<std::int64_t>();
    a.course_id = row["course_id"].as<std::int64_t>();
    a.number = row["number"].as<int>();
    a.seed = static_cast<std::uint64_t>(row["seed"].as<std::int64_t>());
    a.started = row["started_unix"].as<std::int64_t>();
    a.now = row["now_unix"].as<std::int64_t>();
    a.submitted = !row["submitted_at"].is_null();
    a.score = optional_field<double>(row["score"]);
    a.title = row["title"].as<std::string>();
    a.course_title = row["course_title"].as<std::string>();
    a.student_name = row["student_name"].as<std::string>();
    a.mode = mode_of(row["mode"]);
    a.time_limit_minutes = row["time_limit_minutes"].as<int>();
    a.tutor = row["tutor"].as<bool>();
    for (const auto& q : exec_named(txn, "academy/attempt_questions", id)) {
        AttemptQuestion question;
        const auto position = q["position"].as<std::int64_t>();
        question.number = static_cast<int>(position) + 1;
        question.question = TRY(stored_question(q));
        question.task = TRY(attempt_question_task(question.question, a.seed, static_cast<std::size_t>(position)));
        question.hints_used = q["hints_used"].as<int>();
        if (!q["answer"].is_null()) {
            auto answer = parse_json(q["answer"].as<std::string>());
            if (!answer.ok())
                return make_error(ErrorCode::Internal, "a stored answer does not read");
            question.answer = std::move(answer.value());
        }
        question.score = optional_field<double>(q["score"]);
        question.verdict = q["verdict"].is_null() ? std::string() : q["verdict"].as<std::string>();
        a.questions.push_back(std::move(question));
    }
    return a;
}

// What the student sees of one question: the key, the grade and the
// explanation only once they are theirs to see (a practice answer once
// given; everything once an exam is handed in).
// The key of a question reaches the browser with the question in a
// practice quiz (graded there at once), except with the tutor, where it
// waits until the question is answered (else the hints would be moot); in
// an exam, once the attempt is handed in.
bool key_shown(const Attempt& a, const AttemptQuestion& q)
{
    if (a.submitted)
        return true;
    return a.mode == QuizMode::Practice && (!a.tutor || q.answer);
}

Json task_json(const Attempt& a, const AttemptQuestion& q)
{
    if (key_shown(a, q))
        return to_json(q.task, TaskView::WithAnswers);
    // Without the key, nothing that would undo the options' shuffle either:
    // no seed (the order the author wrote them in often puts the right one
    // first). Students never read the bank, so its code tells them nothing.
    auto json = to_json(q.task, TaskView::ForStudent);
    json["seed"] = "0";
    return json;
}

Json question_json(const Attempt& a, const AttemptQuestion& q)
{
    const bool graded_shown = a.submitted || (a.mode == QuizMode::Practice && q.answer);
    Json json { { "number", q.number }, { "task", task_json(a, q) }, { "answered", q.answer.has_value() },
        { "hints_used", q.hints_used } };
    if (q.answer)
        json["answer"] = *q.answer;
    if (graded_shown) {
        json["verdict"] = q.answer ? Json(q.verdict) : Json("unanswered");
        json["score"] = q.score.value_or(0.0);
        if (q.answer) {
            auto graded = grade(q.task, *q.answer);
            json["feedback"] = graded.ok() ? graded.value().feedback : std::string();
        }
        json["explanation"] = q.task.explanation;
        json["answer_text"] = answer_key_for_people(q.task);
    }
    return json;
}

Json attempt_json(const Attempt& a)
{
    Json questions = Json::array();
    for (const auto& q : a.questions)
        questions.push_back(question_json(a, q));
    Json json { { "id", a.id }, { "quiz_id", a.quiz_id }, { "quiz_title", a.title }, { "course_id", a.course_id },
        { "course_title", a.course_title }, { "mode", quiz_mode_name(a.mode) }, { "number", a.number },
        { "time_limit_minutes", a.time_limit_minutes }, { "tutor", a.tutor }, { "submitted", a.submitted },
        { "questions", questions } };
    // Seconds, not a clock time: the browser counts down on its own clock.
    const auto deadline = attempt_deadline(a.started, a.time_limit_minutes);
    json["seconds_left"] = a.submitted || deadline == 0 ? Json(nullptr) : Json(std::max<std::int64_t>(0, deadline - a.now));
    if (a.submitted) {
        const auto score = a.score.value_or(0.0);
        int correct = 0, answered = 0;
        for (const auto& q : a.questions) {
            answered += q.answer ? 1 : 0;
            correct += q.verdict == "correct" ? 1 : 0;
        }
        json["score"] = score;
        json["score_text"] = score_for_people(score, a.questions.size());
        json["answered"] = answered;
        json["correct"] = correct;
    }
    return json;
}

// Hands in an attempt (its score the sum of its answers'), audited; false
// when it was handed in already.
bool submit(pqxx::transaction_base& txn, const Caller& caller, const Attempt& a, bool time_ran_out)
{
    auto rows = exec_named(txn, "academy/submit_attempt", a.id);
    if (rows.empty())
        return false;
    append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.submit", "quiz_attempt", std::to_string(a.id), nullptr,
                          { { "quiz_id", a.quiz_id }, { "score", rows[0]["score"].as<double>() },
                              { "time_ran_out", time_ran_out } } });
    return true;
}

// A refusal that keeps what was written before it (an expired attempt handed in).
ApiResponse refusal_keeping(const Error& error, bool keep)
{
    auto response = error_for(error);
    response.keep_writes = keep;
    return response;
}

} // namespace

// [SECTION] taking a quiz -----------------------------------------------------------

// POST /api/academy/quizzes/{id}/attempts: the student's open attempt if
// one is still in time (200), else a new one (201) while attempts remain.
Result<ApiResponse> handle_start_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_quiz_not_found));
    exec_named(txn, "academy/lock_student_quiz", id, caller.user_id);
    auto quizzes = exec_named(txn, "academy/quiz_for_student", id, caller.user_id);
    if (quizzes.empty())
        return make_error(ErrorCode::NotFound, k_quiz_not_found);
    const auto& quiz = quizzes[0];
    auto used = quiz["used"].as<int>();
    auto open = exec_named(txn, "academy/open_attempt", id, caller.user_id);
    bool handed_in = false;
    if (!open.empty()) {
        auto attempt = TRY(load_attempt(txn, open[0]["id"].as<std::int64_t>(), caller.user_id, true));
        if (attempt.in_time())
            return json_response(200, attempt_json(attempt));
        handed_in = submit(txn, caller, attempt, true);   // time ran out while away: handed in as it stands
    }
    if (auto allowed = may_start_attempt(used, quiz["attempts_allowed"].as<int>()); !allowed.ok())
        return refusal_keeping(allowed.error(), handed_in);

    auto plan = decode_quiz_plan(TRY(parse_json(quiz["plan"].as<std::string>())));
    if (!plan.ok())
        return make_error(ErrorCode::Internal, "quiz " + std::to_string(id) + "'s plan does not read");
    auto pool = draw_pool(txn, caller.tenant_id);
    std::set<std::string> seen;
    for (const auto& row : exec_named(txn, "academy/seen_codes", caller.user_id))
        seen.insert(row["code"].as<std::string>());
    const auto seed = random_seed();
    auto codes = draw_attempt(plan.value(), pool.entries, seen, seed);
    if (!codes.ok())
        return refusal_keeping(make_error(ErrorCode::FailedPrecondition,
                                   "This quiz cannot be set now: its questions have changed in the bank. Tell your "
                                   "instructor"),
            handed_in);
    std::vector<std::int64_t> ids;
    for (const auto& code : codes.value())
        ids.push_back(pool.ids.at(code));
    auto attempt_id = exec_named(txn, "academy/insert_attempt", caller.tenant_id, id, caller.user_id, used + 1,
        static_cast<std::int64_t>(seed))[0]["id"]
                          .as<std::int64_t>();
    exec_named(txn, "academy/insert_attempt_questions", caller.tenant_id, attempt_id, ids_array(ids));
    append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.start", "quiz_attempt", std::to_string(attempt_id),
                          nullptr, { { "quiz_id", id }, { "number", used + 1 }, { "question_ids", ids } } });
    return json_response(201, attempt_json(TRY(load_attempt(txn, attempt_id, caller.user_id))));
}

// GET /api/academy/attempts/{id}: the student's own attempt, as far as they may see it.
Result<ApiResponse> handle_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_attempt_not_found));
    return json_response(200, attempt_json(TRY(load_attempt(txn, id, caller.user_id))));
}

// PUT /api/academy/attempts/{id}/answers/{number} {answer, client_verdict?}:
// practice grades it now (once: a checked answer stands) and says whether
// the browser's grade agreed; an exam keeps it (changeable until handed in)
// and says nothing of it.
Result<ApiResponse> handle_answer_question(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "answer", "client_verdict" }));
    const auto& raw_answer = *TRY(json_field(body, "answer"));
    std::optional<std::string> client_verdict;
    if (body.contains("client_verdict") && !body["client_verdict"].is_null())
        client_verdict = std::string(verdict_name(TRY(parse_verdict(TRY(json_string_field(body, "client_verdict"))))));
    auto id = TRY(parse_id(req.matches[1], k_attempt_not_found));
    auto number = TRY(parse_id(req.matches[2], "Question not found"));
    auto attempt = TRY(load_attempt(txn, id, caller.user_id, true));
    if (number > static_cast<std::int64_t>(attempt.questions.size()))
        return make_error(ErrorCode::NotFound, "Question not found");
    auto& question = attempt.questions[static_cast<std::size_t>(number - 1)];
    const auto answer = encode_answer(TRY(decode_answer(question.task, raw_answer)));
    if (attempt.submitted)
        return make_error(ErrorCode::Conflict, "This attempt has been handed in; its answers can no longer change");
    if (!attempt.in_time())
        return make_error(ErrorCode::Conflict, "Time is up for this attempt: hand it in to see how you did");
    if (attempt.mode == QuizMode::Practice && question.answer)
        return make_error(ErrorCode::Conflict, "You have already answered this question");
    const auto graded = TRY(grade(question.task, answer));
    const auto verdict = std::string(verdict_name(graded.verdict));
    const auto credit = hinted_credit(graded.score, question.hints_used);
    exec_named(txn, "academy/save_answer", id, number - 1, answer.dump(), credit, verdict, client_verdict);
    append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.answer", "quiz_attempt", std::to_string(id),
                          nullptr, { { "number", number }, { "verdict", verdict } } });
    if (attempt.mode == QuizMode::Exam)
        return json_response(200, { { "number", number }, { "message", "Answer saved" } });
    return json_response(200,
        { { "number", number }, { "verdict", verdict }, { "score", credit }, { "hints_used", question.hints_used },
            { "feedback", graded.feedback },
            { "explanation", question.task.explanation }, { "answer_text", answer_key_for_people(question.task) },
            { "disagreement", client_verdict.has_value() && *client_verdict != verdict } });
}

// POST /api/academy/attempts/{id}/submit: hands the attempt in (late too:
// answers after the time limit were refused, the rest count) and returns
// the review with the key and explanations.
Result<ApiResponse> handle_submit_attempt(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], k_attempt_not_found));
    auto attempt = TRY(load_attempt(txn, id, caller.user_id, true));
    if (attempt.submitted || !submit(txn, caller, attempt, !attempt.in_time()))
        return make_error(ErrorCode::Conflict, "This attempt has already been handed in");
    return json_response(200, attempt_json(TRY(load_attempt(txn, id, caller.user_id))));
}

// POST /api/academy/attempts/{id}/questions/{number}/help {message}: the
// tutor's reply in a practice quiz with the tutor — the next hint of the
// question's ladder or a refusal, never the answer (academy/tutor's guard).
// Each hint lowers the credit of the answer that follows (hinted_credit).
// The student's words are not kept: only how many hints they had.
Result<ApiResponse> handle_tutor_help(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "message" }));
    auto message = TRY(validate_text(TRY(json_string_field(body, "message")), "message", "Your message", 1, 500,
        TextLines::Multiple));
    auto id = TRY(parse_id(req.matches[1], k_attempt_not_found));
    auto number = TRY(parse_id(req.matches[2], "Question not found"));
    auto attempt = TRY(load_attempt(txn, id, caller.user_id, true));
    if (number > static_cast<std::int64_t>(attempt.questions.size()))
        return make_error(ErrorCode::NotFound, "Question not found");
    if (!attempt.tutor)
        return make_error(ErrorCode::Conflict, "This quiz has no tutor");
    if (attempt.submitted)
        return make_error(ErrorCode::Conflict, "This attempt has been handed in");
    if (!attempt.in_time())
        return make_error(ErrorCode::Conflict, "Time is up for this attempt");
    auto& question = attempt.questions[static_cast<std::size_t>(number - 1)];
    if (question.answer)
        return make_error(ErrorCode::Conflict, "The tutor helps before you answer, and this question is answered");
    TutorSession session { question.hints_used };
    auto turn = tutor_reply(question.question, session, message);
    if (turn.hint) {
        exec_named(txn, "academy/save_hints", id, number - 1, std::min(session.hints_given, k_quiz_most_hints));
        append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.hint", "quiz_attempt", std::to_string(id), nullptr,
                              { { "number", number }, { "hints_used", session.hints_given } } });
    }
    return json_response(200, { { "reply", turn.text }, { "hint", turn.hint }, { "hints_used", session.hints_given } });
}

// [SECTION] results ------------------------------------------------------------------

// GET /api/academy/quizzes/{id}/results: for its instructor and
// administrators, how each question did (its average, how it follows the
// rest of the attempt, what to look at) and each student's best attempt.
Result<ApiResponse> handle_quiz_results(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto id = TRY(parse_id(req.matches[1], k_quiz_not_found));
    auto quizzes = exec_named(txn, "academy/quiz_of_course", id);
    if (quizzes.empty())
        return make_error(ErrorCode::NotFound, k_quiz_not_found);
    const auto& quiz = quizzes[0];
    auto course = course_for(txn, caller, quiz["course_id"].as<std::int64_t>(), Action::QuizManage, true);
    if (!course.ok())
        return make_error(ErrorCode::NotFound, k_quiz_not_found);   // another instructor's quiz reads as absent
    const auto questions = quiz["question_count"].as<std::size_t>();

    std::vector<AttemptItems> attempts;
    std::map<std::string, std::string> text_of;   // code -> the question's text (its newest version asked)
    std::map<std::string, int> hints_of;
    struct Best {
        std::string name;
        int attempts = 0;
        double best = -1;
        std::string last;
    };
    std::map<std::int64_t, Best> students;
    std::int64_t current = 0;
    for (const auto& row : exec_named(txn, "academy/quiz_answers", id)) {
        const auto attempt = row["attempt_id"].as<std::int64_t>();
        if (attempt != current) {
            current = attempt;
            attempts.emplace_back();
            auto& best = students[row["student_id"].as<std::int64_t>()];
            best.name = row["student_name"].as<std::string>();
            ++best.attempts;
            best.best = std::max(best.best, row["total"].as<double>());
            best.last = std::max(best.last, row["submitted_at"].as<std::string>());
        }
        const auto code = row["code"].as<std::string>();
        attempts.back().emplace_back(code, row["score"].as<double>());
        hints_of[code] += row["hints_used"].as<int>();
        if (!text_of.count(code))
            text_of[code] = TRY(stored_question(row)).text;
    }
    Json items = Json::array();
    for (const auto& stats : item_analysis(attempts))
        items.push_back({ { "code", stats.item }, { "text", text_of[stats.item] }, { "asked", stats.asked },
            { "average", stats.mean },
            { "discrimination", stats.discrimination ? Json(*stats.discrimination) : Json(nullptr) },
            { "hints_given", hints_of[stats.item] }, { "flag", item_flag_for_people(stats) } });
    Json people = Json::array();
    for (const auto& [student, best] : students)
        people.push_back({ { "student_id", student }, { "name", best.name }, { "attempts", best.attempts },
            { "best_score", score_for_people(best.best, questions) }, { "best", best.best },
            { "last_handed_in", best.last } });
    std::sort(people.begin(), people.end(), [](const Json& a, const Json& b) {
        return a["name"].get<std::string>() < b["name"].get<std::string>();
    });
    return json_response(200, { { "quiz_id", id }, { "title", quiz["title"].as<std::string>() },
                                  { "question_count", questions }, { "attempts", attempts.size() },
                                  { "questions", items }, { "students", people } });
}

// [SECTION] regrading ---------------------------------------------------------------

// POST /api/academy/bank/{id}/regrade: every answer given to an earlier
// version of the question (in the courses the caller runs) is carried to
// this version — the newest — and scored with its key; the attempts' scores
// follow. Answers whose option is gone, or whose question changed kind, are
// left as they were and counted.
Result<ApiResponse> handle_regrade_question(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto id = TRY(parse_id(req.matches[1], "Question not found"));
    auto current = TRY(find_bank_question(txn, id));
    if (!current)
        return make_error(ErrorCode::NotFound, "Question not found");
    if (!current->current)
        return make_error(ErrorCode::Conflict, "This version has been replaced; regrade to the newest one");
    const auto reach = reach_for(caller, Action::QuizManage);
    int checked = 0, skipped = 0;
    Json changed = Json::array(), audited = Json::array();
    std::set<std::int64_t> attempts;
    for (const auto& row : exec_named(txn, "academy/regrade_candidates", id, reach.scope_name(), reach.user_id)) {
        ++checked;
        const auto attempt = row["attempt_id"].as<std::int64_t>();
        const auto position = row["position"].as<std::size_t>();
        const auto seed = static_cast<std::uint64_t>(row["seed"].as<std::int64_t>());
        auto asked = TRY(attempt_question_task(TRY(stored_question(row)), seed, position));
        auto fixed = TRY(attempt_question_task(current->question, seed, position));
        auto given = parse_json(row["answer"].as<std::string>());
        if (!given.ok())
            return make_error(ErrorCode::Internal, "a stored answer does not read");
        auto carried = carry_answer(asked, fixed, given.value());
        if (!carried.ok() || !carried.value()) {
            ++skipped;
            continue;
        }
        auto graded = TRY(grade(fixed, *carried.value()));
        graded.score = hinted_credit(graded.score, row["hints_used"].as<int>());
        const double before = row["score"].as<double>();
        exec_named(txn, "academy/regrade_answer", attempt, static_cast<std::int64_t>(position), id,
            carried.value()->dump(), graded.score, std::string(verdict_name(graded.verdict)));
        attempts.insert(attempt);
        if (std::abs(graded.score - before) > 1e-9) {
            const auto number = static_cast<std::int64_t>(position) + 1;
            changed.push_back({ { "attempt_id", attempt }, { "student_name", row["student_name"].as<std::string>() },
                { "quiz_title", row["quiz_title"].as<std::string>() }, { "question_number", number },
                { "before", before }, { "after", graded.score } });
            audited.push_back({ { "attempt_id", attempt }, { "question_number", number }, { "before", before },
                { "after", graded.score } });
        }
    }
    for (auto attempt : attempts)
        exec_named(txn, "academy/rescore_attempt", attempt);
    // Questions not answered yet will be graded with the fixed key.
    const auto moved_unanswered = static_cast<int>(
        exec_named(txn, "academy/regrade_unanswered", id, reach.scope_name(), reach.user_id).size());
    const int moved = checked - skipped;
    if (checked > 0 || moved_unanswered > 0)
        append_audit(txn, { caller.tenant_id, caller.actor(), "quiz.regrade", "bank_question", std::to_string(id), nullptr,
                              { { "code", current->question.id }, { "version", current->version },
                                  { "answers", moved }, { "skipped", skipped }, { "unanswered_moved", moved_unanswered },
                                  { "changed", audited } } });
    std::string message = checked == 0
        ? std::string("No answers to earlier versions of this question")
        : std::to_string(moved) + (moved == 1 ? " answer" : " answers") + " re-scored with this version; "
            + std::to_string(changed.size()) + " changed";
    if (skipped > 0)
        message += "; " + std::to_string(skipped) + " left as they were (the option picked is gone, or the kind changed)";
    return json_response(200, { { "message", message }, { "checked", checked }, { "regraded", moved },
                                  { "unanswered_moved", moved_unanswered },
                                  { "skipped", skipped }, { "changed", changed } });
}

} // namespace learnloop::server
