// A student's study plan and a parent's summary (see study_tab.hpp).
// [SECTION] loading, [SECTION] the exam day, [SECTION] the plan and skills,
// [SECTION] tabs
#include "academy/study_tab.hpp"

#include "academy/study.hpp"
#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "navigation.hpp"
#include "net/api.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

// [SECTION] loading --------------------------------------------------------------

std::string query_of(const StudyTabState& tab)
{
    return tab.student_id ? "?student_id=" + std::to_string(tab.student_id) : std::string();
}

void load(AppState& state, StudyTabState& tab, bool with_summary)
{
    tab.filled = false;
    api_load(state, tab.study, "/api/academy/study" + query_of(tab));
    if (with_summary)
        api_load(state, tab.summary, "/api/academy/summary" + query_of(tab));
}

std::string today_of(const StudyTabState& tab)
{
    return tab.study.data.is_object() ? tab.study.data.value("today", std::string()) : std::string();
}

// [SECTION] the exam day ---------------------------------------------------------

std::string goal_form_words(std::string message)
{
    return ui::in_form_words(std::move(message), { { "exam_day", "Exam day" }, { "minutes_per_day", "Minutes a day" } });
}

void fill_form(StudyTabState& tab)
{
    if (tab.filled || tab.study.phase != Phase::Done || !tab.study.data.is_object())
        return;
    const auto goal = tab.study.data.value("goal", Json());
    ui::copy_text(tab.exam_day, goal.is_object() ? goal.value("exam_day", std::string()) : std::string());
    ui::copy_text(tab.minutes, std::to_string(goal.is_object() ? goal.value("minutes_per_day", 30) : 30));
    tab.filled = true;
}

void save_goal(AppState& state, StudyTabState& tab, bool with_summary)
{
    const auto minutes = ui::whole_number(tab.minutes);
    if (!minutes) {
        tab.save = { Phase::Failed, "Minutes a day: type a whole number, such as 30", true };
        return;
    }
    Json body { { "exam_day", std::string(tab.exam_day) }, { "minutes_per_day", *minutes } };
    auto checked = read_study_goal(body, today_of(tab));   // the server's own rule, before anything is sent
    if (!checked.ok()) {
        tab.save = { Phase::Failed, goal_form_words(checked.error().message), true };
        return;
    }
    tab.save = { Phase::Loading, "", false };
    const auto student = tab.student_id;
    api_call(state, "PUT", "/api/academy/study/goal" + query_of(tab), body,
        [&tab, student, with_summary](AppState& s, const ApiAnswer& answer) {
            if (tab.student_id != student)
                return;
            tab.save = outcome_of(answer, "Exam day saved: the plan below follows it");
            tab.save.message = goal_form_words(tab.save.message);
            if (answer.ok())
                load(s, tab, with_summary);
        });
}

void draw_goal(AppState& state, StudyTabState& tab, bool with_summary, bool own)
{
    fill_form(tab);
    ui::heading("Exam day", 3);
    if (!ui::can(state, Action::StudyGoalSet)) {   // an instructor reads it
        const auto goal = tab.study.data.value("goal", Json());
        auto day = goal.is_object() ? read_local_day(goal.value("exam_day", std::string())) : std::nullopt;
        if (day)
            ui::text("%s, %d minutes a day", day_for_people(*day, true).c_str(), goal.value("minutes_per_day", 0));
        else
            ui::text_colored(ui::k_muted, "No exam day set yet.");
        return;
    }
    ui::note(own ? "When is your exam, and how long can you study each day? The plan runs up to the day before it."
                 : "The exam day and daily minutes the plan works towards.");
    ui::labelled_input(state, "Exam day", "YYYY-MM-DD, e.g. 2027-02-20", tab.exam_day, sizeof tab.exam_day,
        "study.exam_day", 10);
    if (auto day = read_local_day(tab.exam_day); day && std::string_view(tab.exam_day).size() == 10)
        ui::text_colored(ui::k_muted, "%s", day_for_people(*day, true).c_str());
    ui::labelled_input(state, "Minutes a day", "30", tab.minutes, sizeof tab.minutes, "study.minutes", 4);
    ImGui::BeginDisabled(tab.save.phase == Phase::Loading || tab.study.phase != Phase::Done);
    if (ui::primary_button(state, "Save exam day", "study.save"))
        save_goal(state, tab, with_summary);
    ImGui::EndDisabled();
    ui::action_status(tab.save);
}

// [SECTION] the plan and skills ---------------------------------------------------

std::string when_label(const std::string& day, const std::string& today)
{
    auto at = read_local_day(day);
    if (!at)
        return day;
    auto now = read_local_day(today);
    const auto label = day_for_people(*at, false);
    if (now) {
        const auto diff = days_from_civil(at->year, at->month, at->day) - days_from_civil(now->year, now->month, now->day);
        if (diff == 0)
            return "Today \xC2\xB7 " + label;
        if (diff == 1)
            return "Tomorrow \xC2\xB7 " + label;
    }
    return label;
}

