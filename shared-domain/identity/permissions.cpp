// The permission matrix.
#include "identity/permissions.hpp"

namespace learnloop {

namespace {

struct Row {
    Action action;
    Scope admin, moderator, teacher, student, parent;
};

// Moderators add students and see schedules, but remove nothing and see no
// finances; admins run the tenant but neither submit nor grade work; the
// contract reserves creating assignments and grading for teachers.
constexpr Scope N = Scope::None, O = Scope::Own, L = Scope::Linked, C = Scope::Class, T = Scope::Tenant;
constexpr Row k_matrix[] = {
    //  action                      admin moderator teacher student parent
    { Action::UserList,             T,    T,        C,      N,      N },
    { Action::UserCreate,           T,    T,        N,      N,      N },
    { Action::UserUpdate,           T,    N,        N,      N,      N },
    { Action::UserDeactivate,       T,    N,        N,      N,      N },
    { Action::ClassRead,            T,    T,        C,      C,      L },
    { Action::ClassManage,          T,    N,        O,      N,      N },
    { Action::ParentLinkManage,     T,    T,        N,      N,      N },
    { Action::ParentLinkRedeem,     N,    N,        N,      N,      O },
    { Action::AssignmentRead,       T,    T,        O,      C,      L },
    { Action::AssignmentCreate,     N,    N,        O,      N,      N },
    { Action::AssignmentUpdate,     N,    N,        O,      N,      N },
    { Action::SubmissionCreate,     N,    N,        N,      O,      N },
    { Action::SubmissionRead,       T,    N,        O,      O,      L },
    { Action::SubmissionGrade,      N,    N,        O,      N,      N },
    { Action::GradebookRead,        T,    N,        O,      N,      N },
    { Action::AuditRead,            T,    N,        N,      N,      N },
    { Action::CurriculumRead,       T,    T,        T,      N,      N },
    { Action::TargetAssign,         T,    N,        C,      N,      N },
    { Action::PracticeAnswer,       N,    N,        N,      O,      N },
    { Action::MasteryRead,          T,    N,        C,      O,      L },
    { Action::CurriculumManage,     T,    N,        T,      N,      N },
    { Action::SubmissionReview,     T,    N,        O,      N,      N },
    { Action::ChildrenRead,         N,    N,        N,      N,      L },
    { Action::ClassMasteryRead,     T,    N,        C,      N,      N },
    { Action::PracticeStatsRead,    T,    N,        N,      N,      N },
};

} // namespace

Scope permission_scope(Role role, Action action)
{
    for (const auto& row : k_matrix) {
        if (row.action != action)
            continue;
        switch (role) {
        case Role::Admin: return row.admin;
        case Role::Moderator: return row.moderator;
        case Role::Teacher: return row.teacher;
        case Role::Student: return row.student;
        case Role::Parent: return row.parent;
        }
    }
    return Scope::None;
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
    switch (action) {
    case Action::UserList: return "user.list";
    case Action::UserCreate: return "user.create";
    case Action::UserUpdate: return "user.update";
    case Action::UserDeactivate: return "user.deactivate";
    case Action::ClassRead: return "class.read";
    case Action::ClassManage: return "class.manage";
    case Action::ParentLinkManage: return "parent_link.manage";
    case Action::ParentLinkRedeem: return "parent_link.redeem";
    case Action::AssignmentRead: return "assignment.read";
    case Action::AssignmentCreate: return "assignment.create";
    case Action::AssignmentUpdate: return "assignment.update";
    case Action::SubmissionCreate: return "submission.create";
    case Action::SubmissionRead: return "submission.read";
    case Action::SubmissionGrade: return "submission.grade";
    case Action::GradebookRead: return "gradebook.read";
    case Action::AuditRead: return "audit.read";
    case Action::CurriculumRead: return "curriculum.read";
    case Action::TargetAssign: return "target.assign";
    case Action::PracticeAnswer: return "practice.answer";
    case Action::MasteryRead: return "mastery.read";
    case Action::CurriculumManage: return "curriculum.manage";
    case Action::SubmissionReview: return "submission.review";
    case Action::ChildrenRead: return "children.read";
    case Action::ClassMasteryRead: return "class_mastery.read";
    case Action::PracticeStatsRead: return "practice_stats.read";
    }
    return "unknown";
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
    switch (action) {
    case Action::AssignmentCreate: return "Only teachers can create assignments";
    case Action::AssignmentUpdate: return "Only teachers can edit assignments";
    case Action::SubmissionCreate: return "Only students can submit assignments";
    case Action::SubmissionGrade: return "Only teachers can grade submissions";
    case Action::GradebookRead: return "Only teachers and administrators can view gradebooks";
    case Action::AuditRead: return "Only administrators can read the audit log";
    case Action::UserCreate: return "Only administrators and moderators can add users";
    case Action::UserUpdate: return "Only administrators can edit users";
    case Action::UserDeactivate: return "Only administrators can deactivate users";
    case Action::ClassManage: return "Only teachers and administrators can manage classes";
    case Action::ParentLinkManage: return "Only administrators and moderators can link parents";
    case Action::ParentLinkRedeem: return "Only parents can redeem link codes";
    case Action::CurriculumRead: return "Only staff can browse the curriculum";
    case Action::TargetAssign: return "Only teachers and administrators can assign learning targets";
    case Action::PracticeAnswer: return "Only students can practise";
    case Action::MasteryRead: return "Your role cannot see this mastery";
    case Action::CurriculumManage: return "Only teachers and administrators can add to the curriculum";
    case Action::SubmissionReview: return "Only teachers can view submissions";
    case Action::SubmissionRead: return "Your role cannot see this submission";
    case Action::ChildrenRead: return "Only parents have linked children";
    case Action::ClassMasteryRead: return "Only teachers and administrators can see a class's mastery";
    case Action::PracticeStatsRead: return "Only administrators can read practice statistics";
    default: return "Your role does not allow this";
    }
}

} // namespace learnloop
