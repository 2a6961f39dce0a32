// The school's repository over server/school/queries/.
#include "school/school_repository.hpp"

namespace learnloop::server {

namespace {

SchoolUser read_user(const pqxx::row& row)
{
    // The profile is jsonb the server wrote itself; an unreadable one reads as empty.
    auto profile = parse_json(row["profile"].as<std::string>());
    return { row["id"].as<std::int64_t>(), row["email"].as<std::string>(), row["name"].as<std::string>(),
        row["role"].as<std::string>(), row["active"].as<bool>(), profile.ok() ? profile.value() : Json::object() };
}

ClassSummary read_class(const pqxx::row& row)
{
    return { row["id"].as<std::int64_t>(), row["name"].as<std::string>(), row["teacher_id"].as<std::int64_t>(),
        row["teacher_name"].as<std::string>(), row["member_count"].as<std::int64_t>() };
}

ParentLink read_parent_link(const pqxx::row& row)
{
    return { row["parent_id"].as<std::int64_t>(), row["parent_name"].as<std::string>(),
        row["student_id"].as<std::int64_t>(), row["student_name"].as<std::string>() };
}

template<typename T>
PageOf<T> read_page(const PageRows& rows, T (*read)(const pqxx::row&))
{
    PageOf<T> page;
    page.total = rows.total;
    page.items.reserve(rows.rows.size());
    for (const auto& row : rows.rows)
        page.items.push_back(read(row));
    return page;
}

} // namespace

// [users] --------------------------------------------------------------------

PageOf<SchoolUser> list_users(pqxx::transaction_base& txn, const Page& page, const std::optional<std::string>& role,
    const std::string& scope, std::int64_t user_id)
{
    return read_page(exec_page(txn, "school/list_users", page, role, scope, user_id), read_user);
}

std::optional<SchoolUser> lock_user(pqxx::transaction_base& txn, std::int64_t id)
{
    auto rows = exec_named(txn, "school/lock_user", id);
    if (rows.empty())
        return std::nullopt;
    return read_user(rows[0]);
}

std::int64_t count_role_ties(pqxx::transaction_base& txn, std::int64_t id)
{
    return exec_named(txn, "school/count_role_ties", id)[0]["ties"].as<std::int64_t>();
}

void update_user(pqxx::transaction_base& txn, std::int64_t id, const std::string& name, const std::string& role,
    const Json& profile)
{
    exec_named(txn, "school/update_user", id, name, role, profile.dump());
}

bool deactivate_user(pqxx::transaction_base& txn, std::int64_t id)
{
    return !exec_named(txn, "school/deactivate_user", id).empty();
}

// [classes] ------------------------------------------------------------------

PageOf<ClassSummary> list_classes(pqxx::transaction_base& txn, const Page& page, const std::string& scope,
    std::int64_t user_id)
{
    return read_page(exec_page(txn, "school/list_classes", page, scope, user_id), read_class);
}

std::int64_t create_class(pqxx::transaction_base& txn, std::int64_t tenant_id, const std::string& name,
    std::int64_t teacher_id)
{
    return exec_named(txn, "school/create_class", tenant_id, name, teacher_id)[0]["id"].as<std::int64_t>();
}

PageOf<SchoolUser> list_members(pqxx::transaction_base& txn, const Page& page, std::int64_t class_id)
{
    return read_page(exec_page(txn, "school/list_members", page, class_id), read_user);
}

bool add_member(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t class_id, std::int64_t student_id)
{
    return !exec_named(txn, "school/add_member", tenant_id, class_id, student_id).empty();
}

bool remove_member(pqxx::transaction_base& txn, std::int64_t class_id, std::int64_t student_id)
{
    return !exec_named(txn, "school/remove_member", class_id, student_id).empty();
}

// [parents] ------------------------------------------------------------------

bool create_parent_link(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t parent_id,
    std::int64_t student_id)
{
    return !exec_named(txn, "school/create_parent_link", tenant_id, parent_id, student_id).empty();
}

PageOf<ParentLink> list_parent_links(pqxx::transaction_base& txn, const Page& page)
{
    return read_page(exec_page(txn, "school/list_parent_links", page), read_parent_link);
}

IssuedLinkCode create_link_code(pqxx::transaction_base& txn, std::int64_t tenant_id, std::int64_t student_id,
    const std::string& code_hash)
{
    auto row = exec_named(txn, "school/create_link_code", tenant_id, student_id, code_hash)[0];
    return { row["id"].as<std::string>(), row["expires_at"].as<std::string>() };
}

std::optional<RedeemedLinkCode> redeem_link_code(pqxx::transaction_base& txn, const std::string& code_hash,
    std::int64_t parent_id)
{
    auto rows = exec_named(txn, "school/redeem_link_code", code_hash, parent_id);
    if (rows.empty())
        return std::nullopt;
    return RedeemedLinkCode { rows[0]["id"].as<std::int64_t>(), rows[0]["student_id"].as<std::int64_t>() };
}

PageOf<SchoolUser> list_children(pqxx::transaction_base& txn, const Page& page, std::int64_t parent_id)
{
    return read_page(exec_page(txn, "school/list_children", page, parent_id), read_user);
}

// [gradebook] ----------------------------------------------------------------

GradebookRows load_gradebook_rows(pqxx::transaction_base& txn, std::int64_t class_id, const std::string& time_zone)
{
    GradebookRows book;
    for (const auto& row : exec_named(txn, "school/gradebook_students", class_id))
        book.students.push_back({ row["id"].as<std::int64_t>(), row["name"].as<std::string>() });
    auto assignments = exec_named(txn, "school/gradebook_assignments", class_id, time_zone);
    for (const auto& row : assignments)
        book.assignments.push_back({ row["id"].as<std::int64_t>(), row["title"].as<std::string>(),
            row["due_date"].as<std::string>(), row["due_unix"].as<std::int64_t>() });
    // Without assignments no cell has a status, and the clock is not needed.
    if (!assignments.empty())
        book.now_unix = assignments[0]["now_unix"].as<std::int64_t>();
    for (const auto& row : exec_named(txn, "school/gradebook_submissions", class_id)) {
        GradebookSubmission submission { row["student_id"].as<std::int64_t>(), row["assignment_id"].as<std::int64_t>(),
            std::nullopt, row["late"].as<bool>() };
        if (!row["grade"].is_null())
            submission.grade = row["grade"].as<double>();
        book.submissions.push_back(submission);
    }
    return book;
}

Json to_json(const SchoolUser& user)
{
    return { { "id", user.id }, { "email", user.email }, { "name", user.name }, { "role", user.role },
        { "active", user.active }, { "profile", user.profile } };
}

Json to_json(const ClassSummary& summary)
{
    return { { "id", summary.id }, { "name", summary.name }, { "teacher_id", summary.teacher_id },
        { "teacher_name", summary.teacher_name }, { "member_count", summary.member_count } };
}

Json to_json(const ParentLink& link)
{
    return { { "parent_id", link.parent_id }, { "parent_name", link.parent_name }, { "student_id", link.student_id },
        { "student_name", link.student_name } };
}

} // namespace learnloop::server
