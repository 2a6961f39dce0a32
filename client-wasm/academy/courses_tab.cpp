// A student's courses at an academy (see courses_tab.hpp).
// [SECTION] loading, [SECTION] the attempt, [SECTION] answering,
// [SECTION] review, [SECTION] courses and quizzes, [SECTION] tab
// Over 600 lines: taking a quiz (the attempt, answering, the review) shares its state with
// the list of courses and quizzes it is opened from.
#include "academy/courses_tab.hpp"

#include "academy/join_code.hpp"
#include "academy/quiz.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "practice/grading.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

namespace learnloop::client {

namespace {

// The hand-in dialogs' titles.
constexpr const char* k_finish_dialog = "Finish this quiz?";
constexpr const char* k_hand_in_dialog = "Hand in this exam?";

// [SECTION] loading --------------------------------------------------------------

void select_course(AppState& state, CoursesTabState& tab, std::int64_t id)
{
    tab.selected = id;
    forget(tab.quizzes);
    if (id != 0)
        api_load(state, tab.quizzes, "/api/academy/courses/" + std::to_string(id) + "/quizzes");
}

// A field of the attempt as last sent; `fallback` before it has arrived.
template<typename T>
T attempt_field(const QuizAttemptState& a, const char* name, T fallback)
{
    return a.data.is_object() ? a.data.value(name, fallback) : fallback;
}

bool exam(const QuizAttemptState& a)
{
    return attempt_field(a, "mode", std::string()) == "exam";
}

bool submitted(const QuizAttemptState& a)
{
    return attempt_field(a, "submitted", false);
}

// The server's attempt, as this screen holds it: each task decoded, the
// grades it may show, and the first question not yet answered.
void take_attempt(AppState& state, QuizAttemptState& a, const Json& body)
{
    a.data = body;
    a.data.erase("questions");
    a.id = body.value("id", std::int64_t(0));
    a.questions.clear();
    for (const auto& q : body.value("questions", Json::array())) {
        auto task = decode_task(q.value("task", Json::object()));
        if (!task.ok()) {
            a.phase = Phase::Failed;
            a.error = "This quiz could not be shown: " + task.error().message;
            return;
        }
        QuizQuestion question { task.value() };
        question.answered = q.value("answered", false);
        question.answer = q.value("answer", Json());
        question.verdict = q.value("verdict", std::string());
        question.feedback = q.value("feedback", std::string());
        question.explanation = q.value("explanation", std::string());
        question.score = q.value("score", 0.0);
        question.answer_text = q.value("answer_text", std::string());
        question.hints_used = q.value("hints_used", 0);
        question.confirmed = true;
        a.questions.push_back(std::move(question));
    }
    a.seconds_left = body.contains("seconds_left") && body["seconds_left"].is_number()
        ? body["seconds_left"].get<double>()
        : -1;
    a.loaded_ms = monotonic_ms();
    a.index = 0;
    while (a.index + 1 < a.questions.size() && a.questions[a.index].answered && !submitted(a))
        ++a.index;
    if (!a.questions.empty()) {
        auto& q = a.questions[a.index];
        if (q.answered)
            restore_answer_input(a.input, q.task, q.answer);
        else
            reset_answer_input(a.input, q.task);
    }
    a.phase = Phase::Done;
    a.error.clear();
    a.invalid.clear();
    a.save = {};
    a.hand_in = {};
    (void)state;
}

void attempt_reply(AppState& state, QuizAttemptState& a, const ApiAnswer& answer)
{
    if (!answer.ok()) {
        a.phase = Phase::Failed;
        a.error = answer.error_text();
        return;
    }
    take_attempt(state, a, answer.body);
}

// Each opening of an attempt is a new request; a reply to an earlier one
// (the student went back meanwhile) is dropped.
unsigned g_attempt_request = 0;

void start_attempt(AppState& state, QuizAttemptState& a, std::int64_t quiz_id)
{
    a = QuizAttemptState {};
    a.phase = Phase::Loading;
    a.request = ++g_attempt_request;
    const auto request = a.request;
    api_call(state, "POST", "/api/academy/quizzes/" + std::to_string(quiz_id) + "/attempts", Json::object(),
        [&a, request](AppState& s, const ApiAnswer& answer) {
            if (a.request == request)
                attempt_reply(s, a, answer);
        });
}

void load_attempt(AppState& state, QuizAttemptState& a, std::int64_t id)
{
    a = QuizAttemptState {};
    a.id = id;
    a.phase = Phase::Loading;
    api_call(state, "GET", "/api/academy/attempts/" + std::to_string(id), nullptr,
        [&a, id](AppState& s, const ApiAnswer& answer) {
            if (a.id == id)
                attempt_reply(s, a, answer);
        });
}

void close_attempt(AppState& state, CoursesTabState& tab)
{
    tab.attempt = QuizAttemptState {};
    select_course(state, tab, tab.selected);   // its attempts and best score changed
}

// Seconds left now, counted on this device from what the server said; -1: no limit.
double seconds_left(const QuizAttemptState& a)
{
    if (a.seconds_left < 0)
        return -1;
    return std::max(0.0, a.seconds_left - (monotonic_ms() - a.loaded_ms) / 1000.0);
}

// [SECTION] answering ------------------------------------------------------------

void go_to(QuizAttemptState& a, std::size_t index)
{
    a.index = index;
    a.invalid.clear();
    auto& q = a.questions[index];
    if (q.answered)
        restore_answer_input(a.input, q.task, q.answer);
    else
        reset_answer_input(a.input, q.task);
}

// Practice: graded here first (no request), then sent; the server's grade
// replaces this one if they differ.
void check_here(AppState& state, QuizAttemptState& a)
{
    auto& q = a.questions[a.index];
    const int requests_before = state.requests_in_flight;
    if (auto problem = answer_problem(a.input, q.task); !problem.empty()) {
        a.invalid = problem;
        return;
    }
    const auto answer = encode_answer(answer_of(a.input, q.task));
    // With the tutor the key stays on the server until the answer is in: it grades.
    const bool here = q.task.view == TaskView::WithAnswers;
    Json body { { "answer", answer } };
    if (here) {
        auto graded = grade(q.task, answer);
        if (!graded.ok()) {
            a.invalid = graded.error().message;
            return;
        }
        q.verdict = std::string(verdict_name(graded.value().verdict));
        q.feedback = graded.value().feedback;
        q.explanation = q.task.explanation;
        q.answer_text = answer_key_for_people(q.task);
        body["client_verdict"] = q.verdict;
    }
    a.invalid.clear();
    q.answered = true;
    q.answer = answer;
    q.confirmed = false;
    a.requests_during_check += state.requests_in_flight - requests_before;
    const auto id = a.id;
    const auto index = a.index;
    a.save = { Phase::Loading, "", false };
    api_call(state, "PUT", "/api/academy/attempts/" + std::to_string(id) + "/answers/" + std::to_string(index + 1), body,
        [&a, id, index, here](AppState&, const ApiAnswer& reply) {
            if (a.id != id || index >= a.questions.size())
                return;
            auto& question = a.questions[index];
            if (!reply.ok()) {
                a.save = { Phase::Failed, reply.error_text(), true };
                if (!here)
                    question.answered = false;   // nothing was graded: it can be sent again
                return;
            }
            a.save = { Phase::Done, "", false };
            question.confirmed = true;
            const auto verdict = reply.body.value("verdict", question.verdict);
            question.disagreed = here && verdict != question.verdict;
            question.verdict = verdict;
            question.feedback = reply.body.value("feedback", question.feedback);
            question.explanation = reply.body.value("explanation", question.explanation);
            question.answer_text = reply.body.value("answer_text", question.answer_text);
            question.score = reply.body.value("score", question.score);
        });
}

// Exam: the answer is kept by the server, changeable until handed in.
void save_answer(AppState& state, QuizAttemptState& a, std::size_t then)
{
    auto& q = a.questions[a.index];
    if (!answer_started(a.input, q.task)) {
        go_to(a, then);
        return;
    }
    if (auto problem = answer_problem(a.input, q.task); !problem.empty()) {
        a.invalid = problem;
        return;
    }
    const auto answer = encode_answer(answer_of(a.input, q.task));
    q.answered = true;
    q.answer = answer;
    const auto id = a.id;
    a.save = { Phase::Loading, "", false };
    api_call(state, "PUT", "/api/academy/attempts/" + std::to_string(id) + "/answers/" + std::to_string(a.index + 1),
        { { "answer", answer } }, [&a, id](AppState&, const ApiAnswer& reply) {
            if (a.id != id)
                return;
            a.save = reply.ok() ? Outcome { Phase::Done, "Answer saved", false }
                                : Outcome { Phase::Failed, reply.error_text(), true };
        });
    go_to(a, then);
}

void hand_in(AppState& state, QuizAttemptState& a)
{
    const auto id = a.id;
    a.hand_in = { Phase::Loading, "", false };
    api_call(state, "POST", "/api/academy/attempts/" + std::to_string(id) + "/submit", Json::object(),
        [&a, id](AppState& s, const ApiAnswer& reply) {
            if (a.id != id)
                return;
            if (!reply.ok()) {
                a.hand_in = { Phase::Failed, reply.error_text(), true };
                return;
            }
            take_attempt(s, a, reply.body);
        });
}

// A question's text, wrapped at a readable width (the screen's on a phone).
void draw_prompt(const Task& task)
{
    if (task.prompt.empty())
        return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 40));
    ui::text_unformatted(ui::drawn(task.prompt.c_str()));
    ImGui::PopTextWrapPos();
}

