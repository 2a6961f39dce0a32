// Tenant and user persistence.
#include "identity/identity_store.hpp"

#include "audit/audit_log.hpp"
#include "platform/crypto.hpp"
#include "identity/new_user.hpp"
#include "identity/user_fields.hpp"

namespace learnloop::server {

Result<std::int64_t> create_tenant(pqxx::work& txn, const NewTenant& tenant, const std::string& actor)
{
    auto slug = TRY(validate_tenant_slug(tenant.slug));
    auto name = TRY(validate_display_name(tenant.name));
    if (txn.exec_params("SELECT 1 FROM pg_timezone_names WHERE name = $1", tenant.time_zone).empty())
        return make_error(ErrorCode::InvalidArgument, "Time zone must be an IANA name such as Europe/London",
            "time_zone");
    if (find_tenant_id(txn, slug))
        return make_error(ErrorCode::AlreadyExists, "A tenant with slug " + slug + " already exists", "slug");

    auto id = txn.exec_params1("INSERT INTO tenants (slug, name, kind, time_zone) VALUES ($1, $2, $3, $4) RETURNING id",
                     slug, name, std::string(tenant_kind_name(tenant.kind)), tenant.time_zone)[0]
                  .as<std::int64_t>();
    append_audit(txn,
        { id, actor, "tenant.create", "tenant", std::to_string(id), nullptr,
            { { "slug", slug }, { "name", name }, { "kind", tenant_kind_name(tenant.kind) },
                { "time_zone", tenant.time_zone } } });
    return id;
}

std::optional<std::int64_t> find_tenant_id(pqxx::transaction_base& txn, const std::string& slug)
{
    auto rows = txn.exec_params("SELECT id FROM tenants WHERE slug = $1", slug);
    if (rows.empty())
        return std::nullopt;
    return rows[0][0].as<std::int64_t>();
}

Result<std::int64_t> create_user(pqxx::work& txn, const NewUser& user, const std::string& actor,
    const std::string& password_hash)
{
    // The profile is the caller's to check (apply_profile_changes); the rest
    // is checked here too, so the CLI and every endpoint store only valid users.
    auto valid = TRY(validate_new_user({ user.email, user.name, user.password, std::string(role_name(user.role)) },
        NewUserRoles::Any));
    const auto& email = valid.email;
    const auto& name = valid.name;
    if (!txn.exec_params("SELECT 1 FROM users WHERE tenant_id = $1 AND email = $2", user.tenant_id, email).empty())
        return make_error(ErrorCode::AlreadyExists, "Email already registered", "email");
    auto hash = password_hash.empty() ? TRY(hash_password(user.password)) : password_hash;

    std::int64_t id = 0;
    try {
        // A subtransaction, so a concurrent sign-up with the same email
        // leaves the caller's transaction usable.
        pqxx::subtransaction insert(txn, "create_user");
        id = insert.exec_params1(
                       "INSERT INTO users (tenant_id, email, name, role, password_hash, profile)"
                       " VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id",
                       user.tenant_id, email, name, std::string(role_name(user.role)), hash, user.profile.dump())[0]
                 .as<std::int64_t>();
        insert.commit();
    } catch (const pqxx::unique_violation&) {
        return make_error(ErrorCode::AlreadyExists, "Email already registered", "email");
    }
    // The audit row records who was created, never the password hash.
    append_audit(txn,
        { user.tenant_id, actor, "user.create", "user", std::to_string(id), nullptr,
            { { "email", email }, { "name", name }, { "role", role_name(user.role) }, { "profile", user.profile } } });
    return id;
}

} // namespace learnloop::server
