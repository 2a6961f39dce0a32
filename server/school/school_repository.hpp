// The school's repository: users as the school sees them, classes and their
// members, parent links and link codes, and a gradebook's rows, over the named
// statements in server/school/queries/. Plain structs in and out; no HTTP.
#pragma once

#include "core/dto.hpp"
#include "db/sql.hpp"
#include "tracker/gradebook.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop::server {

struct SchoolUser {
    std::int64_t id = 0;
    std::string email;
    std::string name;
    std::string role;
    bool active = true;               // false once deactivated
    Json profile = Json::object();    // class, school, branch
};

struct ClassSummary {
    std::int64_t id = 0;
    std::string name;
    std::int64_t teacher_id = 0;
    std::string teacher_name;
    std::int64_t member_count = 0;
};

struct ParentLink {
    std::int64_t parent_id = 0;
    std::string parent_name;
    std::int64_t student_id = 0;
    std::string student_name;
};

struct IssuedLinkCode {
    std::string id;
    std::string expires_at;   // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

struct RedeemedLinkCode {
    std::int64_t id = 0;
    std::int64_t student_id = 0;
};

// A class's gradebook as stored, for the domain's build_gradebook.
struct GradebookRows {
    std::vector<GradebookStudent> students;
    std::vector<GradebookAssignment> assignments;
    std::vector<GradebookSubmission> submissions;
    std::int64_t now_unix = 0;    // the database's clock, for the cells' due statuses
};

// [users] --------------------------------------------------------------------

// The users within reach for user.list (`scope`, `user_id`: access/'s
// reach_for), optionally of one role, by name.
[[nodiscard]] PageOf<SchoolUser> list_users(pqxx::transaction_base& txn, const Page& page,
    const std::optional<std::string>& role, const std::string& scope, std::int64_t user_id);
// A user, active or not, locked for an edit.
[[nodiscard]] std::optional<SchoolUser> lock_user(pqxx::transaction_base& txn, std::int64_t id);
// How many class memberships, classes taught and parent links a user has.
[[nodiscard]] std::int64_t count_role_ties(pqxx::transaction_base& txn, std::int64_t id);
void update_user(pqxx::transaction_base& txn, std::int64_t id, const std::string& name, const std::string& role,
    const Json& profile);
// False when there is no such active user.
[[nodiscard]] bool deactivate_user(pqxx::transaction_base& txn, std::int64_t id);

// [classes] ------------------------------------------------------------------

// The live classes within reach for class.read, by name.
[[nodiscard]] PageOf<ClassSummary> list_classes(pqxx::transaction_base& txn, const Page& page,
    const std::string& scope, std::int64_t user_id);
[[nodiscard]] std::int64_t create_class(pqxx::transaction_base& txn, std::int64_t tenant_id, const std::string& name,
    std::int64_t teacher_id);
// A class's active students, by name.
[[nodiscard]] PageOf<SchoolUser> list_members(pqxx::transaction_base& txn, const Page& page, std::int64_t class_id);
// False when the student is already a member.
[[nodiscard]] bool add_member(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t class_id,
    std::int64_t student_id);
// False when the student was not a member.
[[nodiscard]] bool remove_member(pqxx::transaction_base& txn, std::int64_t class_id, std::int64_t student_id);

// [parents] ------------------------------------------------------------------

// False when the parent is already linked to the student.
[[nodiscard]] bool create_parent_link(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t parent_id,
    std::int64_t student_id);
[[nodiscard]] PageOf<ParentLink> list_parent_links(pqxx::transaction_base& txn, const Page& page);
// Stores a link code by its SHA-256 (hex), valid for 7 days.
[[nodiscard]] IssuedLinkCode create_link_code(pqxx::transaction_base& txn, std::int64_t tenant_id,
    std::int64_t student_id, const std::string& code_hash);
// Marks an unused, unexpired code redeemed by the parent; nothing when the
// code is wrong, expired or used.
[[nodiscard]] std::optional<RedeemedLinkCode> redeem_link_code(pqxx::transaction_base& txn,
    const std::string& code_hash, std::int64_t parent_id);
// A parent's active linked students, by name.
[[nodiscard]] PageOf<SchoolUser> list_children(pqxx::transaction_base& txn, const Page& page, std::int64_t parent_id);

// [gradebook] ----------------------------------------------------------------

// A class's students, live assignments (due dates in `time_zone`) and
// submissions.
[[nodiscard]] GradebookRows load_gradebook_rows(pqxx::transaction_base& txn, std::int64_t class_id,
    const std::string& time_zone);

[[nodiscard]] Json to_json(const SchoolUser& user);
[[nodiscard]] Json to_json(const ClassSummary& summary);
[[nodiscard]] Json to_json(const ParentLink& link);

} // namespace learnloop::server