std::size_t unanswered(const QuizAttemptState& a)
{
    return static_cast<std::size_t>(
        std::count_if(a.questions.begin(), a.questions.end(), [](const QuizQuestion& q) { return !q.answered; }));
}

void draw_verdict(const QuizQuestion& q)
{
    if (q.verdict == "correct")
        ui::text_colored(ui::k_ok, "\xE2\x9C\x93 %s", q.feedback.c_str());
    else if (q.verdict == "partial")
        ui::text_colored(ui::k_warning, "\xE2\x97\x90 Partly right. %s", q.feedback.c_str());
    else if (q.verdict == "unanswered")
        ui::text_colored(ui::k_muted, "\xE2\x80\x94 Not answered");
    else
        ui::text_colored(ui::k_error, "\xE2\x9C\x97 %s", q.feedback.c_str());
    if (!q.explanation.empty()) {
        ImGui::PushTextWrapPos(0);
        ui::text_colored(ui::k_muted, "%s", q.explanation.c_str());
        ImGui::PopTextWrapPos();
    }
}

// The tutor, before a practice question is answered: the student's words
// and its replies (hints, never the answer), kept on this screen only.
void draw_tutor(AppState& state, QuizAttemptState& a)
{
    auto& q = a.questions[a.index];
    ui::heading("Ask the tutor", 3);
    ui::note("The tutor gives hints, one at a time, never the answer. Each hint lowers what a right answer counts.");
    for (const auto& [mine, text] : q.talk) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 40));
        if (mine)
            ui::text_colored(ui::k_muted, "You: %s", text.c_str());
        else
            ui::text("Tutor: %s", text.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 20));
    const bool sent = ui::input_text_with_hint("##tutor_ask", "What are you stuck on?", a.ask, sizeof a.ask,
        ImGuiInputTextFlags_EnterReturnsTrue);
    ui::remember(state, "quiz.tutor.message");
    ImGui::SameLine();
    ImGui::BeginDisabled(a.asking.phase == Phase::Loading);
    const bool pressed = ui::button(state, "Ask", "quiz.tutor.ask");
    ImGui::EndDisabled();
    if ((sent || pressed) && a.ask[0] != '\0' && a.asking.phase != Phase::Loading) {
        const std::string message = a.ask;
        a.ask[0] = '\0';
        q.talk.emplace_back(true, message);
        a.asking = { Phase::Loading, "", false };
        const auto id = a.id;
        const auto index = a.index;
        api_call(state, "POST", "/api/academy/attempts/" + std::to_string(id) + "/questions/" + std::to_string(index + 1) + "/help",
            { { "message", message } }, [&a, id, index](AppState&, const ApiAnswer& reply) {
                if (a.id != id || index >= a.questions.size())
                    return;
                a.asking = reply.ok() ? Outcome { Phase::Done, "", false } : Outcome { Phase::Failed, reply.error_text(), true };
                if (!reply.ok())
                    return;
                auto& question = a.questions[index];
                question.talk.emplace_back(false, reply.body.value("reply", std::string()));
                question.hints_used = reply.body.value("hints_used", question.hints_used);
            });
    }
    if (a.asking.phase == Phase::Loading)
        ui::text_colored(ui::k_muted, "\xE2\x80\xA6 The tutor is thinking");
    else if (a.asking.phase == Phase::Failed)
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", a.asking.message.c_str());
}

