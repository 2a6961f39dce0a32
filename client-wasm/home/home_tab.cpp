// Each role's home page (see home_tab.hpp): [SECTION] loading,
// [SECTION] pieces, [SECTION] teacher, [SECTION] student, [SECTION] parent.
#include "home/home_tab.hpp"

#include "core/calendar.hpp"
#include "navigation.hpp"
#include "net/api.hpp"
#include "practice/child_mastery.hpp"
#include "practice/heatmap.hpp"
#include "practice/mastery_history.hpp"
#include "tracker/gradebook.hpp"
#include "tracker/work_lists.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

// A home page lists the first few of each kind; the rest are a link away.
constexpr std::size_t k_shown = 6;
// Work not handed in shows from two weeks before it is due: a week's notice
// for work due on a day like today, whatever the hour.
constexpr int k_due_days = 14;

// [SECTION] loading -------------------------------------------------------------

// Reopening the page (it was not drawn last frame) shows the work as it is
// now: what was marked or handed in meanwhile is gone from the lists.
void refresh_on_reopen(HomeState& home, std::initializer_list<Remote*> shared)
{
    const int frame = ImGui::GetFrameCount();
    if (home.drawn_frame != frame - 1) {
        for (auto* map : { &home.gradebooks, &home.heatmaps, &home.child_work, &home.child_practice })
            for (auto& [id, remote] : *map)
                forget(remote);
        forget(home.practice);
        for (Remote* remote : shared)
            if (remote->phase != Phase::Loading)
                forget(*remote);
    }
    home.drawn_frame = frame;
}

void load_once(AppState& state, Remote& remote, const std::string& path)
{
    if (remote.phase == Phase::Idle)
        api_load(state, remote, path);
}

std::string id_text(std::int64_t id)
{
    return std::to_string(id);
}

// [SECTION] pieces ----------------------------------------------------------------

// Two columns side by side on a wide screen, one under the other on a phone.
bool begin_columns()
{
    if (ui::compact())
        return false;
    if (!ImGui::BeginTable("home_columns", 2, ImGuiTableFlags_SizingStretchSame))
        return false;
    ImGui::TableNextColumn();
    return true;
}

void next_column(bool columns)
{
    if (columns)
        ImGui::TableNextColumn();
    else
        ui::vertical_space(ui::k_space_xl);
}

void end_columns(bool columns)
{
    if (columns)
        ImGui::EndTable();
}

void muted_line(const std::string& text)
{
    ImGui::PushTextWrapPos(0.0f);
    ui::text_colored(ui::k_muted, "%s", text.c_str());
    ImGui::PopTextWrapPos();
}

// "and 12 more", with a link to where they all are.
void more_line(AppState& state, std::size_t total, std::size_t shown, const char* where, const std::string& address,
    const std::string& name)
{
    if (total <= shown)
        return;
    ImGui::AlignTextToFramePadding();   // on the link's line
    ui::text_colored(ui::k_muted, "and %zu more:", total - shown);
    ImGui::SameLine();
    if (ui::link(state, where, address, name))
        follow_link(state, address);
}

// "3 waiting, 1 of them late"
std::string waiting_words(const WorkToMark& work)
{
    std::string text = std::to_string(work.waiting) + (work.waiting == 1 ? " answer" : " answers") + " to mark";
    if (work.late > 0)
        text += work.late == work.waiting ? (work.late == 1 ? ", handed in late" : ", all handed in late")
                                          : ", " + std::to_string(work.late) + " handed in late";
    return text;
}

std::string due_words(const DueWork& work)
{
    return (work.status == DueStatus::Overdue ? "Was due " : "Due ") + due_for_people(work.due_date);
}

// One line per piece of work due: its title (a link to it, with an
// `address_prefix`), its status, when.
Json draw_due_list(AppState& state, const std::vector<DueWork>& work, const std::string& address_prefix,
    const std::string& name_prefix, std::size_t shown)
{
    Json listed = Json::array();
    for (std::size_t i = 0; i < work.size() && i < shown; ++i) {
        const auto& w = work[i];
        ImGui::PushID(static_cast<int>(i));
        if (address_prefix.empty())
            ui::text_unformatted(w.title.c_str());
        else if (ui::link(state, w.title.c_str(), address_prefix + id_text(w.assignment_id),
                     name_prefix + id_text(w.assignment_id)))
            follow_link(state, address_prefix + id_text(w.assignment_id));
        ImGui::SameLine();
        ui::status_chip(due_status_name(w.status));
        muted_line(due_words(w));
        ImGui::PopID();
        listed.push_back({ { "assignment_id", w.assignment_id }, { "title", w.title },
            { "status", due_status_name(w.status) } });
    }
    return listed;
}

