// Tests for shared-domain/identity.*: roles, tenant kinds and slugs.
#include "identity/roles.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("roles round-trip through their names")
{
    for (auto role : k_all_roles)
        CHECK(parse_role(role_name(role)).value() == role);
    CHECK(parse_role("Admin").error().field == "role");
    CHECK(parse_role("").error().message == "Role must be one of admin, moderator, teacher, student, parent");
    CHECK_FALSE(parse_role("superuser").ok());
}

TEST_CASE("tenant kinds round-trip through their names")
{
    for (auto kind : { TenantKind::School, TenantKind::Academy, TenantKind::Tutoring })
        CHECK(parse_tenant_kind(tenant_kind_name(kind)).value() == kind);
    CHECK(parse_tenant_kind("university").error().field == "kind");
}

TEST_CASE("a role is named as the tenant's kind names it")
{
    CHECK(role_title(Role::Teacher, TenantKind::School) == "Teacher");
    CHECK(role_title(Role::Teacher, TenantKind::Tutoring) == "Tutor");
    CHECK(role_title(Role::Teacher, TenantKind::Academy) == "Instructor");
    for (auto kind : { TenantKind::School, TenantKind::Academy, TenantKind::Tutoring }) {
        CHECK(role_title(Role::Admin, kind) == "Administrator");
        CHECK(role_title(Role::Parent, kind) == "Parent");
    }
}

TEST_CASE("tenant slugs are short lower-case identifiers")
{
    CHECK(validate_tenant_slug("northbridge-high").value() == "northbridge-high");
    CHECK(validate_tenant_slug("a1").ok());
    for (auto bad : { "", "a", "-lead", "Upper", "with space", "dots.not.allowed", "x'; DROP TABLE tenants;--" }) {
        INFO(bad);
        CHECK(validate_tenant_slug(bad).error().field == "slug");
    }
    CHECK_FALSE(validate_tenant_slug(std::string(64, 'a')).ok());
}
