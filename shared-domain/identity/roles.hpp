// Roles, tenant kinds and tenant slugs: the identity vocabulary shared by the
// server, the CLI and the portals.
#pragma once

#include "core/result.hpp"

#include <array>
#include <string>
#include <string_view>

namespace learnloop {

enum class Role { Admin, Moderator, Teacher, Student, Parent };
inline constexpr std::array<Role, 5> k_all_roles = { Role::Admin, Role::Moderator, Role::Teacher, Role::Student,
    Role::Parent };

[[nodiscard]] std::string_view role_name(Role role);          // "admin", "teacher", ...
[[nodiscard]] Result<Role> parse_role(std::string_view name);  // error on field "role"

enum class TenantKind { School, Academy, Tutoring, Marketplace };
[[nodiscard]] std::string_view tenant_kind_name(TenantKind kind);
[[nodiscard]] Result<TenantKind> parse_tenant_kind(std::string_view name);  // error on field "kind"

// A role as a tenant of that kind names it to people: the teacher role is a
// "Tutor" in a tutoring business and an "Instructor" in an academy.
//   role_title(Role::Admin, TenantKind::School) -> "Administrator"
[[nodiscard]] std::string_view role_title(Role role, TenantKind kind);

// 2-63 characters of lower-case letters, digits and hyphens, starting with a
// letter or digit: "northbridge-high". Error on field "slug".
[[nodiscard]] Result<std::string> validate_tenant_slug(std::string_view slug);

} // namespace learnloop