// Whether every remote arrived; draws the first one's loading or failure.
bool all_arrived(AppState& state, std::initializer_list<std::pair<Remote*, std::string>> remotes,
    const std::function<void(Remote&)>& retry)
{
    for (const auto& [remote, name] : remotes) {
        if (remote->phase == Phase::Done)
            continue;
        if (ui::remote_status(state, *remote, name))
            retry(*remote);
        return false;
    }
    return true;
}

// The latest marked work (the list comes soonest due first): its grade and
// the start of the teacher's feedback.
Json draw_recently_marked(AppState& state, const Json& assignments)
{
    std::vector<const Json*> marked;
    if (assignments.is_array())
        for (const auto& a : assignments)
            if (a.is_object() && a.contains("grade") && a["grade"].is_number())
                marked.push_back(&a);
    Json listed = Json::array();
    if (marked.empty())
        return listed;
    ui::vertical_space(ui::k_space_l);
    ui::heading("Recently marked", 2);
    for (std::size_t i = 0; i < 3 && i < marked.size(); ++i) {
        const Json& a = *marked[marked.size() - 1 - i];
        auto id = a.value("id", std::int64_t(0));
        auto address = "#/student/assignments/" + id_text(id);
        ImGui::PushID(static_cast<int>(id));
        if (ui::link(state, a.value("title", "").c_str(), address, "home.marked." + id_text(id)))
            follow_link(state, address);
        std::string feedback = a.value("feedback", Json(nullptr)).is_string() ? a["feedback"].get<std::string>() : "";
        if (feedback.size() > 90) {
            // Cut at a space, never inside a UTF-8 sequence.
            auto cut = feedback.rfind(' ', 90);
            feedback = feedback.substr(0, cut == std::string::npos ? 90 : cut) + "\xE2\x80\xA6";
        }
        muted_line("Grade " + format_grade(a["grade"].get<double>()) + (feedback.empty() ? "" : " \xC2\xB7 " + feedback));
        ImGui::PopID();
        listed.push_back({ { "assignment_id", id }, { "grade", a["grade"] } });
    }
    return listed;
}

// [SECTION] teacher ---------------------------------------------------------------

Json draw_to_mark(AppState& state, HomeState& home, const Json& classes)
{
    ui::heading("To mark", 2);
    struct Item {
        std::string class_name;
        WorkToMark work;
    };
    std::vector<Item> items;
    for (const auto& c : classes) {
        auto id = c.value("id", std::int64_t(0));
        auto& book = home.gradebooks[id];
        if (book.phase != Phase::Done) {
            if (ui::remote_status(state, book, "home.to_mark.status." + id_text(id)))
                forget(book);
            return nullptr;
        }
        auto work = work_to_mark(book.data);
        for (auto& w : work.value_or({}))
            items.push_back({ c.value("name", ""), std::move(w) });
    }
    // The most waiting first, across classes.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.work.waiting > b.work.waiting; });
    Json listed = Json::array();
    if (items.empty()) {
        ui::empty_state(state, "Nothing to mark",
            "Work your students hand in shows here until you mark it.");
        return listed;
    }
    for (std::size_t i = 0; i < items.size() && i < k_shown; ++i) {
        const auto& [class_name, w] = items[i];
        auto address = "#/teacher/assignments/" + id_text(w.assignment_id) + "/submissions";
        ImGui::PushID(static_cast<int>(i));
        if (ui::link(state, w.title.c_str(), address, "home.mark." + id_text(w.assignment_id)))
            follow_link(state, address);
        muted_line(class_name + " \xC2\xB7 " + waiting_words(w));
        ImGui::PopID();
        listed.push_back({ { "assignment_id", w.assignment_id }, { "title", w.title }, { "class", class_name },
            { "waiting", w.waiting }, { "late", w.late } });
    }
    more_line(state, items.size(), k_shown, "all assignments", "#/teacher/assignments", "home.mark.more");
    return listed;
}

