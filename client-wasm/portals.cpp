// The portals, one per role, each a table of tabs: which tabs a role sees,
// in which order, and the action of the permission matrix that shows each.
// Every tab's state is declared beside its drawing code in its area; this
// file only holds them together for the signed-in user.
// [SECTION] state, [SECTION] tabs, [SECTION] portals, [SECTION] route helpers,
// [SECTION] shell hooks, [SECTION] routes
// Over 600 lines: the tab tables of every role's portal for every kind of organisation, in one
// place so that what each role sees is read together.
#include "app.hpp"

#include "academy/bank_tab.hpp"
#include "academy/courses_tab.hpp"
#include "academy/study_tab.hpp"
#include "academy/teaching_tab.hpp"
#include "home/home_tab.hpp"
#include "identity/approvals_tab.hpp"
#include "marketplace/catalog_tab.hpp"
#include "marketplace/visit_screen.hpp"
#include "marketplace/certificates_tab.hpp"
#include "marketplace/coupons_tab.hpp"
#include "marketplace/learning_tab.hpp"
#include "marketplace/overview_tab.hpp"
#include "marketplace/studio_tab.hpp"
#include "marketplace/earnings_tab.hpp"
#include "marketplace/orders_tab.hpp"
#include "messaging/messages_tab.hpp"
#include "navigation.hpp"
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
#include "tutoring/calendar_tab.hpp"
#include "tutoring/availability_tab.hpp"
#include "tutoring/money_tab.hpp"
#include "tutoring/settings_tab.hpp"
#include "tutoring/students_tab.hpp"
#include "ui/tabs.hpp"

#include <array>
#include <utility>

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
    HomeState home;               // the teacher's, student's or parent's home page
    TeacherPortalState teacher;
    StudentPortalState student;
    ChildrenTabState parent;
    SchoolPortalState school;
    CalendarTabState calendar;    // a tutoring business's calendar, in each of its portals
    MoneyTabState money;          // its invoices: the office's administrators, and parents
    StudentsTabState students;    // a tutor's students
    AvailabilityTabState hours;   // a tutor's hours: their own, or the office's pick
    SettingsTabState settings;    // its settings: the office's administrators
    MessagesTabState messages;    // each person's messages and notices
    BankTabState bank;            // an academy's exam bank: its instructors and administrators
    CoursesTabState learner;      // an academy student's courses and quizzes
    StudyTabState study;          // an academy student's study plan, or a parent's summary of a child
    TeachingTabState teaching;    // an academy's courses as its instructors and office run them
    AssignmentsTabState course_work;   // an instructor's course assignments, marked with rubrics
    DeletedTabState deleted;      // what the academy's administrators may restore
    CatalogTabState catalog;      // a marketplace's catalog, for everyone of it
    LearningTabState learning;    // a marketplace learner's own courses
    ProgressOutbox progress;      // their lesson marks made offline, shared by both tabs' lesson views
    OrdersTabState orders;        // a marketplace's orders: a learner's purchases, the office's, an instructor's sales
    EarningsTabState earnings;    // a marketplace instructor's earnings and payouts
    PayoutsTabState payouts;      // the marketplace office's monthly payouts
    CertificatesTabState certificates;   // a marketplace's certificates: the office's, an instructor's courses'
    CouponsTabState coupons;      // a marketplace's coupons: the office's, an instructor's own
    OverviewTabState overview;    // a marketplace's overview: an instructor's courses, every one for the office
    StudioTabState studio;        // a marketplace's courses as written: an instructor's own, every one for the office
};

AppState::AppState()
    : portal(std::make_unique<PortalState>())
{
}

AppState::~AppState() = default;