void draw_plan(const StudyTabState& tab)
{
    const auto& data = tab.study.data;
    const auto plan = data.value("plan", Json::object());
    ui::heading("The plan", 3);
    ui::text_wrapped("%s", plan.value("summary", std::string()).c_str());
    if (!plan.value("fits", true))
        ui::alert_text(ui::k_warning, "More time a day, or a later exam day, would fit every weak skill in.");
    const auto today = data.value("today", std::string());
    for (const auto& day : plan.value("days", Json::array())) {
        ui::vertical_space(ui::k_space_s);
        ui::text_unformatted(when_label(day.value("day", std::string()), today).c_str());
        for (const auto& item : day.value("items", Json::array())) {
            const int questions = item.value("questions", 0);
            ui::bullet_text("%s \xE2\x80\x94 %d question%s%s", item.value("name", std::string()).c_str(), questions,
                questions == 1 ? "" : "s", item.value("review", false) ? " (review)" : "");
        }
        ui::text_colored(ui::k_muted, "About %d minutes", day.value("minutes", 0));
    }
}

void draw_skills(const StudyTabState& tab, bool own)
{
    auto skills = tab.study.data.value("skills", Json::array());
    std::stable_sort(skills.begin(), skills.end(),
        [](const Json& a, const Json& b) { return a.value("known", 0.0) < b.value("known", 0.0); });
    ui::heading(own ? "Your skills" : "Skills", 3);
    ui::note("From quiz answers: the weakest first. A skill needs three answers or more before it counts as a weak spot.");
    if (!ui::begin_table("study_skills", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Skill");
    ImGui::TableSetupColumn("Topic");
    ImGui::TableSetupColumn("Level");
    ImGui::TableSetupColumn("Answers");
    ui::table_headers_row();
    for (const auto& s : skills) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(s.value("name", std::string()).c_str());
        ui::table_next_column();
        ui::text_unformatted(s.value("topic", std::string()).c_str());
        ui::table_next_column();
        if (s.value("weak", false))
            ui::text_colored(ui::k_warning, "%s, needs work", s.value("level_label", std::string()).c_str());
        else
            ui::text_unformatted(s.value("level_label", std::string()).c_str());
        ui::table_next_column();
        ui::text("%d", s.value("attempts", 0));
    }
    ui::end_table();
}

// Points, the streak and badges (shared-domain academy/progress on the server).
void draw_progress(const StudyTabState& tab, bool own)
{
    const auto progress = tab.study.data.value("progress", Json::object());
    if (!progress.is_object() || !progress.contains("xp"))
        return;
    ui::heading(own ? "Your progress" : "Progress", 3);
    const int streak = progress.value("streak", 0);
    ui::text("%s XP (%s this week) \xC2\xB7 streak: %s", ui::format_number(progress.value("xp", 0)).c_str(),
        ui::format_number(progress.value("xp_this_week", 0)).c_str(), progress.value("streak_text", std::string()).c_str());
    if (streak > 0 && !progress.value("studied_today", false))
        ui::text_colored(ui::k_muted, own ? "Answer a question today to keep your streak going."
                                          : "No questions answered yet today.");
    if (progress.value("freeze_used_this_week", false))
        ui::text_colored(ui::k_muted, "This week's freeze bridged a missed day.");
    for (const auto& b : progress.value("badges", Json::array())) {
        if (b.value("earned", false))
            ui::bullet_text("%s \xE2\x80\x94 earned", b.value("name", std::string()).c_str());
        else
            ui::bullet_text("%s \xE2\x80\x94 %s", b.value("name", std::string()).c_str(),
                b.value("progress", std::string()).c_str());
    }
}

// The plan, the weak spots and the skills of whoever the tab shows.
void draw_study(AppState& state, StudyTabState& tab, bool own)
{
    if (ui::remote_status(state, tab.study, "study.plan"))
        load(state, tab, !own);
    if (tab.study.phase != Phase::Done || !tab.study.data.is_object())
        return;
    const auto& data = tab.study.data;
    const auto weak = data.value("weak_spots", Json::array());
    if (!weak.empty()) {
        std::vector<std::string> names;
        for (const auto& w : weak)
            names.push_back(w.value("name", std::string()));
        ui::alert_text(ui::k_warning, "Needs work: %s", list_for_people(names).c_str());
    }
    draw_progress(tab, own);
    ui::vertical_space(ui::k_space_s);
    draw_goal(state, tab, !own, own);
    ui::vertical_space(ui::k_space_m);
    if (data.value("skills", Json::array()).empty()) {
        ui::empty_state(state, "No quiz answers yet",
            own ? "Take a quiz in My courses: your plan is made from your answers."
                : "Once your child answers quizzes in their courses, their plan appears here.");
        return;
    }
    draw_plan(tab);
    ui::vertical_space(ui::k_space_m);
    draw_skills(tab, own);
}

void choose_child(AppState& state, StudyTabState& tab, std::int64_t id)
{
    tab.student_id = id;
    tab.save = {};
    load(state, tab, true);
}

} // namespace