Json draw_needs_help(AppState& state, HomeState& home, const Json& classes)
{
    ui::heading("Who needs help", 2);
    struct Item {
        std::int64_t class_id = 0;
        std::string class_name;
        NeedsHelp student;
    };
    std::vector<Item> items;
    for (const auto& c : classes) {
        auto id = c.value("id", std::int64_t(0));
        auto& heatmap = home.heatmaps[id];
        if (heatmap.phase != Phase::Done) {
            if (ui::remote_status(state, heatmap, "home.help.status." + id_text(id)))
                forget(heatmap);
            return nullptr;
        }
        auto decoded = decode_class_heatmap(heatmap.data);
        if (decoded.ok())
            for (auto& student : decoded.value().needs_help)
                items.push_back({ id, c.value("name", ""), std::move(student) });
    }
    // The most weak spots first, across classes.
    std::stable_sort(items.begin(), items.end(),
        [](const Item& a, const Item& b) { return a.student.weak_targets > b.student.weak_targets; });
    Json listed = Json::array();
    if (items.empty()) {
        ui::empty_state(state, "Nobody needs help right now",
            "Students who keep getting a learning target wrong in their practice show here.");
        return listed;
    }
    for (std::size_t i = 0; i < items.size() && i < k_shown; ++i) {
        const auto& [class_id, class_name, student] = items[i];
        auto address = "#/teacher/mastery/" + id_text(class_id) + "/students/" + id_text(student.student_id);
        ImGui::PushID(static_cast<int>(i));
        if (ui::link(state, student.student_name.c_str(), address,
                "home.help." + id_text(class_id) + "." + id_text(student.student_id)))
            follow_link(state, address);
        muted_line(class_name + " \xC2\xB7 " + std::to_string(student.weak_targets)
            + (student.weak_targets == 1 ? " target they keep getting wrong" : " targets they keep getting wrong"));
        ImGui::PopID();
        listed.push_back({ { "student_id", student.student_id }, { "name", student.student_name },
            { "class_id", class_id }, { "weak_targets", student.weak_targets } });
    }
    more_line(state, items.size(), k_shown, "the mastery heatmap", "#/teacher/mastery", "home.help.more");
    return listed;
}

} // namespace

void draw_teacher_home(AppState& state, HomeState& home, Remote& classes)
{
    refresh_on_reopen(home, {});
    home.shown = Json::object();
    if (!all_arrived(state, { { &classes, "home.classes.status" } }, [&](Remote& r) { forget(r); }))
        return;
    const Json& list = classes.data;
    if (!list.is_array() || list.empty()) {
        if (ui::empty_state(state, "No classes yet", "Your classes show here once the school adds you to them.",
                "Go to Classes", "home.to_classes"))
            follow_link(state, "#/teacher/classes");
        return;
    }
    if (!ui::can(state, Action::GradebookRead)) {
        muted_line("Once the school approves your account, the work to mark and the students who need help show here.");
        return;
    }
    for (const auto& c : list) {
        auto id = id_text(c.value("id", std::int64_t(0)));
        load_once(state, home.gradebooks[c.value("id", std::int64_t(0))], "/api/classes/" + id + "/gradebook");
        load_once(state, home.heatmaps[c.value("id", std::int64_t(0))], "/api/classes/" + id + "/mastery?limit=1");
    }
    bool columns = begin_columns();
    home.shown["to_mark"] = draw_to_mark(state, home, list);
    next_column(columns);
    home.shown["needs_help"] = draw_needs_help(state, home, list);
    end_columns(columns);
}

// [SECTION] student ---------------------------------------------------------------

