// The permission matrix.
#include "identity/permissions.hpp"

namespace learnloop {

namespace {

// One row per action: its name (audit and API documents), the 403 details
// for a role it refuses (the assignment-tracker contract's wording where it
// has one), and its scope for each role. Adding an action is one row here
// and one enum value.
struct Row {
    Action action;
    std::string_view name;
    std::string_view denial;
    Scope admin, moderator, teacher, student, parent;
};

// Moderators add students and see schedules, but remove nothing and see no
// finances; admins run the tenant but neither submit nor grade work; the
// contract reserves creating assignments and grading for teachers.
constexpr Scope N = Scope::None, O = Scope::Own, L = Scope::Linked, C = Scope::Class, T = Scope::Tenant;
constexpr Row k_matrix[] = {
    //  action, name, denial,
    //      admin moderator teacher student parent
    { Action::UserList, "user.list", "Your role does not allow this",
        T, T, C, N, N },
    { Action::UserCreate, "user.create", "Only administrators and moderators can add users",
        T, T, N, N, N },
    { Action::UserUpdate, "user.update", "Only administrators can edit users",
        T, N, N, N, N },
    { Action::UserDeactivate, "user.deactivate", "Only administrators can deactivate users",
        T, N, N, N, N },
    { Action::ClassRead, "class.read", "Your role does not allow this",
        T, T, C, C, L },
    { Action::ClassManage, "class.manage", "Only teachers and administrators can manage classes",
        T, N, O, N, N },
    { Action::ParentLinkManage, "parent_link.manage", "Only administrators and moderators can link parents",
        T, T, N, N, N },
    { Action::ParentLinkRedeem, "parent_link.redeem", "Only parents can redeem link codes",
        N, N, N, N, O },
    { Action::AssignmentRead, "assignment.read", "Your role does not allow this",
        T, T, O, C, L },
    { Action::AssignmentCreate, "assignment.create", "Only teachers can create assignments",
        N, N, O, N, N },
    { Action::AssignmentUpdate, "assignment.update", "Only teachers can edit assignments",
        N, N, O, N, N },
    { Action::SubmissionCreate, "submission.create", "Only students can submit assignments",
        N, N, N, O, N },
    { Action::SubmissionRead, "submission.read", "Your role cannot see this submission",
        T, N, O, O, L },
    { Action::SubmissionGrade, "submission.grade", "Only teachers can grade submissions",
        N, N, O, N, N },
    { Action::GradebookRead, "gradebook.read", "Only teachers and administrators can view gradebooks",
        T, N, O, N, N },
    { Action::AuditRead, "audit.read", "Only administrators can read the audit log",
        T, N, N, N, N },
    { Action::CurriculumRead, "curriculum.read", "Only staff can browse the curriculum",
        T, T, T, N, N },
    { Action::TargetAssign, "target.assign", "Only teachers and administrators can assign learning targets",
        T, N, C, N, N },
    { Action::PracticeAnswer, "practice.answer", "Only students can practise",
        N, N, N, O, N },
    { Action::MasteryRead, "mastery.read", "Your role cannot see this mastery",
        T, N, C, O, L },
    { Action::CurriculumManage, "curriculum.manage", "Only teachers and administrators can add to the curriculum",
        T, N, T, N, N },
    { Action::SubmissionReview, "submission.review", "Only teachers can view submissions",
        T, N, O, N, N },
    { Action::ChildrenRead, "children.read", "Only parents have linked children",
        N, N, N, N, L },
    { Action::ClassMasteryRead, "class_mastery.read", "Only teachers and administrators can see a class's mastery",
        T, N, C, N, N },
    { Action::PracticeStatsRead, "practice_stats.read", "Only administrators can read practice statistics",
        T, N, N, N, N },
    { Action::SignupPolicyManage, "signup_policy.manage", "Only administrators can change who may sign up",
        T, N, N, N, N },
    { Action::StaffApprove, "staff.approve", "Only administrators can approve staff accounts",
        T, N, N, N, N },
    // Tutoring: a tutor (the teacher role) sees, moves and logs only their
    // own sessions; moderators run everyone's calendar.
    { Action::ScheduleRead, "schedule.read", "Your role does not allow this",
        T, T, O, O, L },
    { Action::ScheduleManage, "schedule.manage", "Only tutors, moderators and administrators can change sessions",
        T, T, O, N, N },
    { Action::AttendanceLog, "attendance.log", "Only tutors, moderators and administrators can log attendance",
        T, T, O, N, N },
    { Action::TutoringSettingsManage, "tutoring_settings.manage", "Only administrators can change the business's settings",
        T, N, N, N, N },
    // Money: administrators see and change every amount; a parent reads the
    // invoices and balance of their own family; moderators and tutors never
    // receive an amount.
    { Action::BillingManage, "billing.manage", "Only administrators can see or change the business's money",
        T, N, N, N, N },
    { Action::InvoiceRead, "invoice.read", "Only administrators and parents can see invoices",
        T, N, N, N, L },
    { Action::RosterExport, "roster.export", "Only administrators and moderators can export the students",
        T, T, N, N, N },
    // Messages: the office writes to anyone, everyone else to the office
    // (messaging/messages' may_message); each reads their own.
    { Action::MessageSend, "message.send", "Your role does not allow this",
        T, T, O, O, O },
    { Action::MessageRead, "message.read", "Your role does not allow this",
        O, O, O, O, O },
    { Action::MessageBroadcast, "message.broadcast", "Only administrators can send a message to everyone",
        T, N, N, N, N },
    // The exam bank holds every question's key: instructors (the teacher
    // role) and administrators browse it; students meet its questions only
    // in quizzes.
    { Action::BankRead, "bank.read", "Only instructors and administrators can browse the exam bank",
        T, N, T, N, N },
    // Courses: an administrator runs all of them; an instructor (the teacher
    // role) their own; a student sees the courses they are enrolled in and
    // takes their quizzes.
    { Action::CourseRead, "course.read", "Your role does not allow this",
        T, T, O, O, N },
    { Action::CourseManage, "course.manage", "Only instructors and administrators can manage courses",
        T, N, O, N, N },
    { Action::QuizManage, "quiz.manage", "Only instructors and administrators can set quizzes",
        T, N, O, N, N },
    { Action::QuizTake, "quiz.take", "Only students take quizzes",
        N, N, N, O, N },
    // A course's join code enrols the student who types it (instructors and
    // administrators enrol others by name: course.manage).
    { Action::CourseJoin, "course.join", "Only students join courses with a code",
        N, N, N, O, N },
    { Action::DeletedRestore, "deleted.restore", "Only administrators can see and restore what was deleted",
        T, N, N, N, N },
    // A study plan's goal: the student sets it, a parent may set it for their
    // child, an administrator for anyone; instructors read it (mastery.read).
    { Action::StudyGoalSet, "study_goal.set", "Only the student, their parent or an administrator can set the exam day",
        T, N, N, O, L },
    // A marketplace's catalog: every signed-in person of the tenant browses
    // and searches its published courses (an instructor's drafts are theirs).
    { Action::CatalogRead, "catalog.read", "Sign in to browse the catalog",
        T, T, T, T, T },
    // Learners take courses; instructors and administrators read their
    // courses' lessons through catalog.read and course.manage instead.
    { Action::CourseEnrol, "course.enrol", "Only learners enrol in courses and mark their progress",
        N, N, N, O, N },
    // A lesson's text: the office's (moderating courses), an instructor's own
    // courses', a learner's enrolled courses'.
    { Action::LessonRead, "lesson.read", "Only a course's learners, its instructor and the office open its lessons",
        T, T, O, O, N },
    { Action::ReviewWrite, "review.write", "Only learners review courses", N, N, N, O, N },
    { Action::ReviewReply, "review.reply", "Only a course's instructor or an administrator answers its reviews",
        T, N, O, N, N },
    { Action::ReviewModerate, "review.moderate", "Only administrators and moderators hide reviews", T, T, N, N, N },
    // Money: learners buy; instructors see their own courses' orders (their
    // earnings); moderators look after content, never amounts.
    { Action::OrderCreate, "order.create", "Only learners buy courses", N, N, N, O, N },
    { Action::OrderRead, "order.read", "Only administrators, a course's instructor and the buyer see an order",
        T, N, O, O, N },
    { Action::OrderRefund, "order.refund", "Only administrators give refunds", T, N, N, N, N },
    { Action::PayoutRead, "payout.read", "Only instructors and administrators see earnings and payouts",
        T, N, O, N, N },
    { Action::PayoutManage, "payout.manage", "Only administrators make payouts", T, N, N, N, N },
    // Certificates: a learner's own, an instructor's courses', every one for
    // the office; only administrators revoke one.
    { Action::CertificateRead, "certificate.read",
        "Only administrators, a course's instructor and the learner see a certificate", T, N, O, O, N },
    { Action::CertificateRevoke, "certificate.revoke", "Only administrators revoke certificates", T, N, N, N, N },
    // Coupons: the office's for any course, an instructor's for their own.
    { Action::CouponManage, "coupon.manage", "Only administrators and instructors make coupons", T, N, O, N, N },
};

// What an account waiting for approval keeps of its role's row: the
// assignment-tracker contract's teacher (set work, see the work handed in to
// it, grade it) and their own classes list. Everything else reaches students
// (directory, mastery, answers, enrolment, targets, gradebooks, parents) or
// the school's shared curriculum, and waits for an administrator.
constexpr Action k_kept_before_approval[] = {
    Action::AssignmentRead,
    Action::AssignmentCreate,
    Action::AssignmentUpdate,
    Action::SubmissionRead,
    Action::SubmissionReview,
    Action::SubmissionGrade,
    Action::ClassRead,
    Action::CurriculumRead,
};

const Row* find_row(Action action)
{
    for (const auto& row : k_matrix) {
        if (row.action == action)
            return &row;
    }
    return nullptr;
}

} // namespace

Scope permission_scope(Role role, Action action)
{
    const Row* row = find_row(action);
    if (!row)
        return Scope::None;
    switch (role) {
    case Role::Admin: return row->admin;
    case Role::Moderator: return row->moderator;
    case Role::Teacher: return row->teacher;
    case Role::Student: return row->student;
    case Role::Parent: return row->parent;
    }
    return Scope::None;
}

Scope permission_scope(Role role, Action action, Approval approval)
{
    switch (approval) {
    case Approval::Approved: return permission_scope(role, action);
    case Approval::Pending:
        // Sign-up makes staff only as teachers; an account whose role an
        // administrator changed while it waits keeps nothing until decided.
        if (role != Role::Teacher)
            return Scope::None;
        for (auto kept : k_kept_before_approval) {
            if (kept == action)
                return permission_scope(role, action);
        }
        return Scope::None;
    case Approval::Refused: return Scope::None;
    }
    return Scope::None;
}

std::string_view pending_denial_message()
{
    return "Your account is waiting for the school's approval";
}

const std::vector<Action>& all_actions()
{
    static const std::vector<Action> actions = [] {
        std::vector<Action> list;
        for (const auto& row : k_matrix)
            list.push_back(row.action);
        return list;
    }();
    return actions;
}

bool may_create_role(Role creator, Role created)
{
    if (!is_allowed(creator, Action::UserCreate))
        return false;
    return creator == Role::Admin || created == Role::Student;
}

bool may_sign_up_as(Role role)
{
    return role == Role::Teacher || role == Role::Student;
}

std::string_view action_name(Action action)
{
    const Row* row = find_row(action);
    return row ? row->name : "unknown";
}

std::string_view scope_name(Scope scope)
{
    switch (scope) {
    case Scope::None: return "none";
    case Scope::Own: return "own";
    case Scope::Linked: return "linked";
    case Scope::Class: return "class";
    case Scope::Tenant: return "tenant";
    }
    return "none";
}

std::string_view denial_message(Action action)
{
    const Row* row = find_row(action);
    return row ? row->denial : "Your role does not allow this";
}

} // namespace learnloop