void draw_question(AppState& state, QuizAttemptState& a)
{
    auto& q = a.questions[a.index];
    const bool practice = !exam(a);
    const bool locked = practice && q.answered;
    draw_prompt(q.task);
    draw_answer_input(state, a.input, q.task, "quiz", locked || seconds_left(a) == 0);
    if (!a.invalid.empty())
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", a.invalid.c_str());
    ui::vertical_space(ui::k_space_xs);

    const bool last = a.index + 1 == a.questions.size();
    if (practice) {
        if (!q.answered) {
            ImGui::BeginDisabled(seconds_left(a) == 0 || a.save.phase == Phase::Loading);
            if (ui::primary_button(state, "Check", "quiz.check"))
                check_here(state, a);
            ImGui::EndDisabled();
            if (seconds_left(a) == 0)
                ui::text_colored(ui::k_warning, "Time is up: finish to see your score.");
            if (attempt_field(a, "tutor", false)) {
                ui::vertical_space(ui::k_space_s);
                draw_tutor(state, a);
            }
        } else {
            if (!q.verdict.empty())
                draw_verdict(q);
            if (q.hints_used > 0 && q.confirmed && q.verdict != "incorrect")
                ui::text_colored(ui::k_info, "With %d hint%s it counts %s of 1.", q.hints_used, q.hints_used == 1 ? "" : "s",
                    ui::format_number(q.score, 2).c_str());
            if (q.verdict != "correct" && !q.answer_text.empty()) {
                ImGui::PushTextWrapPos(0.0f);
                ui::text_colored(ui::k_ok, "The answer: %s", q.answer_text.c_str());
                ImGui::PopTextWrapPos();
            }
            if (!q.confirmed && a.save.phase == Phase::Loading)
                ui::text_colored(ui::k_muted, q.verdict.empty() ? "\xE2\x80\xA6 Checking your answer" : "\xE2\x80\xA6 Sending your answer");
            else if (q.disagreed)
                ui::text_colored(ui::k_info, "The server graded this answer differently; its grade is the one shown and counted.");
            if (!last && ui::button(state, "Next question", "quiz.next"))
                go_to(a, a.index + 1);
        }
    } else {
        ImGui::BeginDisabled(a.index == 0);
        if (ui::button(state, "\xE2\x86\x90 Previous", "quiz.previous"))
            save_answer(state, a, a.index - 1);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (!last && ui::primary_button(state, "Save and next", "quiz.next"))
            save_answer(state, a, a.index + 1);
        if (last && ui::button(state, "Save answer", "quiz.save"))
            save_answer(state, a, a.index);
    }
    if (a.save.phase == Phase::Failed)
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", a.save.message.c_str());

    // Handing in: practice once every answer is checked (or any time, with a
    // warning); an exam whenever the student is ready.
    ui::vertical_space(ui::k_space_s);
    ImGui::Separator();
    const auto left = unanswered(a);
    const bool everything = left == 0;
    ImGui::BeginDisabled(a.hand_in.phase == Phase::Loading);
    const char* label = practice ? "Finish and see your score" : "Hand in";
    if (everything ? ui::primary_button(state, label, "quiz.hand_in") : ui::button(state, label, "quiz.hand_in")) {
        // An exam's answer typed on this question and not yet saved goes first.
        if (!practice && answer_started(a.input, q.task))
            save_answer(state, a, a.index);
        ui::open_confirm(practice ? k_finish_dialog : k_hand_in_dialog);
    }
    ImGui::EndDisabled();
    std::string question = practice ? "Your score counts the answers you have checked."
                                    : "Your answers are marked now; you cannot change them afterwards.";
    if (left > 0)
        question += " " + std::to_string(left) + (left == 1 ? " question is" : " questions are") + " not answered yet.";
    if (ui::confirm_dialog(state, practice ? k_finish_dialog : k_hand_in_dialog, question, practice ? "Finish" : "Hand in"))
        a.hand_in_asked = true;
    // Handed in once the last answer sent has arrived.
    if (a.hand_in_asked && a.save.phase != Phase::Loading) {
        a.hand_in_asked = false;
        hand_in(state, a);
    }
    if (a.hand_in.phase == Phase::Failed)
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", a.hand_in.message.c_str());
}