// [SECTION] tabs -----------------------------------------------------------------

void draw_study_tab(AppState& state, StudyTabState& tab)
{
    if (tab.study.phase == Phase::Idle)
        load(state, tab, false);
    ui::heading("Study plan", 2);
    draw_study(state, tab, true);
}

namespace {

// The child's course work due in the last week and the next two, each with
// its status as the child's own list shows it (handed in, marked, overdue).
void draw_course_work_due(const Json& due)
{
    if (!due.is_array() || due.empty()) {
        ui::note("No course work is due in the next two weeks.");
        return;
    }
    if (!ui::begin_table("course_work_due", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Work", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Course", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Due", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ui::table_headers_row();
    for (const auto& work : due) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(text_field(work, "title").c_str());
        ui::table_next_column();
        ui::text_unformatted(text_field(work, "course_title").c_str());
        ui::table_next_column();
        ui::text_unformatted(due_for_people(text_field(work, "due_date")).c_str());
        ui::table_next_column();
        ui::status_chip(text_field(work, "status"));
    }
    ui::end_table();
}

} // namespace

void draw_child_summary_tab(AppState& state, StudyTabState& tab, ChildrenTabState& family)
{
    if (family.children.phase == Phase::Idle)
        api_load(state, family.children, "/api/children");
    if (ui::remote_status(state, family.children, "parent.children"))
        api_load(state, family.children, "/api/children");
    if (family.children.phase != Phase::Done)
        return;
    if (family.children.data.empty()) {
        ui::empty_state(state, "No children linked yet", "Ask the academy for a link code and type it below.");
        draw_link_child(state, family);
        return;
    }
    if (tab.student_id == 0) {
        choose_child(state, tab, family.children.data[0].value("id", std::int64_t(0)));
        replace_location(state);
    }
    const Json* child = find_by_id(family.children, tab.student_id);
    if (!child) {
        if (ui::missing_item(state, "This child is not linked to your account.", "Show my first child",
                "parent.not_found"))
            tab.student_id = 0;
        return;
    }
    if (tab.study.phase == Phase::Idle)
        load(state, tab, true);   // opened from the address
    if (family.children.data.size() > 1)
        if (auto picked = draw_child_picker(state, family.children, tab.student_id))
            choose_child(state, tab, picked);
    ui::heading(child->value("name", std::string()).c_str(), 2);
    if (ui::remote_status(state, tab.summary, "parent.summary"))
        load(state, tab, true);
    if (tab.summary.phase == Phase::Done && tab.summary.data.is_object()) {
        const auto& s = tab.summary.data;
        ui::heading("This week", 3);
        ui::text_wrapped("%s", s.value("week", std::string()).c_str());
        ui::heading("Coming up", 3);
        ui::text_wrapped("%s", s.value("upcoming", std::string()).c_str());
        draw_course_work_due(field_of(s, "due"));
        ui::vertical_space(ui::k_space_m);
    }
    draw_study(state, tab, false);
}

void draw_student_study(AppState& state, StudyTabState& tab, std::int64_t student_id)
{
    if (tab.student_id != student_id || tab.study.phase == Phase::Idle) {
        tab.student_id = student_id;
        tab.save = {};
        load(state, tab, false);
    }
    draw_study(state, tab, false);
}

Json study_tab_summary(const StudyTabState& tab)
{
    const auto& d = tab.study.data;
    Json weak = Json::array();
    if (d.is_object())
        for (const auto& w : d.value("weak_spots", Json::array()))
            weak.push_back(w.value("name", std::string()));
    Json due = Json::array();   // the parent's summary: "title: status"
    if (const auto& list = field_of(tab.summary.data, "due"); list.is_array())
        for (const auto& work : list)
            due.push_back(text_field(work, "title") + ": " + text_field(work, "status"));
    return { { "student_id", tab.student_id }, { "today", today_of(tab) }, { "goal", d.is_object() ? d.value("goal", Json()) : Json() },
        { "plan", d.is_object() ? d.value("plan", Json::object()).value("summary", std::string()) : std::string() },
        { "days", d.is_object() ? d.value("plan", Json::object()).value("days", Json::array()).size() : 0 },
        { "weak_spots", weak },
        { "week", tab.summary.data.is_object() ? tab.summary.data.value("week", std::string()) : std::string() },
        { "save", tab.save.message }, { "due", due },
        { "xp", d.is_object() ? d.value("progress", Json::object()).value("xp", -1) : -1 } };
}

ui::TabPlace child_summary_place(const StudyTabState& tab, const ChildrenTabState& family)
{
    const Json* shown = find_by_id(family.children, tab.student_id);
    return { tab.student_id, {}, 0, shown ? shown->value("name", "") : "" };
}

bool open_child_summary(StudyTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty() || route.detail_id)
        return false;
    if (route.id != tab.student_id) {
        tab.student_id = route.id;
        forget(tab.study);
        forget(tab.summary);
        tab.save = {};
    }
    return true;
}

} // namespace learnloop::client
