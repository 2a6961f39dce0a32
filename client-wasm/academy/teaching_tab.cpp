// An academy's courses as its staff run them (see teaching_tab.hpp).
// [SECTION] loading, [SECTION] a new quiz, [SECTION] a course,
// [SECTION] tabs
#include "academy/teaching_tab.hpp"

#include "academy/quiz.hpp"
#include "core/validation.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <cctype>
#include <cstdlib>
#include <string_view>
#include <optional>
#include <variant>

namespace learnloop::client {

namespace {

constexpr const char* k_delete_dialog = "Delete this course?";
constexpr const char* k_difficulties[] = { "1 (easiest)", "2", "3", "4", "5 (hardest)" };

// [SECTION] loading --------------------------------------------------------------

void select_course(AppState& state, TeachingTabState& tab, std::int64_t id)
{
    tab.selected = id;
    tab.results_quiz = 0;
    forget(tab.results);
    tab.student = 0;
    tab.student_from_roster = false;
    tab.composing = false;
    tab.save = {};
    forget(tab.quizzes);
    if (id != 0)
        api_load(state, tab.quizzes, "/api/academy/courses/" + std::to_string(id) + "/quizzes");
}


// [SECTION] a new quiz -----------------------------------------------------------

std::string topic_label(const TeachingTabState& tab, int index)
{
    if (index == 0 || !tab.topics.data.is_array() || index > static_cast<int>(tab.topics.data.size()))
        return "Any topic";
    const auto& t = tab.topics.data[static_cast<std::size_t>(index - 1)];
    return t.value("topic", std::string()) + " (" + std::to_string(t.value("questions", 0)) + ")";
}

std::string topic_of(const TeachingTabState& tab)
{
    if (tab.topic == 0 || !tab.topics.data.is_array() || tab.topic > static_cast<int>(tab.topics.data.size()))
        return {};
    return tab.topics.data[static_cast<std::size_t>(tab.topic - 1)].value("topic", std::string());
}

// A message of the shared quiz rules in the form's words: the form has one
// draw, so "draws[0].count" is its Questions field.
std::string quiz_form_words(std::string message)
{
    return ui::in_form_words(std::move(message),
        { { "draws[0].count", "Questions" }, { "draws[0].min_difficulty", "Easiest" },
            { "draws[0].max_difficulty", "Hardest" }, { "draws[0]: ", "" }, { "questions: ", "" },
            { "time_limit_minutes", "Time limit" }, { "attempts_allowed", "Attempts allowed" } });
}

// The form as the API takes it, checked by the shared rules first; an error
// in words otherwise.
std::variant<Json, std::string> quiz_body(const TeachingTabState& tab)
{
    const auto count = ui::whole_number(tab.count), minutes = ui::whole_number(tab.minutes),
               attempts = ui::whole_number(tab.attempts);
    if (!count)
        return std::string("Questions: type a whole number");
    if (!minutes)
        return std::string("Time limit: type a whole number of minutes (0 for none)");
    if (!attempts)
        return std::string("Attempts: type a whole number (0 for any number)");
    Json body { { "title", tab.title }, { "mode", tab.mode == 1 ? "exam" : "practice" },
        { "draws", { { { "topic", topic_of(tab) }, { "min_difficulty", tab.low }, { "max_difficulty", tab.high },
                       { "count", *count } } } },
        { "time_limit_minutes", *minutes }, { "attempts_allowed", *attempts },
        { "tutor", tab.mode == 0 && tab.tutor } };
    auto checked = decode_quiz_settings(body);
    if (!checked.ok())
        return quiz_form_words(checked.error().message);
    return body;
}

void save_quiz(AppState& state, TeachingTabState& tab)
{
    auto body = quiz_body(tab);
    if (auto* problem = std::get_if<std::string>(&body)) {
        tab.save = { Phase::Failed, *problem, true };
        return;
    }
    tab.save = { Phase::Loading, "", false };
    const auto course = tab.selected;
    api_call(state, "POST", "/api/academy/courses/" + std::to_string(course) + "/quizzes", std::get<Json>(body),
        [&tab, course](AppState& s, const ApiAnswer& answer) {
            if (tab.selected != course)
                return;
            tab.save = outcome_of(answer, "Quiz saved: your students can take it now");
            tab.save.message = quiz_form_words(tab.save.message);
            if (answer.ok()) {
                tab.composing = false;
                tab.title[0] = '\0';
                select_course(s, tab, course);
                tab.save = outcome_of(answer, "Quiz saved: your students can take it now");
                reload_courses(s, tab);
            }
        });
}

void difficulty_combo(AppState& state, const char* label, const char* id, int& value)
{
    ui::text_unformatted(label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 8));
    if (ui::begin_combo(id, k_difficulties[value - 1])) {
        for (int i = 1; i <= 5; ++i)
            if (ui::selectable(k_difficulties[i - 1], value == i))
                value = i;
        ui::end_combo();
    }
    ui::remember(state, std::string("teacher.quiz.") + (id + 2));
}

void draw_new_quiz(AppState& state, TeachingTabState& tab)
{
    if (tab.topics.phase == Phase::Idle)
        api_load(state, tab.topics, "/api/academy/bank/topics");
    ui::heading("New quiz", 3);
    ui::labelled_input(state, "Title", "e.g. Algebra practice set", tab.title, sizeof tab.title, "teacher.quiz.title", 18);
    ui::begin_radio_group("Mode");
    ui::radio_button("Practice: each answer checked at once", &tab.mode, 0);
    ui::remember(state, "teacher.quiz.practice");
    ui::radio_button("Exam: marked when handed in, no answers shown before", &tab.mode, 1);
    ui::remember(state, "teacher.quiz.exam");
    ui::end_radio_group();
    if (tab.mode == 0) {
        ui::checkbox("The tutor gives hints, never the answer (each hint lowers the credit)", &tab.tutor);
        ui::remember(state, "teacher.quiz.tutor");
    }
    if (tab.topics.phase == Phase::Failed)
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 The bank's topics did not load (%s); any topic is drawn from.",
            tab.topics.error.c_str());
    ui::text_unformatted("Topic");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 18));
    if (ui::begin_combo("##quiz_topic", topic_label(tab, tab.topic).c_str())) {
        const int topics = tab.topics.data.is_array() ? static_cast<int>(tab.topics.data.size()) : 0;
        for (int i = 0; i <= topics; ++i)
            if (ui::selectable(topic_label(tab, i).c_str(), tab.topic == i))
                tab.topic = i;
        ui::end_combo();
    }
    ui::remember(state, "teacher.quiz.topic");
    difficulty_combo(state, "Easiest", "##quiz_low", tab.low);
    ImGui::SameLine();
    difficulty_combo(state, "Hardest", "##quiz_high", tab.high);
    ui::labelled_input(state, "Questions", "10", tab.count, sizeof tab.count, "teacher.quiz.count", 4);
    ui::labelled_input(state, "Time limit in minutes", "0: none", tab.minutes, sizeof tab.minutes, "teacher.quiz.minutes", 4);
    ui::labelled_input(state, "Attempts allowed", "0: any number", tab.attempts, sizeof tab.attempts,
        "teacher.quiz.attempts", 4);
    ui::note("Each attempt draws its questions afresh from the topic, those a student has not seen first.");
    ImGui::BeginDisabled(tab.save.phase == Phase::Loading);
    if (ui::primary_button(state, "Save quiz", "teacher.quiz.save"))
        save_quiz(state, tab);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "teacher.quiz.cancel")) {
        tab.composing = false;
        tab.save = {};
    }
}