// [SECTION] review ---------------------------------------------------------------

void draw_review(AppState& state, CoursesTabState& tab)
{
    auto& a = tab.attempt;
    ui::heading(("Your score: " + attempt_field(a, "score_text", std::string())).c_str(), 2);
    ui::remember(state, "quiz.score");
    ui::text_colored(ui::k_muted, "%d right of %zu, %d answered", attempt_field(a, "correct", 0), a.questions.size(),
        attempt_field(a, "answered", 0));
    if (ui::button(state, "Back to the course", "quiz.back"))
        close_attempt(state, tab);
    ui::vertical_space(ui::k_space_s);
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
        const auto& q = a.questions[i];
        ImGui::PushID(static_cast<int>(i));
        ui::heading(("Question " + std::to_string(i + 1)).c_str(), 3);
        draw_prompt(q.task);
        if (q.task.kind == TaskKind::QuantitativeComparison) {
            ui::text_wrapped("Quantity A: %s", q.task.quantity_a.c_str());
            ui::text_wrapped("Quantity B: %s", q.task.quantity_b.c_str());
        }
        draw_verdict(q);
        ImGui::PushTextWrapPos(0.0f);
        ui::text_colored(ui::k_ok, "The answer: %s",
            (q.answer_text.empty() ? answer_key_for_people(q.task) : q.answer_text).c_str());
        ImGui::PopTextWrapPos();
        ui::vertical_space(ui::k_space_xs);
        ImGui::PopID();
    }
}

