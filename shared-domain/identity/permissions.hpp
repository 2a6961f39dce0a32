// The role × action × scope matrix. The server enforces it (403); the portals
// use it to show only what a role may do. One table, read by both.
#pragma once

#include "identity/roles.hpp"
#include "identity/signup_policy.hpp"

#include <vector>
#include <string_view>

namespace learnloop {

enum class Action {
    UserList,            // see the tenant's users
    UserCreate,          // add a user (moderators: students only)
    UserUpdate,          // edit name, role, profile
    UserDeactivate,      // soft-delete
    ClassRead,
    ClassManage,         // create classes, add and remove members
    ParentLinkManage,    // link a parent to a student, issue link codes
    ParentLinkRedeem,    // a parent redeems a link code
    AssignmentRead,
    AssignmentCreate,
    AssignmentUpdate,    // edit and soft-delete
    SubmissionCreate,    // submit or resubmit
    SubmissionRead,      // read submissions (own, a child's, or those of an owned assignment)
    SubmissionGrade,
    GradebookRead,       // a class's students × assignments, and its CSV export
    AuditRead,
    CurriculumRead,      // browse and search learning targets
    TargetAssign,        // assign learning targets to a student or a class
    PracticeAnswer,      // get a personalised task set and answer it
    MasteryRead,         // mastery per target (own, a child's, a class's)
    CurriculumManage,    // add the school's own targets and task templates
    SubmissionReview,    // every submission of an assignment, and each one's grade history
    ChildrenRead,        // the students a parent is linked to
    ClassMasteryRead,    // a class's mastery heatmap and who needs help
    PracticeStatsRead,   // answers received and client/server grade disagreements
    SignupPolicyManage,  // read and change who may sign themselves up
    StaffApprove,        // see staff waiting for approval; approve or refuse them
    ScheduleRead,        // tutoring sessions: a tutor's own, a student's own, a parent's children's, or all
    ScheduleManage,      // book, move and cancel sessions (tutors: their own)
    AttendanceLog,       // log what happened at a session (tutors: their own)
    TutoringSettingsManage,   // a tutoring business's attendance statuses, clash policy, holidays, currency
    BillingManage,       // rates, invoices, payments, balances and revenue: every amount of the business
    InvoiceRead,         // invoices and balance: all (administrators) or a parent's own family's
    RosterExport,        // the business's students with their parents and tutors, as a file
    MessageSend,         // write to someone: the office to anyone, everyone else to the office (messaging/messages)
    MessageRead,         // one's own messages: received, sent, unread count
    MessageBroadcast,    // one message to every person of a role, or to everyone
    BankRead,            // browse the exam bank: the shared questions and the academy's own, with their keys
    CourseRead,          // an academy's courses: all, the ones one teaches, or the ones one is enrolled in
    CourseManage,        // create courses, enrol students, delete and restore (instructors: their own)
    QuizManage,          // set quizzes in a course and see its results (instructors: their own courses)
    QuizTake,            // take a course's quizzes and see one's own attempts
    CourseJoin,          // enrol oneself in a course with its join code (students)
    DeletedRestore,      // the recently deleted list (courses) and bringing one back
    StudyGoalSet,        // an academy student's exam day and study minutes: their own, a child's, or any
    CatalogRead,         // a marketplace's catalog: search its published courses and read their outlines
    CourseEnrol,         // take a marketplace course: enrol (free ones), mark progress, list one's own
    LessonRead,          // open a marketplace course's lessons: enrolled learners, its instructor, the office
    ReviewWrite,         // review a marketplace course one has taken part of (one review, editable)
    ReviewReply,         // answer a review: the course's instructor, or an administrator
    ReviewModerate,      // hide a review from the catalog, or show it again
    OrderCreate,         // buy a marketplace course: an order and its checkout (learners)
    OrderRead,           // orders: one's own (learners), one's courses' (instructors), all (administrators)
    OrderRefund,         // give a paid order's money back, in part or in full
    PayoutRead,          // earnings and payouts: an instructor's own, every instructor's for administrators
    PayoutManage,        // make the month's payouts and mark them sent
    CertificateRead,     // certificates: one's own (learners), one's courses' (instructors), all (administrators)
    CertificateRevoke,   // revoke a certificate, with a reason shown on its public page
    CouponManage,        // make and end coupons: any course (administrators), one's own courses (instructors)
};

// Every action, in the matrix's order; derived from the matrix itself.
[[nodiscard]] const std::vector<Action>& all_actions();

// How far a permission reaches:
//   Own     — rows the user owns (their assignments, their submissions)
//   Linked  — rows of the students a parent is linked to
//   Class   — rows of the classes the user teaches or belongs to
//   Tenant  — every row of the user's tenant
enum class Scope { None, Own, Linked, Class, Tenant };

[[nodiscard]] Scope permission_scope(Role role, Action action);
[[nodiscard]] inline bool is_allowed(Role role, Action action) { return permission_scope(role, action) != Scope::None; }

// The same for an account by where it stands with its school: an approved
// account has its role's scope; a pending one (staff who signed themselves
// up) keeps only what the assignment-tracker contract's teacher needs (their
// own assignments, the work handed in to them, grading) and nothing that
// reaches a student's details, progress or family (a pending account of any
// other role, e.g. one whose role was changed while it waits, keeps nothing);
// a refused one nothing.
//   permission_scope(Role::Teacher, Action::AssignmentCreate, Approval::Pending)  // Scope::Own
//   permission_scope(Role::Teacher, Action::UserList, Approval::Pending)          // Scope::None
[[nodiscard]] Scope permission_scope(Role role, Action action, Approval approval);
[[nodiscard]] inline bool is_allowed(Role role, Action action, Approval approval)
{
    return permission_scope(role, action, approval) != Scope::None;
}
// The 403 details for an account refused an action only because it is still
// waiting for approval.
[[nodiscard]] std::string_view pending_denial_message();

// Which roles a user may create: administrators any, moderators students only.
[[nodiscard]] bool may_create_role(Role creator, Role created);
// Which roles anyone may give themselves at sign-up (the contract: teacher or student).
[[nodiscard]] bool may_sign_up_as(Role role);

[[nodiscard]] std::string_view action_name(Action action);
[[nodiscard]] std::string_view scope_name(Scope scope);

// The 403 details for a role refused an action, e.g. "Only teachers can create
// assignments" (the assignment-tracker contract's wording where it has one).
[[nodiscard]] std::string_view denial_message(Action action);

} // namespace learnloop
