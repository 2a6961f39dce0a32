// Tenants and users in PostgreSQL. Every mutation audits in the same transaction.
#pragma once

#include "core/dto.hpp"
#include "identity/roles.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <optional>
#include <string>

namespace learnloop::server {

struct NewTenant {
    std::string slug;
    std::string name;
    TenantKind kind = TenantKind::School;
    std::string time_zone = "UTC";
};

struct NewUser {
    std::int64_t tenant_id = 0;
    std::string email;
    std::string name;
    Role role = Role::Student;
    std::string password;
    Json profile = Json::object();   // class, school, branch (checked by the caller)
};

// Validates (shared-domain rules, IANA zone known to PostgreSQL) and inserts.
// AlreadyExists when the slug is taken.
[[nodiscard]] Result<std::int64_t> create_tenant(pqxx::work& txn, const NewTenant& tenant, const std::string& actor);

[[nodiscard]] std::optional<std::int64_t> find_tenant_id(pqxx::transaction_base& txn, const std::string& slug);

// Validates, hashes the password (Argon2id) and inserts. AlreadyExists when
// the email is registered in the tenant.
// `password_hash`: hash_password(user.password) when the caller hashed it
// before opening the transaction (hashing takes ~80 ms); empty: hashed here.
[[nodiscard]] Result<std::int64_t> create_user(pqxx::work& txn, const NewUser& user, const std::string& actor,
    const std::string& password_hash = {});

} // namespace learnloop::server