namespace {

using Tab = ui::Tab<PortalState>;

// [SECTION] tabs -----------------------------------------------------------------

// Teachers, students and parents open on their home page: what needs doing now.
const Tab k_teacher_tabs[] = {
    { "Home", "teacher.tab.home", std::nullopt,
        [](AppState& s, PortalState& p) { draw_teacher_home(s, p.home, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return home_summary(p.home); } },
    { "Assignments", "teacher.tab.assignments", Action::AssignmentRead,
        [](AppState& s, PortalState& p) { draw_assignments_tab(s, p.teacher.assignments, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return assignments_tab_summary(p.teacher.assignments); },
        [](const AppState&, const PortalState& p) { return assignments_tab_place(p.teacher.assignments); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_assignments_tab(s, p.teacher.assignments, r); } },
    { "Classes", "teacher.tab.classes", Action::ClassRead,
        [](AppState& s, PortalState& p) { draw_teacher_classes_tab(s, p.teacher.classes_tab, p.teacher.classes); },
        nullptr,
        [](const AppState&, const PortalState& p) { return teacher_classes_tab_place(p.teacher.classes_tab, p.teacher.classes); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_teacher_classes_tab(p.teacher.classes_tab, r); } },
    { "Mastery", "teacher.tab.mastery", Action::ClassMasteryRead,
        [](AppState& s, PortalState& p) { draw_mastery_tab(s, p.teacher.mastery, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return mastery_tab_summary(p.teacher.mastery); },
        [](const AppState&, const PortalState& p) { return mastery_tab_place(p.teacher.mastery, p.teacher.classes); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_mastery_tab(p.teacher.mastery, r); } },
    { "Gradebook", "teacher.tab.gradebook", Action::GradebookRead,
        [](AppState& s, PortalState& p) { draw_gradebook_tab(s, p.teacher.gradebook, p.teacher.classes); },
        [](const AppState&, const PortalState& p) { return gradebook_tab_summary(p.teacher.gradebook); },
        [](const AppState&, const PortalState& p) { return gradebook_tab_place(p.teacher.gradebook, p.teacher.classes); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_gradebook_tab(p.teacher.gradebook, r); } },
};

const Tab k_student_tabs[] = {
    { "Home", "student.tab.home", std::nullopt,
        [](AppState& s, PortalState& p) { draw_student_home(s, p.home, p.student.assignments.assignments); },
        [](const AppState&, const PortalState& p) { return home_summary(p.home); } },
    { "Assignments", "student.tab.assignments", Action::AssignmentRead,
        [](AppState& s, PortalState& p) { draw_student_assignments_tab(s, p.student.assignments); },
        [](const AppState& s, const PortalState& p) { return student_assignments_summary(s, p.student.assignments); },
        [](const AppState&, const PortalState& p) { return student_assignments_place(p.student.assignments); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_student_assignments(s, p.student.assignments, r); } },
    { "Today's tasks", "student.tab.practice", Action::PracticeAnswer,
        [](AppState& s, PortalState& p) { draw_practice_tab(s, p.student.practice); },
        [](const AppState&, const PortalState& p) { return Json { { "practice", practice_summary(p.student.practice) } }; } },
};

const Tab k_parent_tabs[] = {
    { "Home", "parent.tab.home", std::nullopt,
        [](AppState& s, PortalState& p) { draw_parent_home(s, p.home, p.parent.children); },
        [](const AppState&, const PortalState& p) { return home_summary(p.home); } },
    { "Children", "parent.tab.children", Action::ChildrenRead,
        [](AppState& s, PortalState& p) { draw_children_tab(s, p.parent); },
        [](const AppState&, const PortalState& p) { return children_tab_summary(p.parent); },
        [](const AppState&, const PortalState& p) { return children_tab_place(p.parent); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_children_tab(p.parent, r); } },
};

// The same portal serves administrators and moderators; the matrix decides
// which tabs and controls each sees.
const Tab k_school_tabs[] = {
    { "Users", "admin.tab.users", Action::UserList,
        [](AppState& s, PortalState& p) { draw_users_tab(s, p.school.users_tab, p.school.users); },
        [](const AppState&, const PortalState& p) { return users_tab_summary(p.school.users_tab, p.school.users); } },
    { "Classes", "admin.tab.classes", Action::ClassRead,
        [](AppState& s, PortalState& p) { draw_school_classes_tab(s, p.school.classes, p.school.users); }, nullptr,
        [](const AppState&, const PortalState& p) { return school_classes_tab_place(p.school.classes); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_school_classes_tab(p.school.classes, r); } },
    { "Parents", "admin.tab.parents", Action::ParentLinkManage,
        [](AppState& s, PortalState& p) { draw_parent_links_tab(s, p.school.parents, p.school.users); }, nullptr },
    { "Sign-up", "admin.tab.signup", Action::StaffApprove,
        [](AppState& s, PortalState& p) { draw_approvals_tab(s, p.school.approvals); },
        [](const AppState&, const PortalState& p) { return approvals_tab_summary(p.school.approvals); } },
    { "Audit log", "admin.tab.audit", Action::AuditRead,
        [](AppState& s, PortalState& p) { draw_audit_tab(s, p.school.audit); },
        [](const AppState& s, const PortalState& p) { return audit_tab_summary(p.school.audit, s.session.tenant_kind); } },
};

// A tutoring business's portals are its calendar: the office (administrators
// and moderators) sees everyone's and runs the people; tutors their own week;
// students and parents their sessions.
const Tab k_office_tabs[] = {
    { "Calendar", "office.tab.calendar", Action::ScheduleRead,
        [](AppState& s, PortalState& p) { draw_calendar_tab(s, p.calendar, &p.school.users); },
        [](const AppState&, const PortalState& p) { return calendar_tab_summary(p.calendar); } },
    { "Money", "office.tab.money", Action::BillingManage,
        [](AppState& s, PortalState& p) { draw_money_tab(s, p.money, &p.school.users); },
        [](const AppState&, const PortalState& p) { return money_tab_summary(p.money); } },
    { "People", "office.tab.people", Action::UserList,
        [](AppState& s, PortalState& p) { draw_users_tab(s, p.school.users_tab, p.school.users); },
        [](const AppState&, const PortalState& p) { return users_tab_summary(p.school.users_tab, p.school.users); } },
    { "Tutors' hours", "office.tab.hours", Action::ScheduleManage,
        [](AppState& s, PortalState& p) { draw_availability_tab(s, p.hours, &p.school.users); },
        [](const AppState&, const PortalState& p) { return availability_tab_summary(p.hours); } },
    { "Messages", "office.tab.messages", Action::MessageRead,
        [](AppState& s, PortalState& p) { draw_messages_tab(s, p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_summary(p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_place(p.messages); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_messages_tab(p.messages, r); },
        [](const AppState&, const PortalState& p) { return messages_badge(p.messages); } },
    { "Settings", "office.tab.settings", Action::TutoringSettingsManage,
        [](AppState& s, PortalState& p) {
            draw_settings_tab(s, p.settings);
            if (std::exchange(p.settings.saved, false))
                forget(p.calendar.settings);   // the calendar shows the new statuses and week
        },
        [](const AppState&, const PortalState& p) { return settings_tab_summary(p.settings); } },
    { "Audit log", "office.tab.audit", Action::AuditRead,
        [](AppState& s, PortalState& p) { draw_audit_tab(s, p.school.audit); },
        [](const AppState& s, const PortalState& p) { return audit_tab_summary(p.school.audit, s.session.tenant_kind); } },
};

// A test-prep academy: its instructors (the teacher role) and administrators
// browse the exam bank their quizzes draw on; the office runs the people.
Tab exam_bank_tab(const char* name)
{
    return { "Exam bank", name, Action::BankRead, [](AppState& s, PortalState& p) { draw_bank_tab(s, p.bank); },
        [](const AppState&, const PortalState& p) { return bank_tab_summary(p.bank); },
        [](const AppState&, const PortalState& p) { return bank_tab_place(p.bank); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_bank_tab(s, p.bank, r); } };
}

Tab courses_tab(const char* name)
{
    return { "Courses", name, Action::CourseManage, [](AppState& s, PortalState& p) { draw_teaching_tab(s, p.teaching); },
        [](const AppState&, const PortalState& p) { return teaching_tab_summary(p.teaching); } };
}

// An instructor's assignments: set for a course, marked with a rubric.
void draw_course_work(AppState& s, PortalState& p)
{
    p.course_work.editor.group = AssignmentGroup::Course;
    if (p.teaching.courses.phase == Phase::Idle)
        reload_courses(s, p.teaching);
    if (p.course_work.assignments.phase == Phase::Idle)
        reload_assignments(s, p.course_work.assignments);
    draw_assignments_tab(s, p.course_work, p.teaching.courses);
}

const Tab k_instructor_tabs[] = {
    courses_tab("instructor.tab.courses"),
    { "Assignments", "instructor.tab.assignments", Action::AssignmentCreate, draw_course_work,
        [](const AppState&, const PortalState& p) { return assignments_tab_summary(p.course_work); },
        [](const AppState&, const PortalState& p) { return assignments_tab_place(p.course_work); },
        [](AppState& s, PortalState& p, const ui::Route& r) {
            p.course_work.editor.group = AssignmentGroup::Course;
            return open_assignments_tab(s, p.course_work, r);
        } },
    exam_bank_tab("instructor.tab.bank"),
};

// An academy's students: their courses, and in each its quizzes to take.
const Tab k_learner_tabs[] = {
    { "My courses", "learner.tab.courses", Action::QuizTake,
        [](AppState& s, PortalState& p) { draw_courses_tab(s, p.learner); },
        [](const AppState&, const PortalState& p) { return courses_tab_summary(p.learner); },
        [](const AppState&, const PortalState& p) { return courses_tab_place(p.learner); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_courses_tab(s, p.learner, r); } },
    { "Assignments", "learner.tab.assignments", Action::SubmissionCreate,
        [](AppState& s, PortalState& p) { draw_student_assignments_tab(s, p.student.assignments); },
        [](const AppState& s, const PortalState& p) { return student_assignments_summary(s, p.student.assignments); },
        [](const AppState&, const PortalState& p) { return student_assignments_place(p.student.assignments); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_student_assignments(s, p.student.assignments, r); } },
    { "Study plan", "learner.tab.study", Action::MasteryRead,
        [](AppState& s, PortalState& p) { draw_study_tab(s, p.study); },
        [](const AppState&, const PortalState& p) { return study_tab_summary(p.study); } },
};

// An academy's parents: each child's week, weak spots and study plan.
const Tab k_academy_parent_tabs[] = {
    { "Summary", "parent.tab.summary", Action::ChildrenRead,
        [](AppState& s, PortalState& p) { draw_child_summary_tab(s, p.study, p.parent); },
        [](const AppState&, const PortalState& p) { return study_tab_summary(p.study); },
        [](const AppState&, const PortalState& p) { return child_summary_place(p.study, p.parent); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_child_summary(p.study, r); } },
};

const Tab k_academy_office_tabs[] = {
    { "People", "academy.tab.people", Action::UserList,
        [](AppState& s, PortalState& p) { draw_users_tab(s, p.school.users_tab, p.school.users); },
        [](const AppState&, const PortalState& p) { return users_tab_summary(p.school.users_tab, p.school.users); } },
    courses_tab("academy.tab.courses"),
    exam_bank_tab("academy.tab.bank"),
    { "Recently deleted", "academy.tab.deleted", Action::DeletedRestore,
        [](AppState& s, PortalState& p) { draw_deleted_tab(s, p.deleted); },
        [](const AppState&, const PortalState& p) { return deleted_tab_summary(p.deleted); } },
    { "Audit log", "academy.tab.audit", Action::AuditRead,
        [](AppState& s, PortalState& p) { draw_audit_tab(s, p.school.audit); },
        [](const AppState& s, const PortalState& p) { return audit_tab_summary(p.school.audit, s.session.tenant_kind); } },
};

// A course marketplace: everyone finds courses in its catalog; the office
// also runs the people and reads the audit log.
Tab catalog_tab(const char* name)
{
    return { "Catalog", name, Action::CatalogRead, [](AppState& s, PortalState& p) { draw_catalog_tab(s, p.catalog, p.progress); },
        [](const AppState&, const PortalState& p) { return catalog_tab_summary(p.catalog); },
        [](const AppState&, const PortalState& p) { return catalog_tab_place(p.catalog); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_catalog_tab(s, p.catalog, r); } };
}

Tab orders_tab(const char* title, const char* name)
{
    return { title, name, Action::OrderRead, [](AppState& s, PortalState& p) { draw_orders_tab(s, p.orders); },
        [](const AppState&, const PortalState& p) { return orders_tab_summary(p.orders); },
        [](const AppState&, const PortalState& p) { return orders_tab_place(p.orders); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_orders_tab(s, p.orders, r); } };
}

Tab studio_tab(const char* title, const char* name)
{
    return { title, name, Action::CourseManage, [](AppState& s, PortalState& p) { draw_studio_tab(s, p.studio); },
        [](const AppState&, const PortalState& p) { return studio_tab_summary(p.studio); },
        [](const AppState&, const PortalState& p) { return studio_tab_place(p.studio); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_studio_tab(s, p.studio, r); } };
}

Tab overview_tab(const char* name)
{
    return { "Overview", name, Action::PayoutRead, [](AppState& s, PortalState& p) { draw_overview_tab(s, p.overview); },
        [](const AppState&, const PortalState& p) { return overview_tab_summary(p.overview); } };
}

const Tab k_market_office_tabs[] = {
    catalog_tab("market.tab.catalog"),
    overview_tab("market.tab.overview"),
    studio_tab("Courses", "market.tab.courses"),
    orders_tab("Orders", "market.tab.orders"),
    { "Payouts", "market.tab.payouts", Action::PayoutManage, [](AppState& s, PortalState& p) { draw_payouts_tab(s, p.payouts); },
        [](const AppState&, const PortalState& p) { return payouts_tab_summary(p.payouts); } },
    { "Certificates", "market.tab.certificates", Action::CertificateRevoke,
        [](AppState& s, PortalState& p) { draw_certificates_tab(s, p.certificates); },
        [](const AppState&, const PortalState& p) { return certificates_tab_summary(p.certificates); } },
    { "Coupons", "market.tab.coupons", Action::CouponManage,
        [](AppState& s, PortalState& p) { draw_coupons_tab(s, p.coupons); },
        [](const AppState&, const PortalState& p) { return coupons_tab_summary(p.coupons); } },
    { "People", "market.tab.people", Action::UserList,
        [](AppState& s, PortalState& p) { draw_users_tab(s, p.school.users_tab, p.school.users); },
        [](const AppState&, const PortalState& p) { return users_tab_summary(p.school.users_tab, p.school.users); } },
    { "Audit log", "market.tab.audit", Action::AuditRead,
        [](AppState& s, PortalState& p) { draw_audit_tab(s, p.school.audit); },
        [](const AppState& s, const PortalState& p) { return audit_tab_summary(p.school.audit, s.session.tenant_kind); } },
};
const Tab k_studio_tabs[] = {
    catalog_tab("studio.tab.catalog"),
    overview_tab("studio.tab.overview"),
    studio_tab("My courses", "studio.tab.courses"),
    orders_tab("Sales", "studio.tab.sales"),
    { "Earnings", "studio.tab.earnings", Action::PayoutRead,
        [](AppState& s, PortalState& p) { draw_earnings_tab(s, p.earnings); },
        [](const AppState&, const PortalState& p) { return earnings_tab_summary(p.earnings); } },
    { "Certificates", "studio.tab.certificates", Action::CertificateRead,
        [](AppState& s, PortalState& p) { draw_certificates_tab(s, p.certificates); },
        [](const AppState&, const PortalState& p) { return certificates_tab_summary(p.certificates); } },
    { "Coupons", "studio.tab.coupons", Action::CouponManage,
        [](AppState& s, PortalState& p) { draw_coupons_tab(s, p.coupons); },
        [](const AppState&, const PortalState& p) { return coupons_tab_summary(p.coupons); } },
};
const Tab k_learn_tabs[] = {
    catalog_tab("learn.tab.catalog"),
    { "My learning", "learn.tab.learning", Action::CourseEnrol,
        [](AppState& s, PortalState& p) { draw_learning_tab(s, p.learning, p.progress); },
        [](const AppState&, const PortalState& p) { return learning_tab_summary(p.learning); },
        [](const AppState&, const PortalState& p) { return learning_tab_place(p.learning); },
        [](AppState& s, PortalState& p, const ui::Route& r) { return open_learning_tab(s, p.learning, r); } },
    orders_tab("Purchases", "learn.tab.orders"),
};
const Tab k_guardian_tabs[] = { catalog_tab("guardian.tab.catalog") };

const Tab k_tutor_tabs[] = {
    { "My week", "tutor.tab.week", Action::ScheduleRead,
        [](AppState& s, PortalState& p) { draw_calendar_tab(s, p.calendar, nullptr); },
        [](const AppState&, const PortalState& p) { return calendar_tab_summary(p.calendar); } },
    { "My students", "tutor.tab.students", Action::ScheduleManage,
        [](AppState& s, PortalState& p) { draw_students_tab(s, p.students); },
        [](const AppState&, const PortalState& p) { return students_tab_summary(p.students); } },
    { "My hours", "tutor.tab.hours", Action::ScheduleManage,
        [](AppState& s, PortalState& p) { draw_availability_tab(s, p.hours, nullptr); },
        [](const AppState&, const PortalState& p) { return availability_tab_summary(p.hours); } },
    { "Messages", "tutor.tab.messages", Action::MessageRead,
        [](AppState& s, PortalState& p) { draw_messages_tab(s, p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_summary(p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_place(p.messages); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_messages_tab(p.messages, r); },
        [](const AppState&, const PortalState& p) { return messages_badge(p.messages); } },
};

const Tab k_pupil_tabs[] = {
    { "My sessions", "pupil.tab.sessions", Action::ScheduleRead,
        [](AppState& s, PortalState& p) { draw_calendar_tab(s, p.calendar, nullptr); },
        [](const AppState&, const PortalState& p) { return calendar_tab_summary(p.calendar); } },
    { "Messages", "pupil.tab.messages", Action::MessageRead,
        [](AppState& s, PortalState& p) { draw_messages_tab(s, p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_summary(p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_place(p.messages); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_messages_tab(p.messages, r); },
        [](const AppState&, const PortalState& p) { return messages_badge(p.messages); } },
};

const Tab k_family_tabs[] = {
    { "Sessions", "family.tab.sessions", Action::ScheduleRead,
        [](AppState& s, PortalState& p) { draw_calendar_tab(s, p.calendar, nullptr); },
        [](const AppState&, const PortalState& p) { return calendar_tab_summary(p.calendar); } },
    { "Invoices", "family.tab.invoices", Action::InvoiceRead,
        [](AppState& s, PortalState& p) { draw_money_tab(s, p.money, nullptr); },
        [](const AppState&, const PortalState& p) { return money_tab_summary(p.money); } },
    { "Messages", "family.tab.messages", Action::MessageRead,
        [](AppState& s, PortalState& p) { draw_messages_tab(s, p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_summary(p.messages); },
        [](const AppState&, const PortalState& p) { return messages_tab_place(p.messages); },
        [](AppState&, PortalState& p, const ui::Route& r) { return open_messages_tab(p.messages, r); },
        [](const AppState&, const PortalState& p) { return messages_badge(p.messages); } },
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

// Administrators and moderators choose people from the tenant's users.
void prepare_people(AppState& s, PortalState& p)
{
    if (p.school.users.phase == Phase::Idle)
        reload_users(s, p.school.users);
}

const Portal k_portals[] = {
    { Role::Admin, "Administration", "admin_tabs", k_school_tabs, prepare_people, nullptr },
    { Role::Moderator, "Moderation", "admin_tabs", k_school_tabs, prepare_people, nullptr },
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

// Every tutoring portal asks after new messages whichever tab is open (the
// Messages tab counts them); the office also loads its people.
void prepare_tutoring(AppState& s, PortalState& p)
{
    if (ui::can(s, Action::MessageRead))
        poll_messages(s, p.messages);
}

void prepare_office(AppState& s, PortalState& p)
{
    prepare_people(s, p);
    prepare_tutoring(s, p);
}

const Portal k_tutoring_portals[] = {
    { Role::Admin, "Office", "office_tabs", k_office_tabs, prepare_office, offline_forget_week },
    { Role::Moderator, "Office", "office_tabs", k_office_tabs, prepare_office, offline_forget_week },
    { Role::Teacher, "Tutor", "tutor_tabs", k_tutor_tabs, prepare_tutoring, offline_forget_week },
    { Role::Student, "Student", "pupil_tabs", k_pupil_tabs, prepare_tutoring, offline_forget_week },
    { Role::Parent, "Parent", "family_tabs", k_family_tabs, prepare_tutoring, offline_forget_week },
};

const Portal k_academy_portals[] = {
    { Role::Admin, "Academy office", "academy_tabs", k_academy_office_tabs, prepare_people, nullptr },
    { Role::Moderator, "Academy office", "academy_tabs", k_academy_office_tabs, prepare_people, nullptr },
    { Role::Teacher, "Instructor", "instructor_tabs", k_instructor_tabs, nullptr, nullptr },
    { Role::Student, "Student", "learner_tabs", k_learner_tabs, nullptr, nullptr },
    { Role::Parent, "Parent", "summary_tabs", k_academy_parent_tabs, nullptr, nullptr },
};

const Portal k_marketplace_portals[] = {
    { Role::Admin, "Marketplace office", "market_tabs", k_market_office_tabs, prepare_people, nullptr },
    { Role::Moderator, "Marketplace office", "market_tabs", k_market_office_tabs, prepare_people, nullptr },
    { Role::Teacher, "Instructor", "studio_tabs", k_studio_tabs, nullptr, nullptr },
    { Role::Student, "Learner", "learn_tabs", k_learn_tabs, nullptr, nullptr },
    { Role::Parent, "Parent", "guardian_tabs", k_guardian_tabs, nullptr, nullptr },
};

// The portals of the signed-in user's kind of tenant.
std::span<const Portal> portals_of(const AppState& state)
{
    switch (state.session.tenant_kind) {
    case TenantKind::Tutoring: return k_tutoring_portals;
    case TenantKind::Academy: return k_academy_portals;
    case TenantKind::Marketplace: return k_marketplace_portals;
    case TenantKind::School: break;
    }
    return k_portals;
}

// The portal of the signed-in user: by their role, in their school's,
// academy's or business's kind of portals.
const Portal& portal_of(const AppState& state)
{
    std::span<const Portal> portals = portals_of(state);
    for (const auto& portal : portals)
        if (portal.role == state.session.role)
            return portal;
    return portals.front();   // unreachable: every role has a row in both tables
}

// [SECTION] route helpers --------------------------------------------------------

// A tab's address is its name's ("teacher.tab.classes" -> "#/teacher/classes");
// a portal's is its tabs' first part, shared by administrators and moderators.
std::string_view portal_page(const Portal& portal)
{
    return ui::tab_portal(portal.tabs.front().name);
}

bool tab_visible(const AppState& state, const Tab& tab)
{
    return !tab.needs || ui::can(state, *tab.needs);
}

const Tab* first_visible_tab(const AppState& state, const Portal& portal)
{
    for (const auto& tab : portal.tabs)
        if (tab_visible(state, tab))
            return &tab;
    return nullptr;
}

// An address this account cannot open is explained where the tabs would be,
// with the way to its first tab (the address stays as it was, for Back).
bool draw_route_problem(AppState& state, const Portal& portal)
{
    const auto& problem = state.navigation.problem;
    if (problem.empty())
        return false;
    ui::heading("This page is not available", 2);
    ImGui::PushTextWrapPos(0.0f);
    ui::text_unformatted(problem.c_str());
    ImGui::PopTextWrapPos();
    if (const Tab* home = first_visible_tab(state, portal))
        if (ui::button(state, (std::string("Go to ") + home->label).c_str(), "route.home"))
            go_home(state);
    return true;
}

} // namespace

// [SECTION] shell hooks ----------------------------------------------------------

const char* portal_title(const AppState& state)
{
    return portal_of(state).title;
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
    const auto& portal = portal_of(state);
    keep_school_clock(state, state.portal->me);
    if (portal.prepare)
        portal.prepare(state, *state.portal);
    if (draw_route_problem(state, portal))
        return;
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
    return ui::tabs_summary(state, portal_of(state).tabs, *state.portal);
}

void portal_sign_out(AppState& state)
{
    if (const auto& portal = portal_of(state); state.session.signed_in && portal.sign_out)
        portal.sign_out(state);
}

void portal_store_loaded(AppState& state, const std::string& key, const std::string& json)
{
    if (offline_stored(state, state.portal->calendar.offline, key, json))
        return;
    if (progress_outbox_stored(state, state.portal->progress, key, json))
        return;
    practice_store_loaded(state, state.portal->student.practice, key, json);
}

// [SECTION] routes -----------------------------------------------------------------

std::optional<PortalPlace> portal_place(const AppState& state)
{
    const auto* drawn = state.navigation.drawn_tab;
    if (!drawn)
        return std::nullopt;
    for (const auto& tab : portal_of(state).tabs) {
        if (std::string_view(tab.name) != drawn)
            continue;
        ui::TabPlace place = tab.place ? tab.place(state, *state.portal) : ui::TabPlace {};
        ui::Route route { std::string(ui::tab_portal(tab.name)), std::string(ui::tab_path(tab.name)), place.id,
            place.detail, place.detail_id, {} };
        // "Persuasive letter — Assignments": the item, then the tab.
        std::string title = place.name.empty() ? tab.label : place.name + " \xE2\x80\x94 " + tab.label;
        return PortalPlace { std::move(route), std::move(title) };
    }
    return std::nullopt;
}

std::string portal_open(AppState& state, const ui::Route& route)
{
    const auto& portal = portal_of(state);
    if (!route.page.empty() && route.page != portal_page(portal)) {
        for (const auto& other : portals_of(state))
            if (route.page == portal_page(other))
                return "This page belongs to a different kind of account, so it cannot be opened with yours. "
                       "If someone sent you this link, ask them for a link to your own page.";
        return k_no_such_page;
    }
    const Tab* target = nullptr;
    if (route.tab.empty()) {
        target = first_visible_tab(state, portal);
    } else {
        for (const auto& tab : portal.tabs)
            if (route.tab == ui::tab_path(tab.name))
                target = &tab;
    }
    if (!target)
        return k_no_such_page;
    if (!tab_visible(state, *target))
        return "Your account cannot open this page.";
    bool opened = target->open ? target->open(state, *state.portal, route) : route.id == 0;
    if (!opened)
        return k_no_such_page;
    state.navigation.open_tab = target->name;
    state.navigation.open_tab_frames = -1;
    return {};
}

} // namespace learnloop::client
