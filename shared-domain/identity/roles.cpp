// Identity vocabulary.
#include "identity/roles.hpp"

#include <algorithm>

namespace learnloop {

std::string_view role_name(Role role)
{
    switch (role) {
    case Role::Admin: return "admin";
    case Role::Moderator: return "moderator";
    case Role::Teacher: return "teacher";
    case Role::Student: return "student";
    case Role::Parent: return "parent";
    }
    return "student";
}

Result<Role> parse_role(std::string_view name)
{
    for (auto role : k_all_roles) {
        if (role_name(role) == name)
            return role;
    }
    return make_error(ErrorCode::InvalidArgument, "Role must be one of admin, moderator, teacher, student, parent",
        "role");
}

std::string_view tenant_kind_name(TenantKind kind)
{
    switch (kind) {
    case TenantKind::School: return "school";
    case TenantKind::Academy: return "academy";
    case TenantKind::Tutoring: return "tutoring";
    case TenantKind::Marketplace: return "marketplace";
    }
    return "school";
}

Result<TenantKind> parse_tenant_kind(std::string_view name)
{
    for (auto kind : { TenantKind::School, TenantKind::Academy, TenantKind::Tutoring, TenantKind::Marketplace }) {
        if (tenant_kind_name(kind) == name)
            return kind;
    }
    return make_error(ErrorCode::InvalidArgument, "Kind must be one of school, academy, tutoring, marketplace", "kind");
}

std::string_view role_title(Role role, TenantKind kind)
{
    switch (role) {
    case Role::Admin: return "Administrator";
    case Role::Moderator: return "Moderator";
    case Role::Teacher:
        return kind == TenantKind::Tutoring                                           ? "Tutor"
            : kind == TenantKind::Academy || kind == TenantKind::Marketplace ? "Instructor"
                                                                             : "Teacher";
    case Role::Student: return "Student";
    case Role::Parent: return "Parent";
    }
    return "Person";
}

Result<std::string> validate_tenant_slug(std::string_view slug)
{
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    if (slug.size() < 2 || slug.size() > 63 || slug.front() == '-'
        || !std::all_of(slug.begin(), slug.end(), allowed))
        return make_error(ErrorCode::InvalidArgument,
            "Slug must be 2-63 lower-case letters, digits or hyphens, not starting with a hyphen", "slug");
    return std::string(slug);
}

} // namespace learnloop