// [SECTION] a course -------------------------------------------------------------

void delete_course(AppState& state, TeachingTabState& tab)
{
    const auto course = tab.selected;
    tab.remove = { Phase::Loading, "", false };
    api_call(state, "DELETE", "/api/academy/courses/" + std::to_string(course), nullptr,
        [&tab](AppState& s, const ApiAnswer& answer) {
            tab.remove = outcome_of(answer, answer.ok() ? answer.body.value("message", std::string("Course deleted")) : "");
            if (answer.ok()) {
                select_course(s, tab, 0);
                reload_courses(s, tab);
            }
        });
}

// [SECTION] results ---------------------------------------------------------------

void open_results(AppState& state, TeachingTabState& tab, std::int64_t quiz)
{
    tab.student = 0;
    if (tab.results_quiz == quiz) {   // a second press closes them
        tab.results_quiz = 0;
        forget(tab.results);
        return;
    }
    tab.results_quiz = quiz;
    api_load(state, tab.results, "/api/academy/quizzes/" + std::to_string(quiz) + "/results");
}

// The first `most` characters of a question's first line, for a table.
std::string first_words(const std::string& text, std::size_t most = 90)
{
    auto line = text.substr(0, text.find('\n'));
    if (utf8_length(line) <= most)
        return line;
    return utf8_prefix(line, most) + "\xE2\x80\xA6";
}

