// The school area's routes: people, classes and their members, parent links
// and the class gradebook.
#include "school/routes.hpp"

#include "http/schema.hpp"
#include "school/school_handlers.hpp"

namespace learnloop::server {

namespace {

// `schema` with exactly these fields required (message_schema requires only "message").
Json requiring(Json schema, std::initializer_list<const char*> fields)
{
    schema["required"] = Json::array();
    for (const char* field : fields)
        schema["required"].push_back(field);
    return schema;
}

Json described(Json schema, const char* description)
{
    schema["description"] = description;
    return schema;
}

Json role_schema()
{
    return enum_schema({ "admin", "moderator", "teacher", "student", "parent" });
}

} // namespace

AreaApi school_api()
{
    AreaApi api { "school", "People, classes, parent links and gradebooks", {}, Json::object() };
    auto& s = api.schemas;
    // [users]
    s["Profile"] = object_schema({ { "class", string_schema() }, { "school", string_schema() },
        { "branch", string_schema() } });
    s["ProfileChanges"] = request_schema({ { "class", nullable(string_schema("Up to 100 characters; null removes it")) },
        { "school", nullable(string_schema("Up to 100 characters; null removes it")) },
        { "branch", nullable(string_schema("Up to 100 characters; null removes it")) } });
    s["SchoolUser"] = object_schema(
        {
            { "id", id_schema() },
            { "email", string_schema() },
            { "name", string_schema() },
            { "role", role_schema() },
            { "active", boolean_schema("False once deactivated") },
            { "profile", schema_ref("Profile") },
        },
        { "id", "email", "name", "role", "active", "profile" });
    s["SchoolUserList"] = array_of(schema_ref("SchoolUser"));
    s["NewUserRequest"] = request_schema(
        {
            { "email", string_schema() },
            { "name", string_schema() },
            { "password", string_schema() },
            { "role", role_schema() },
            { "profile", schema_ref("ProfileChanges") },
        },
        { "email", "name", "password", "role" });
    s["UserCreated"] = requiring(message_schema({ { "user_id", id_schema() } }), { "message", "user_id" });
    s["UserUpdate"] = request_schema({ { "name", string_schema() }, { "role", role_schema() },
        { "profile", schema_ref("ProfileChanges") } });
    s["Message"] = message_schema();
    // [classes]
    s["ClassSummary"] = object_schema(
        {
            { "id", id_schema() },
            { "name", string_schema() },
            { "teacher_id", id_schema() },
            { "teacher_name", string_schema() },
            { "member_count", integer_schema("Students in the class") },
        },
        { "id", "name", "teacher_id", "teacher_name", "member_count" });
    s["ClassList"] = array_of(schema_ref("ClassSummary"));
    s["NewClassRequest"] = request_schema(
        { { "name", string_schema("1 to 100 characters") },
            { "teacher_id",
                described(id_schema(),
                    "Administrators: the class's teacher (required); teachers teach the classes they create") } },
        { "name" });
    s["ClassCreated"] = requiring(message_schema({ { "class_id", id_schema() } }), { "message", "class_id" });
    s["NewMemberRequest"] = request_schema({ { "student_id", id_schema() } }, { "student_id" });
    s["GradebookCell"] = object_schema(
        { { "status", enum_schema({ "upcoming", "due_soon", "missing", "submitted", "late", "graded" }) },
            { "grade", nullable(number_schema()) } },
        { "status", "grade" });
    s["Gradebook"] = object_schema(
        {
            { "class_id", id_schema() },
            { "assignments",
                array_of(object_schema(
                    { { "id", id_schema() }, { "title", string_schema() }, { "due_date", local_datetime_schema() } },
                    { "id", "title", "due_date" })) },
            { "rows",
                array_of(object_schema({ { "student_id", id_schema() }, { "student_name", string_schema() },
                                           { "cells", array_of(schema_ref("GradebookCell")) },
                                           { "average", nullable(number_schema("Mean of the graded cells")) } },
                    { "student_id", "student_name", "cells", "average" })) },
        },
        { "class_id", "assignments", "rows" });
    // [parents]
    s["ParentLink"] = object_schema({ { "parent_id", id_schema() }, { "parent_name", string_schema() },
                                        { "student_id", id_schema() }, { "student_name", string_schema() } },
        { "parent_id", "parent_name", "student_id", "student_name" });
    s["ParentLinkList"] = array_of(schema_ref("ParentLink"));
    s["NewParentLinkRequest"] = request_schema({ { "parent_id", id_schema() }, { "student_id", id_schema() } },
        { "parent_id", "student_id" });
    s["LinkCodeRequest"] = request_schema({ { "student_id", id_schema() } }, { "student_id" });
    s["LinkCode"] = object_schema({ { "code", string_schema("16 hex digits, single use") },
                                      { "expires_at", utc_timestamp_schema() } },
        { "code", "expires_at" });
    s["RedeemRequest"] = request_schema({ { "code", string_schema() } }, { "code" });
    s["Redeemed"] = requiring(message_schema({ { "student_id", id_schema() } }), { "message", "student_id" });

    const auto page = std::vector<QueryParam> { page_limit_param(), page_offset_param() };
    api.routes = {
        { Method::Get, "/api/users", Action::UserList, handle_list_users, nullptr,
            "The school's users (teachers: their classes' students), paged", "", "SchoolUserList", 200,
            { page_limit_param(), page_offset_param(), { "role", role_schema(), "Only this role" } } },
        hashes_password({ Method::Post, "/api/users", Action::UserCreate, handle_create_user, nullptr,
            "Add a user (moderators: students only)", "NewUserRequest", "UserCreated", 201 }),
        { Method::Patch, "/api/users/{id}", Action::UserUpdate, handle_update_user, nullptr,
            "Edit a user's name, role or profile", "UserUpdate", "Message", 200 },
        { Method::Delete, "/api/users/{id}", Action::UserDeactivate, handle_deactivate_user, nullptr,
            "Deactivate a user and end their sessions", "", "Message", 200 },
        { Method::Get, "/api/classes", Action::ClassRead, handle_list_classes, nullptr,
            "The classes the caller may see, paged", "", "ClassList", 200, page },
        { Method::Post, "/api/classes", Action::ClassManage, handle_create_class, nullptr, "Create a class",
            "NewClassRequest", "ClassCreated", 201 },
        { Method::Get, "/api/classes/{id}/members", Action::UserList, handle_list_members, nullptr,
            "A class's students, paged", "", "SchoolUserList", 200, page },
        { Method::Post, "/api/classes/{id}/members", Action::ClassManage, handle_add_member, nullptr,
            "Add a student to a class", "NewMemberRequest", "Message", 201 },
        { Method::Delete, "/api/classes/{id}/members/{student_id}", Action::ClassManage, handle_remove_member, nullptr,
            "Remove a student from a class", "", "Message", 200 },
        reads_standby({ Method::Get, "/api/classes/{id}/gradebook", Action::GradebookRead, handle_gradebook, nullptr,
            "A class's students by assignments with grades and late flags", "", "Gradebook", 200 }),
        reads_standby({ Method::Get, "/api/classes/{id}/gradebook.csv", Action::GradebookRead, handle_gradebook, nullptr,
            "The gradebook as a CSV file", "", "", 200, {}, "text/csv" }),
        { Method::Get, "/api/parent-links", Action::ParentLinkManage, handle_list_parent_links, nullptr,
            "Every parent-student link, paged", "", "ParentLinkList", 200, page },
        { Method::Post, "/api/parent-links", Action::ParentLinkManage, handle_create_parent_link, nullptr,
            "Link a parent to a student", "NewParentLinkRequest", "Message", 201 },
        { Method::Post, "/api/parent-links/codes", Action::ParentLinkManage, handle_create_link_code, nullptr,
            "Issue a one-time code a parent redeems to link to a student", "LinkCodeRequest", "LinkCode", 201 },
        { Method::Post, "/api/parent-links/redeem", Action::ParentLinkRedeem, handle_redeem_link_code, nullptr,
            "Redeem a link code (parents)", "RedeemRequest", "Redeemed", 200 },
        { Method::Get, "/api/children", Action::ChildrenRead, handle_children, nullptr,
            "The students a parent is linked to, paged", "", "SchoolUserList", 200, page },
    };
    return api;
}

} // namespace learnloop::server