void draw_attempt(AppState& state, CoursesTabState& tab)
{
    auto& a = tab.attempt;
    if (a.phase == Phase::Loading) {
        ui::skeleton_rows(4);
        return;
    }
    if (a.phase == Phase::Failed) {
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", a.error.c_str());
        if (ui::button(state, "Back to the course", "quiz.back"))
            close_attempt(state, tab);
        return;
    }
    if (a.questions.empty())
        return;
    if (submitted(a)) {
        draw_review(state, tab);
        return;
    }
    if (ui::button(state, "\xE2\x86\x90 Back to the course", "quiz.back"))
        close_attempt(state, tab);
    ui::heading(attempt_field(a, "quiz_title", std::string()).c_str(), 2);
    std::string line = "Question " + std::to_string(a.index + 1) + " of " + std::to_string(a.questions.size())
        + (exam(a) ? " \xC2\xB7 Exam: answers are marked when you hand them in"
                   : " \xC2\xB7 Practice: each answer is checked at once");
    ui::text_colored(ui::k_muted, "%s", line.c_str());
    const double left = seconds_left(a);
    if (left >= 0) {
        const auto now = static_cast<std::int64_t>(std::floor(monotonic_ms() / 1000.0));
        const auto text = time_left_for_people(now + static_cast<std::int64_t>(std::ceil(left)), now);
        ui::text_colored(left < 60 ? ui::k_warning : ui::k_info, "Time: %s", text.c_str());
        ui::remember(state, "quiz.time_left");
    }
    draw_question(state, a);
}

// [SECTION] courses and quizzes --------------------------------------------------

