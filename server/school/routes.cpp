// The school area's routes: people, classes and their members, parent links
// and the class gradebook.
#include "school/routes.hpp"

#include "http/handlers.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

AreaApi school_api()
{
    AreaApi api { "school", "People, classes, parent links and gradebooks", {}, Json::object() };
    const auto page = std::vector<QueryParam> { page_limit_param(), page_offset_param() };
    api.routes = {
        { Method::Get, "/api/users", Action::UserList, handle_list_users, nullptr,
            "The school's users (teachers: their classes' students), paged", "", "", 200,
            { page_limit_param(), page_offset_param(), { "role", string_schema(), "Only this role" } } },
        { Method::Post, "/api/users", Action::UserCreate, handle_create_user, nullptr,
            "Add a user (moderators: students only)", "", "", 201 },
        { Method::Patch, "/api/users/{id}", Action::UserUpdate, handle_update_user, nullptr,
            "Edit a user's name, role or profile", "", "", 200 },
        { Method::Delete, "/api/users/{id}", Action::UserDeactivate, handle_deactivate_user, nullptr,
            "Deactivate a user and end their sessions", "", "", 200 },
        { Method::Get, "/api/classes", Action::ClassRead, handle_list_classes, nullptr,
            "The classes the caller may see, paged", "", "", 200, page },
        { Method::Post, "/api/classes", Action::ClassManage, handle_create_class, nullptr, "Create a class", "", "", 201 },
        { Method::Get, "/api/classes/{id}/members", Action::UserList, handle_list_members, nullptr,
            "A class's students, paged", "", "", 200, page },
        { Method::Post, "/api/classes/{id}/members", Action::ClassManage, handle_add_member, nullptr,
            "Add a student to a class", "", "", 201 },
        { Method::Delete, "/api/classes/{id}/members/{student_id}", Action::ClassManage, handle_remove_member, nullptr,
            "Remove a student from a class", "", "", 200 },
        { Method::Get, "/api/classes/{id}/gradebook", Action::GradebookRead, handle_gradebook, nullptr,
            "A class's students by assignments with grades and late flags", "", "", 200 },
        { Method::Get, "/api/classes/{id}/gradebook.csv", Action::GradebookRead, handle_gradebook, nullptr,
            "The gradebook as a CSV file", "", "", 200, {}, "text/csv" },
        { Method::Get, "/api/parent-links", Action::ParentLinkManage, handle_list_parent_links, nullptr,
            "Every parent-student link, paged", "", "", 200, page },
        { Method::Post, "/api/parent-links", Action::ParentLinkManage, handle_create_parent_link, nullptr,
            "Link a parent to a student", "", "", 201 },
        { Method::Post, "/api/parent-links/codes", Action::ParentLinkManage, handle_create_link_code, nullptr,
            "Issue a one-time code a parent redeems to link to a student", "", "", 201 },
        { Method::Post, "/api/parent-links/redeem", Action::ParentLinkRedeem, handle_redeem_link_code, nullptr,
            "Redeem a link code (parents)", "", "", 200 },
        { Method::Get, "/api/children", Action::ChildrenRead, handle_children, nullptr,
            "The students a parent is linked to, paged", "", "", 200, page },
    };
    return api;
}

} // namespace learnloop::server