// How a quiz went: each question's average, discrimination and what to
// check (shared-domain item_analysis on the server), each student's best.
void draw_results(AppState& state, TeachingTabState& tab)
{
    ui::vertical_space(ui::k_space_m);
    if (ui::remote_status(state, tab.results, "teacher.results")) {
        const auto quiz = tab.results_quiz;
        tab.results_quiz = 0;
        open_results(state, tab, quiz);
    }
    if (tab.results.phase != Phase::Done || !tab.results.data.is_object())
        return;
    const auto& r = tab.results.data;
    ui::heading(("Results: " + r.value("title", std::string())).c_str(), 3);
    const auto handed_in = r.value("attempts", 0);
    if (handed_in == 0) {
        ui::empty_state(state, "Nobody has handed it in yet", "Results appear here as students hand in their attempts.");
        return;
    }
    ui::note((std::to_string(handed_in) + (handed_in == 1 ? " attempt" : " attempts")
        + " handed in. Discrimination: how far a question's score follows the rest of the attempt (shown from 5 "
          "attempts).")
            .c_str());
    if (ui::begin_table("quiz_results_questions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Average", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ImGui::TableSetupColumn("Discrimination", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7);
        ImGui::TableSetupColumn("Hints", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
        ImGui::TableSetupColumn("What to check", ImGuiTableColumnFlags_WidthStretch);
        ui::table_headers_row();
        for (const auto& q : r.value("questions", Json::array())) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_wrapped("%s", first_words(q.value("text", std::string())).c_str());
            ui::note((q.value("code", std::string()) + " \xC2\xB7 asked " + std::to_string(q.value("asked", 0))
                + (q.value("asked", 0) == 1 ? " time" : " times"))
                    .c_str());
            ui::table_next_column();
            ui::text_unformatted(ui::format_percent(q.value("average", 0.0)).c_str());
            ui::table_next_column();
            const auto& d = q["discrimination"];
            ui::text_unformatted(d.is_number() ? ui::format_number(d.get<double>()).c_str() : "\xE2\x80\x94");
            ui::table_next_column();
            ui::text("%d", q.value("hints_given", 0));
            ui::table_next_column();
            const auto flag = q.value("flag", std::string());
            if (flag.empty()) {
                ui::text_colored(ui::k_muted, "Nothing");
            } else {
                ImGui::PushStyleColor(ImGuiCol_Text, ui::k_warning);
                ui::text_wrapped("%s", flag.c_str());
                ImGui::PopStyleColor();
            }
        }
        ui::end_table();
    }
    ui::vertical_space(ui::k_space_s);
    if (ui::begin_table("quiz_results_students", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Student", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Attempts", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
        ImGui::TableSetupColumn("Last handed in", ImGuiTableColumnFlags_WidthStretch);
        ui::table_headers_row();
        for (const auto& p : r.value("students", Json::array())) {
            const auto id = p.value("student_id", std::int64_t(0));
            ui::table_next_row();
            ui::table_next_column();
            if (ui::selectable((p.value("name", std::string()) + "##student" + std::to_string(id)).c_str(),
                    tab.student == id && !tab.student_from_roster)) {
                tab.student = tab.student == id && !tab.student_from_roster ? 0 : id;   // a second press closes it
                tab.student_name = p.value("name", std::string());
                tab.student_from_roster = false;
            }
            ui::table_next_column();
            ui::text("%d", p.value("attempts", 0));
            ui::table_next_column();
            ui::text_unformatted(p.value("best_score", std::string()).c_str());
            ui::table_next_column();
            ui::text_unformatted(ui::time_for_people(state, p.value("last_handed_in", std::string())).c_str());
        }
        ui::end_table();
    }
}

// A student's plan, skills and progress, opened from the results or the roster.
void draw_student_plan(AppState& state, TeachingTabState& tab)
{
    ui::vertical_space(ui::k_space_m);
    ui::heading(tab.student_name.c_str(), 3);
    draw_student_study(state, tab.study, tab.student);
}

void draw_course(AppState& state, TeachingTabState& tab)
{
    if (!tab.selected) {
        if (tab.remove.phase != Phase::Idle)
            ui::action_status(tab.remove);
        ui::empty_state(state, "Choose a course", "Pick a course to see its quizzes and set a new one.");
        return;
    }
    if (ui::remote_status(state, tab.quizzes, "teacher.course.quizzes"))
        select_course(state, tab, tab.selected);
    if (!tab.quizzes.data.is_object())
        return;
    ui::heading(tab.quizzes.data.value("course_title", std::string()).c_str(), 2);
    if (const auto* course = find_by_id(tab.courses, tab.selected)) {
        ui::text_colored(ui::k_muted, "%s \xC2\xB7 %lld students", course->value("instructor_name", std::string()).c_str(),
            static_cast<long long>(course->value("students", 0)));
        if (auto description = course->value("description", std::string()); !description.empty())
            ui::note(description.c_str());
    }
    const auto& quizzes = tab.quizzes.data["quizzes"];
    if (!quizzes.is_array() || quizzes.empty()) {
        ui::empty_state(state, "No quizzes yet", "Set the first one: questions drawn from the exam bank by topic.");
    } else if (ui::begin_table("course_quizzes", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Quiz", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
        ImGui::TableSetupColumn("Handed in", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ImGui::TableSetupColumn("Average", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
        ImGui::TableSetupColumn("Tutor's hints", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
        ui::table_headers_row();
        for (const auto& q : quizzes) {
            const auto id = q.value("id", std::int64_t(0));
            ui::table_next_row();
            ui::table_next_column();
            if (ui::selectable((q.value("title", std::string()) + "##quiz" + std::to_string(id)).c_str(),
                    tab.results_quiz == id))
                open_results(state, tab, id);
            ui::table_next_column();
            ui::text("%s, %d questions", q.value("mode_label", std::string()).c_str(), q.value("question_count", 0));
            ui::table_next_column();
            ui::text("%lld", static_cast<long long>(q.value("submitted_attempts", 0)));
            ui::table_next_column();
            const bool averaged = q.contains("average_score") && q["average_score"].is_string();
            ui::text_unformatted(averaged ? q["average_score"].get<std::string>().c_str() : "\xE2\x80\x94");
            ui::table_next_column();
            if (q.value("tutor", false))
                ui::text("%lld", static_cast<long long>(q.value("hints_given", 0)));
            else
                ui::text_colored(ui::k_muted, "No tutor");
        }
        ui::end_table();
    }
    if (tab.results_quiz)
        draw_results(state, tab);
    if (tab.results_quiz && tab.student && !tab.student_from_roster)
        draw_student_plan(state, tab);
    ui::vertical_space(ui::k_space_s);
    if (tab.composing) {
        draw_new_quiz(state, tab);
    } else if (ui::can(state, Action::QuizManage) && ui::primary_button(state, ICON_PLUS " New quiz", "teacher.quiz.new")) {
        tab.composing = true;
        tab.save = {};
    }
    if (tab.save.phase != Phase::Idle)
        ui::action_status(tab.save);
    ui::vertical_space(ui::k_space_s);
    if (ui::can(state, Action::CourseManage)) {
        const auto before = tab.student;
        const auto* course = find_by_id(tab.courses, tab.selected);
        draw_roster(state, tab.roster, tab.selected, course ? field_of(*course, "join_code") : Json(), tab.student,
            tab.student_name);
        if (tab.student != before)
            tab.student_from_roster = tab.student != 0;
        if (tab.student && tab.student_from_roster)
            draw_student_plan(state, tab);
        ui::vertical_space(ui::k_space_s);
    }
    draw_leaderboard(state, tab.leaderboard, tab.selected, ui::can(state, Action::CourseManage));

    ui::vertical_space(ui::k_space_s);
    ImGui::Separator();
    if (ui::button(state, ICON_TRASH " Delete course", "teacher.course.delete"))
        ui::open_confirm(k_delete_dialog);
    if (ui::confirm_dialog(state, k_delete_dialog,
            "Its students, quizzes and attempts stay, hidden; an administrator can restore it from Recently deleted.",
            "Delete"))
        delete_course(state, tab);
    if (tab.remove.phase == Phase::Failed)
        ui::action_status(tab.remove);
}

void draw_course_list(AppState& state, TeachingTabState& tab)
{
    ui::heading(ui::can(state, Action::DeletedRestore) ? "Courses" : "My courses", 2);
    if (ui::remote_status(state, tab.courses, "teacher.courses"))
        reload_courses(state, tab);
    if (!tab.courses.data.is_array())
        return;
    if (tab.courses.data.empty()) {
        ui::empty_state(state, "No courses yet", "Courses you teach appear here once the academy sets them up.");
        return;
    }
    for (const auto& c : tab.courses.data) {
        const auto id = c.value("id", std::int64_t(0));
        if (ui::selectable((c.value("title", std::string()) + "##tc" + std::to_string(id)).c_str(), tab.selected == id))
            select_course(state, tab, id);
        ui::remember(state, "teacher.course." + std::to_string(id));
        ui::text_colored(ui::k_muted, "%lld students \xC2\xB7 %lld quizzes", static_cast<long long>(c.value("students", 0)),
            static_cast<long long>(c.value("quizzes", 0)));
    }
}

} // namespace

void reload_courses(AppState& state, TeachingTabState& tab)
{
    api_load(state, tab.courses, "/api/academy/courses?limit=200");
}

// [SECTION] tabs -----------------------------------------------------------------

void draw_teaching_tab(AppState& state, TeachingTabState& tab)
{
    if (tab.courses.phase == Phase::Idle)
        reload_courses(state, tab);
    if (ui::list_detail(state, "teacher.courses.layout", tab.selected != 0, 0.35f, [&] { draw_course_list(state, tab); },
            [&] { draw_course(state, tab); }))
        select_course(state, tab, 0);
}

Json teaching_tab_summary(const TeachingTabState& tab)
{
    Json courses = Json::array(), quizzes = Json::array();
    if (tab.courses.data.is_array())
        for (const auto& c : tab.courses.data)
            courses.push_back(c.value("title", std::string()));
    if (tab.quizzes.data.is_object())
        for (const auto& q : tab.quizzes.data.value("quizzes", Json::array()))
            quizzes.push_back(q.value("title", std::string()));
    Json results = nullptr;
    if (tab.results_quiz && tab.results.data.is_object())
        results = { { "title", tab.results.data.value("title", std::string()) },
            { "attempts", tab.results.data.value("attempts", 0) },
            { "questions", tab.results.data.value("questions", Json::array()).size() },
            { "students", tab.results.data.value("students", Json::array()).size() } };
    Json summary = { { "teaching_courses", courses }, { "teaching_quizzes", quizzes }, { "quiz_save", tab.save.message },
        { "quiz_save_failed", tab.save.failed }, { "quiz_results", results },
        { "student_study", tab.student ? study_tab_summary(tab.study) : Json() } };
    summary.update(leaderboard_summary(tab.leaderboard));
    summary.update(roster_summary(tab.roster));
    return summary;
}

void draw_deleted_tab(AppState& state, DeletedTabState& tab)
{
    if (tab.courses.phase == Phase::Idle)
        api_load(state, tab.courses, "/api/academy/courses/deleted?limit=200");
    ui::heading("Recently deleted courses", 2);
    ui::note("Deleting hides a course with its students, quizzes and attempts; restoring brings all of them back.");
    if (tab.restore.phase != Phase::Idle)
        ui::action_status(tab.restore);
    if (ui::remote_status(state, tab.courses, "admin.deleted"))
        api_load(state, tab.courses, "/api/academy/courses/deleted?limit=200");
    if (!tab.courses.data.is_array())
        return;
    if (tab.courses.data.empty()) {
        ui::empty_state(state, "Nothing deleted", "Courses an instructor or administrator deletes wait here to be restored.");
        return;
    }
    for (const auto& c : tab.courses.data) {
        const auto id = c.value("id", std::int64_t(0));
        ImGui::PushID(static_cast<int>(id));
        ui::text_unformatted(c.value("title", std::string()).c_str());
        ui::text_colored(ui::k_muted, "%s \xC2\xB7 deleted %s", c.value("instructor_name", std::string()).c_str(),
            ui::time_for_people(state, c.value("deleted_at", std::string())).c_str());
        if (ui::button(state, ("Restore " + c.value("title", std::string())).c_str(), "admin.restore." + std::to_string(id))) {
            tab.restore = { Phase::Loading, "", false };
            api_call(state, "POST", "/api/academy/courses/" + std::to_string(id) + "/restore", Json::object(),
                [&tab](AppState& s, const ApiAnswer& answer) {
                    tab.restore = outcome_of(answer, "Course restored");
                    api_load(s, tab.courses, "/api/academy/courses/deleted?limit=200");
                });
        }
        ui::vertical_space(ui::k_space_xs);
        ImGui::PopID();
    }
}

Json deleted_tab_summary(const DeletedTabState& tab)
{
    Json titles = Json::array();
    if (tab.courses.data.is_array())
        for (const auto& c : tab.courses.data)
            titles.push_back(c.value("title", std::string()));
    return { { "deleted_courses", titles }, { "restore", tab.restore.message } };
}

} // namespace learnloop::client
