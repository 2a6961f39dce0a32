// Tests for shared-domain/permissions.*: the matrix's key rules.
#include "identity/permissions.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop;

TEST_CASE("only teachers create and grade assignments, only students submit")
{
    for (auto role : k_all_roles) {
        INFO(role_name(role));
        CHECK(is_allowed(role, Action::AssignmentCreate) == (role == Role::Teacher));
        CHECK(is_allowed(role, Action::SubmissionGrade) == (role == Role::Teacher));
        CHECK(is_allowed(role, Action::SubmissionCreate) == (role == Role::Student));
    }
    CHECK(denial_message(Action::AssignmentCreate) == "Only teachers can create assignments");
    CHECK(denial_message(Action::SubmissionCreate) == "Only students can submit assignments");
    CHECK(denial_message(Action::SubmissionGrade) == "Only teachers can grade submissions");
}

TEST_CASE("teachers act on their own assignments, parents on their linked children")
{
    CHECK(permission_scope(Role::Teacher, Action::AssignmentUpdate) == Scope::Own);
    CHECK(permission_scope(Role::Teacher, Action::SubmissionRead) == Scope::Own);
    CHECK(permission_scope(Role::Student, Action::SubmissionRead) == Scope::Own);
    CHECK(permission_scope(Role::Parent, Action::SubmissionRead) == Scope::Linked);
    CHECK(permission_scope(Role::Parent, Action::AssignmentRead) == Scope::Linked);
    CHECK(permission_scope(Role::Student, Action::AssignmentRead) == Scope::Class);
}

TEST_CASE("moderators add people but remove nothing; only admins read the audit log")
{
    CHECK(is_allowed(Role::Moderator, Action::UserCreate));
    CHECK_FALSE(is_allowed(Role::Moderator, Action::UserDeactivate));
    CHECK_FALSE(is_allowed(Role::Moderator, Action::UserUpdate));
    for (auto role : k_all_roles)
        CHECK(is_allowed(role, Action::AuditRead) == (role == Role::Admin));
}

TEST_CASE("every action has a distinct name and every role has an entry for it")
{
    std::set<std::string_view> names;
    for (auto action : all_actions()) {
        names.insert(action_name(action));
        CHECK(denial_message(action).size() > 10);
    }
    CHECK(names.size() == all_actions().size());
    CHECK(scope_name(Scope::Linked) == "linked");
}

TEST_CASE("administrators create any role, moderators students only, sign-up gives teacher or student")
{
    for (auto role : k_all_roles) {
        INFO(role_name(role));
        CHECK(may_create_role(Role::Admin, role));
        CHECK(may_create_role(Role::Moderator, role) == (role == Role::Student));
        CHECK_FALSE(may_create_role(Role::Teacher, role));
        CHECK(may_sign_up_as(role) == (role == Role::Teacher || role == Role::Student));
    }
}
