// The portals, one per role, each a table of tabs: which tabs a role sees,
// in which order, and the action of the permission matrix that shows each.
// Every tab's state is declared beside its drawing code in its area; this
// file only holds them together for the signed-in user.
// [SECTION] state, [SECTION] tabs, [SECTION] portals, [SECTION] shell hooks
#include "app.hpp"

#include "identity/approvals_tab.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "practice/mastery_tab.hpp"
#include "practice/practice_set.hpp"
#include "practice/practice_tab.hpp"
#include "school/audit_tab.hpp"
#include "school/children_tab.hpp"
#include "school/classes_tab.hpp"
#include "school/parent_links_tab.hpp"
#include "school/people.hpp"
#include "school/teacher_classes_tab.hpp"
#include "school/users_tab.hpp"
#include "tracker/assignments_tab.hpp"
#include "tracker/gradebook_tab.hpp"
#include "tracker/student_assignments_tab.hpp"
#include "ui/tabs.hpp"

#include <array>

namespace learnloop::client {

// [SECTION] state ----------------------------------------------------------------

// State several of a portal's tabs read sits beside the tabs that read it.
struct TeacherPortalState {
    Remote classes;               // the teacher's classes: the editor, class, mastery and gradebook tabs
    AssignmentsTabState assignments;
    TeacherClassesTabState classes_tab;
    MasteryTabState mastery;
    GradebookTabState gradebook;
};

struct StudentPortalState {
    StudentAssignmentsTabState assignments;
    PracticeTabState practice;
};

struct SchoolPortalState {
    Remote users;                 // the school's users: every school tab chooses people from them
    UsersTabState users_tab;
    SchoolClassesTabState classes;
    ParentLinksTabState parents;
    ApprovalsTabState approvals;
    AuditTabState audit;
};

struct PortalState {
    Remote me;                    // GET /api/user: the school's time zone; a teacher's approval
    TeacherPortalState teacher;
    StudentPortalState student;
    ChildrenTabState parent;
    SchoolPortalState school;
};

AppState::AppState()
    : portal(std::make_unique<PortalState>())
{
}

AppState::~AppState() = default;

namespace {

using Tab = ui::Tab<PortalState>;

// [SECTION] tabs -----------------------------------------------------------------

const Tab k_teacher_tabs[] = {
    { "Assignments", "teacher.tab.assignments", Action::AssignmentRead,
        [](AppState& s, PortalState& p) { draw_assignments_tab(s, p.teacher.assignments, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return assignments_tab_summary(p.teacher.assignments); } },
    { "Classes", "teacher.tab.classes", Action::ClassRead,
        [](AppState& s, PortalState& p) { draw_teacher_classes_tab(s, p.teacher.classes_tab, p.teacher.classes); },
        nullptr },
    { "Mastery", "teacher.tab.mastery", Action::ClassMasteryRead,
        [](AppState& s, PortalState& p) { draw_mastery_tab(s, p.teacher.mastery, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return mastery_tab_summary(p.teacher.mastery); } },
    { "Gradebook", "teacher.tab.gradebook", Action::GradebookRead,
        [](AppState& s, PortalState& p) { draw_gradebook_tab(s, p.teacher.gradebook, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return gradebook_tab_summary(p.teacher.gradebook); } },
};

const Tab k_student_tabs[] = {
    { "Assignments", "student.tab.assignments", Action::AssignmentRead,
        [](AppState& s, PortalState& p) { draw_student_assignments_tab(s, p.student.assignments); },
        [](const AppState& s, const PortalState& p) { return student_assignments_summary(s, p.student.assignments); } },
    { "Today's tasks", "student.tab.practice", Action::PracticeAnswer,
        [](AppState& s, PortalState& p) { draw_practice_tab(s, p.student.practice); },
        [](const AppState&, const PortalState& p) { return Json { { "practice", practice_summary(p.student.practice) } }; } },
};

const Tab k_parent_tabs[] = {
    { "Children", "parent.tab.children", Action::ChildrenRead,
        [](AppState& s, PortalState& p) { draw_children_tab(s, p.parent); },
        [](const AppState&, const PortalState& p) { return children_tab_summary(p.parent); } },
};

// The same portal serves administrators and moderators; the matrix decides
// which tabs and controls each sees.
const Tab k_school_tabs[] = {
    { "Users", "admin.tab.users", Action::UserList,
        [](AppState& s, PortalState& p) { draw_users_tab(s, p.school.users_tab, p.school.users); },
        [](const AppState&, const PortalState& p) { return users_tab_summary(p.school.users_tab, p.school.users); } },
    { "Classes", "admin.tab.classes", Action::ClassRead,
        [](AppState& s, PortalState& p) { draw_school_classes_tab(s, p.school.classes, p.school.users); }, nullptr },
    { "Parents", "admin.tab.parents", Action::ParentLinkManage,
        [](AppState& s, PortalState& p) { draw_parent_links_tab(s, p.school.parents, p.school.users); }, nullptr },
    { "Sign-up", "admin.tab.signup", Action::StaffApprove,
        [](AppState& s, PortalState& p) { draw_approvals_tab(s, p.school.approvals); },
        [](const AppState&, const PortalState& p) { return approvals_tab_summary(p.school.approvals); } },
    { "Audit log", "admin.tab.audit", Action::AuditRead,
        [](AppState& s, PortalState& p) { draw_audit_tab(s, p.school.audit); },
        [](const AppState&, const PortalState& p) { return audit_tab_summary(p.school.audit); } },
};

// A teacher who signed themselves up learns where they stand from the
// server; until the school approves them, the portal says so and shows only
// the tabs a waiting account may use (ui::can reads the approval).
void prepare_teacher_standing(AppState& s, const Remote& me)
{
    if (me.phase == Phase::Done && me.data.is_object())
        s.session.approval = parse_approval(me.data.value("approval", "approved")).value_or(Approval::Approved);
    if (s.session.approval == Approval::Pending) {
        ImGui::PushTextWrapPos(0.0f);
        ui::alert_text(ui::k_warning,
            "! Your account is waiting for your school's approval. Until an administrator approves it you can set "
            "and mark your own assignments, but not see your students' details or progress.");
        ImGui::PopTextWrapPos();
        ui::remember(s, "teacher.pending_notice");
    }
}

// [SECTION] portals --------------------------------------------------------------

struct Portal {
    Role role;
    const char* title;                           // the top bar's first word
    const char* tab_bar;                         // the ImGui id of its tab bar
    std::span<const Tab> tabs;
    void (*prepare)(AppState&, PortalState&);    // each frame before the tabs: loads what several tabs read
    void (*sign_out)(AppState&);                 // what this role's portal forgets on the device; may be null
};

const Portal k_portals[] = {
    { Role::Admin, "Administration", "admin_tabs", k_school_tabs,
        [](AppState& s, PortalState& p) {
            if (p.school.users.phase == Phase::Idle)
                reload_users(s, p.school.users);
        },
        nullptr },
    { Role::Moderator, "Moderation", "admin_tabs", k_school_tabs,
        [](AppState& s, PortalState& p) {
            if (p.school.users.phase == Phase::Idle)
                reload_users(s, p.school.users);
        },
        nullptr },
    { Role::Teacher, "Teacher", "teacher_tabs", k_teacher_tabs,
        [](AppState& s, PortalState& p) {
            prepare_teacher_standing(s, p.me);
            if (p.teacher.assignments.assignments.phase == Phase::Idle)
                reload_assignments(s, p.teacher.assignments.assignments);
            if (p.teacher.classes.phase == Phase::Idle)
                load_teacher_classes(s, p.teacher.classes);
        },
        nullptr },
    { Role::Student, "Student", "student_tabs", k_student_tabs, nullptr, practice_sign_out },
    { Role::Parent, "Parent", "parent_tabs", k_parent_tabs, nullptr, nullptr },
};

const Portal& portal_of(Role role)
{
    for (const auto& portal : k_portals)
        if (portal.role == role)
            return portal;
    return k_portals[0];   // unreachable: every role has a row above
}

} // namespace

// [SECTION] shell hooks ----------------------------------------------------------

const char* portal_title(Role role)
{
    return portal_of(role).title;
}

// Every portal reads times on the school's clock: its zone comes with the
// account (GET /api/user), and the time there is worked out by the browser
// every few seconds (cheap enough, and a minute's display never lags).
static void keep_school_clock(AppState& state, Remote& me)
{
    if (me.phase == Phase::Idle)
        api_load(state, me, "/api/user");
    bool zone_arrived = false;
    if (me.phase == Phase::Done && me.data.is_object() && state.time_zone.empty()) {
        state.time_zone = me.data.value("time_zone", "");
        zone_arrived = true;
    }
    if (zone_arrived || state.wall_clock - state.local_now_at >= 5 || state.local_now.empty()) {
        state.local_now = civil_time_in_zone(state.wall_clock, state.time_zone);
        state.local_now_at = state.wall_clock;
    }
}

void draw_portal_tabs(AppState& state)
{
    const auto& portal = portal_of(state.session.role);
    keep_school_clock(state, state.portal->me);
    if (portal.prepare)
        portal.prepare(state, *state.portal);
    ui::draw_tabs(state, portal.tab_bar, portal.tabs, *state.portal);
}

void reset_portal(AppState& state)
{
    // In place: the object stays where replies to earlier requests point.
    *state.portal = PortalState {};
    state.time_zone.clear();
    state.local_now.clear();
}

Json portal_summary(const AppState& state)
{
    return ui::tabs_summary(state, portal_of(state.session.role).tabs, *state.portal);
}

void portal_sign_out(AppState& state)
{
    if (const auto& portal = portal_of(state.session.role); state.session.signed_in && portal.sign_out)
        portal.sign_out(state);
}

void portal_store_loaded(AppState& state, const std::string& key, const std::string& json)
{
    practice_store_loaded(state, state.portal->student.practice, key, json);
}

} // namespace learnloop::client