// "Join a course": the code an instructor gave, read with the shared rule
// before it is sent (any case, a space or a dash in the middle).
void draw_join(AppState& state, CoursesTabState& tab)
{
    ui::heading("Join a course", 3);
    bool submit = ui::labelled_input(state, "Join code", "KQ7M-X2PA", tab.join_code, sizeof tab.join_code,
        "learner.join_code", 8, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.join.phase == Phase::Loading);
    submit |= ui::button(state, "Join", "learner.join");
    ImGui::EndDisabled();
    if (submit && tab.join.phase != Phase::Loading) {
        auto code = read_join_code(tab.join_code);
        if (!code.ok()) {
            tab.join = { Phase::Failed, code.error().message, true };
        } else {
            tab.join = { Phase::Loading, {}, false };
            api_call(state, "POST", "/api/academy/join", { { "code", code.value() } },
                [&tab](AppState& state, const ApiAnswer& answer) {
                    tab.join = outcome_of(answer, text_field(answer.body, "message"));
                    if (!answer.ok())
                        return;
                    tab.join_code[0] = 0;
                    api_load(state, tab.courses, "/api/academy/courses");
                    select_course(state, tab, id_field(answer.body, "course_id"));
                });
        }
    }
    ui::action_status(tab.join);
}

void draw_course_list(AppState& state, CoursesTabState& tab)
{
    ui::heading("My courses", 2);
    if (ui::remote_status(state, tab.courses, "learner.courses"))
        api_load(state, tab.courses, "/api/academy/courses");
    if (!tab.courses.data.is_array())
        return;
    if (tab.courses.data.empty()) {
        ui::empty_state(state, "No courses yet",
            "Type the join code your instructor gave you below, or ask your academy to enrol you.");
        draw_join(state, tab);
        return;
    }
    for (const auto& c : tab.courses.data) {
        const auto id = c.value("id", std::int64_t(0));
        const auto label = c.value("title", std::string()) + "##c" + std::to_string(id);
        if (ui::selectable(label.c_str(), tab.selected == id))
            select_course(state, tab, id);
        ui::remember(state, "learner.course." + std::to_string(id));
        ui::text_colored(ui::k_muted, "%s \xC2\xB7 %lld quizzes", c.value("instructor_name", std::string()).c_str(),
            static_cast<long long>(c.value("quizzes", 0)));
    }
    ui::vertical_space(ui::k_space_s);
    draw_join(state, tab);
}

std::string quiz_facts(const Json& q)
{
    std::string facts = q.value("mode_label", std::string()) + " \xC2\xB7 " + std::to_string(q.value("question_count", 0))
        + " questions";
    if (const int limit = q.value("time_limit_minutes", 0); limit > 0)
        facts += " \xC2\xB7 " + std::to_string(limit) + " min";
    const int allowed = q.value("attempts_allowed", 0);
    const int used = q.value("attempts_used", 0);
    if (allowed == 1)
        facts += used > 0 ? " \xC2\xB7 one attempt, taken" : " \xC2\xB7 one attempt";
    else if (allowed > 0)
        facts += " \xC2\xB7 " + std::to_string(used) + " of " + std::to_string(allowed) + " attempts used";
    else if (used > 0)
        facts += " \xC2\xB7 " + std::to_string(used) + (used == 1 ? " attempt" : " attempts");
    return facts;
}

void draw_quizzes(AppState& state, CoursesTabState& tab)
{
    if (!tab.selected) {
        ui::empty_state(state, "Choose a course", "Pick one of your courses to see its quizzes.");
        return;
    }
    if (ui::remote_status(state, tab.quizzes, "learner.quizzes"))
        select_course(state, tab, tab.selected);
    if (!tab.quizzes.data.is_object())
        return;
    ui::heading(tab.quizzes.data.value("course_title", std::string()).c_str(), 2);
    const auto& quizzes = tab.quizzes.data["quizzes"];
    if (!quizzes.is_array() || quizzes.empty()) {
        ui::empty_state(state, "No quizzes yet", "Your instructor has not set a quiz in this course yet.");
        return;
    }
    for (const auto& q : quizzes) {
        const auto id = q.value("id", std::int64_t(0));
        ImGui::PushID(static_cast<int>(id));
        ui::heading(q.value("title", std::string()).c_str(), 3);
        ui::text_colored(ui::k_muted, "%s", quiz_facts(q).c_str());
        if (q.contains("best_score") && q["best_score"].is_string())
            ui::text("Best score: %s", q["best_score"].get<std::string>().c_str());
        const bool open = q.contains("open_attempt_id") && q["open_attempt_id"].is_number();
        const std::string name = "learner.quiz." + std::to_string(id);
        if (open) {
            if (ui::primary_button(state, ("Carry on with " + q.value("title", std::string())).c_str(), name))
                load_attempt(state, tab.attempt, q["open_attempt_id"].get<std::int64_t>());
        } else if (q.value("may_start", true)) {
            const auto label = std::string(q.value("attempts_used", 0) > 0 ? "Try again: " : "Start ") + q.value("title", std::string());
            if (ui::primary_button(state, label.c_str(), name))
                start_attempt(state, tab.attempt, id);
        } else {
            ui::text_colored(ui::k_muted, "No attempts left");
        }
        ui::vertical_space(ui::k_space_s);
        ImGui::Separator();
        ImGui::PopID();
    }
    draw_leaderboard(state, tab.leaderboard, tab.selected, false);
}

} // namespace