void draw_student_home(AppState& state, HomeState& home, Remote& assignments)
{
    refresh_on_reopen(home, { &assignments });
    home.shown = Json::object();
    load_once(state, assignments, "/api/assignments?limit=200");
    load_once(state, home.practice, "/api/mastery");
    bool columns = begin_columns();

    ui::heading("Today's tasks", 2);
    if (all_arrived(state, { { &home.practice, "home.practice.status" } }, [&](Remote& r) { forget(r); })) {
        const Json& targets = home.practice.data.value("targets", Json::array());
        home.shown["targets"] = targets.size();
        if (targets.empty()) {
            ui::empty_state(state, "No practice yet",
                "When your teacher sets you learning targets, a few short tasks wait here each day.");
        } else {
            // The targets furthest from mastered first: what today's tasks work on.
            std::vector<const Json*> order;
            for (const auto& t : targets)
                order.push_back(&t);
            std::stable_sort(order.begin(), order.end(),
                [](const Json* a, const Json* b) { return a->value("known", 0.0) < b->value("known", 0.0); });
            muted_line(std::to_string(targets.size()) + (targets.size() == 1 ? " learning target" : " learning targets")
                + ", the ones with most to learn first:");
            for (std::size_t i = 0; i < order.size() && i < k_shown; ++i) {
                const auto& t = *order[i];
                ui::text_unformatted((target_title(targets, t.value("target_id", "")) + " \xE2\x80\x94 "
                    + ui::mastery_level_label(t.value("level", "not_started"))).c_str());
            }
            if (targets.size() > k_shown)
                muted_line("and " + std::to_string(targets.size() - k_shown) + " more");
            ui::vertical_space(ui::k_space_s);
            if (ui::primary_button(state, "Start today's tasks", "home.start_practice"))
                follow_link(state, "#/student/practice");
        }
    }
    next_column(columns);

    ui::heading("Due soon", 2);
    if (all_arrived(state, { { &assignments, "home.assignments.status" } }, [&](Remote& r) { forget(r); })) {
        auto due = due_work(assignments.data, static_cast<std::int64_t>(state.wall_clock), k_due_days).value_or({});
        if (due.empty()) {
            ui::empty_state(state, "Nothing due soon",
                "You are up to date. New work from your teachers shows here.");
            home.shown["due"] = Json::array();
        } else {
            home.shown["due"] = draw_due_list(state, due, "#/student/assignments/", "home.due.", k_shown);
            more_line(state, due.size(), k_shown, "all assignments", "#/student/assignments", "home.due.more");
        }
        home.shown["marked"] = draw_recently_marked(state, assignments.data);
    }
    end_columns(columns);
}

// [SECTION] parent ----------------------------------------------------------------

void draw_parent_home(AppState& state, HomeState& home, Remote& children)
{
    refresh_on_reopen(home, {});
    home.shown = Json::object();
    load_once(state, children, "/api/children");
    if (!all_arrived(state, { { &children, "home.children.status" } }, [&](Remote& r) { forget(r); }))
        return;
    if (!children.data.is_array() || children.data.empty()) {
        if (ui::empty_state(state, "No children linked yet",
                "Ask your child's school for a link code, then enter it on the Children page.", "Go to Children",
                "home.to_children"))
            follow_link(state, "#/parent/children");
        return;
    }
    Json shown = Json::array();
    for (const auto& child : children.data) {
        const auto id = child.value("id", std::int64_t(0));
        const auto name = child.value("name", "");
        auto& work = home.child_work[id];
        auto& practice = home.child_practice[id];
        load_once(state, work, "/api/assignments?limit=200&student_id=" + id_text(id));
        load_once(state, practice, "/api/mastery?student_id=" + id_text(id));
        ImGui::PushID(static_cast<int>(id));
        ui::heading(name.c_str(), 2);
        Json glance = { { "id", id }, { "name", name } };
        if (all_arrived(state, { { &practice, "home.child.practice.status" }, { &work, "home.child.work.status" } },
                [&](Remote& r) { forget(r); })) {
            const Json& targets = practice.data.value("targets", Json::array());
            std::string summary = targets.empty() ? name + " has no practice targets yet."
                                                  : child_weekly_summary(practice.data, name,
                                                        static_cast<std::int64_t>(state.wall_clock));
            ImGui::PushTextWrapPos(0.0f);
            ui::text_unformatted(summary.c_str());
            ImGui::PopTextWrapPos();
            auto due = due_work(work.data, static_cast<std::int64_t>(state.wall_clock), k_due_days).value_or({});
            if (due.empty()) {
                muted_line("Nothing due in the next two weeks.");
            } else {
                glance["due"] = draw_due_list(state, due, {}, {}, 3);
                if (due.size() > 3)
                    muted_line("and " + std::to_string(due.size() - 3) + " more on " + name + "'s page");
            }
            glance["summary"] = summary;
        }
        auto address = "#/parent/children/" + id_text(id);
        if (ui::link(state, ("Open " + name + "'s page").c_str(), address, "home.child." + id_text(id)))
            follow_link(state, address);
        ImGui::PopID();
        ui::vertical_space(ui::k_space_l);
        shown.push_back(std::move(glance));
    }
    home.shown["children"] = std::move(shown);
}

Json home_summary(const HomeState& home)
{
    return { { "home", home.shown } };
}

} // namespace learnloop::client