// [SECTION] tab ------------------------------------------------------------------

void draw_courses_tab(AppState& state, CoursesTabState& tab)
{
    if (tab.attempt.phase != Phase::Idle) {
        draw_attempt(state, tab);
        return;
    }
    if (tab.courses.phase == Phase::Idle)
        api_load(state, tab.courses, "/api/academy/courses");
    // One course: open it for the student.
    if (tab.selected == 0 && tab.courses.data.is_array() && tab.courses.data.size() == 1 && !ui::compact())
        select_course(state, tab, tab.courses.data[0].value("id", std::int64_t(0)));
    if (ui::list_detail(state, "learner.courses.layout", tab.selected != 0, 0.35f, [&] { draw_course_list(state, tab); },
            [&] { draw_quizzes(state, tab); }))
        select_course(state, tab, 0);
}

ui::TabPlace courses_tab_place(const CoursesTabState& tab)
{
    std::string name;
    if (const auto* course = find_by_id(tab.courses, tab.selected))
        name = course->value("title", std::string());
    if (tab.attempt.id != 0)
        return { tab.selected, "attempt", tab.attempt.id, attempt_field(tab.attempt, "quiz_title", name) };
    return { tab.selected, {}, 0, name };
}

bool open_courses_tab(AppState& state, CoursesTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty() && route.detail != "attempt")
        return false;
    if (route.id != tab.selected)
        select_course(state, tab, route.id);
    if (route.detail == "attempt" && route.detail_id != tab.attempt.id)
        load_attempt(state, tab.attempt, route.detail_id);
    if (route.detail.empty() && tab.attempt.phase != Phase::Idle)
        tab.attempt = QuizAttemptState {};
    return true;
}

Json courses_tab_summary(const CoursesTabState& tab)
{
    Json courses = Json::array(), quizzes = Json::array();
    if (tab.courses.data.is_array())
        for (const auto& c : tab.courses.data)
            courses.push_back(c.value("title", std::string()));
    if (tab.quizzes.data.is_object())
        for (const auto& q : tab.quizzes.data.value("quizzes", Json::array()))
            quizzes.push_back(q.value("title", std::string()));
    const auto& a = tab.attempt;
    Json verdicts = Json::array();
    for (const auto& q : a.questions)
        verdicts.push_back(q.verdict);
    Json talk = Json::array();
    if (a.index < a.questions.size())
        for (const auto& [mine, text] : a.questions[a.index].talk)
            talk.push_back({ { "mine", mine }, { "text", text } });
    Json summary = { { "courses", courses }, { "quizzes", quizzes }, { "tutor_talk", talk },
        { "attempt", { { "id", a.id }, { "phase", static_cast<int>(a.phase) }, { "mode", attempt_field(a, "mode", std::string()) },
                         { "index", a.index }, { "count", a.questions.size() }, { "verdicts", verdicts },
                         { "submitted", submitted(a) },
                         { "score_text", attempt_field(a, "score_text", std::string()) },
                         { "requests_during_check", a.requests_during_check } } } };
    summary.update(leaderboard_summary(tab.leaderboard));
    summary["join"] = tab.join.message;
    summary["join_failed"] = tab.join.failed;
    return summary;
}

} // namespace learnloop::client
