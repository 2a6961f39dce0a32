// The catalog for visitors (public_catalog.hpp).
#include "marketplace/public_catalog.hpp"

#include "db/db_pool.hpp"
#include "http/schema.hpp"
#include "identity/identity_store.hpp"
#include "marketplace/catalog_handlers.hpp"

namespace learnloop::server {

namespace {

// Runs `read` for a visitor of the marketplace the request names: a learner
// who owns nothing (user 0 is nobody's id, so nothing of their own is
// found), in a transaction that cannot write. The answer also names the
// marketplace (`marketplace_name`).
Result<ApiResponse> as_visitor(const httplib::Request& req, const PublicContext& context, const AuthedHandler& read)
{
    const auto slug = named_tenant(req);
    if (!slug || slug->empty())
        return make_error(ErrorCode::InvalidArgument, "Name the marketplace: ?tenant= or the X-Tenant header", "tenant");
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::work txn(connection);
        txn.exec("SET TRANSACTION READ ONLY");
        const auto tenant = resolve_tenant(txn, slug);
        if (!tenant)
            return headline_error(ErrorCode::NotFound, "Not found", "There is no course catalog at that name");
        set_tenant(txn, *tenant);
        Caller visitor;
        visitor.tenant_id = *tenant;
        visitor.user_id = 0;
        visitor.role = Role::Student;
        auto answer = read(req, txn, visitor);
        // Whose catalog it is, for the visitor's page heading.
        if (answer.ok() && answer.value().body.is_object())
            answer.value().body["marketplace_name"]
                = exec_named(txn, "identity/tenant_profile", *tenant)[0]["name"].as<std::string>();
        txn.abort();
        return answer;
    });
}

Result<ApiResponse> handle_public_catalog(const httplib::Request& req, const PublicContext& context)
{
    return as_visitor(req, context, handle_search_catalog);
}

Result<ApiResponse> handle_public_course(const httplib::Request& req, const PublicContext& context)
{
    return as_visitor(req, context, handle_catalog_course);
}

} // namespace

std::vector<Route> public_catalog_routes()
{
    const QueryParam tenant { "tenant", string_schema(), "The marketplace's slug (or the X-Tenant header)", true };
    auto catalog = Route { Method::Get, "/api/public/catalog", std::nullopt, nullptr, handle_public_catalog,
        "The catalog for visitors, signed in or not: the same search, filters and facets as "
        "/api/marketplace/catalog, of a marketplace named by slug",
        "", "Catalog", 200 };
    catalog.query = { tenant, { "q", string_schema(), "Words to find" },
        { "category", string_schema(), "A category's slug" }, { "level", string_schema(), "Only this level" },
        { "language", string_schema(), "Only this language" }, { "price", string_schema(), "Only this price band" },
        { "rating", string_schema(), "Only courses rated at least this" }, { "sort", string_schema(), "The order" },
        { "limit", integer_schema(), "1 to 50 (20)" }, { "offset", integer_schema(), "Courses to skip" } };
    auto course = Route { Method::Get, "/api/public/courses/{id}", std::nullopt, nullptr, handle_public_course,
        "A published course's page for visitors: what it teaches, its lessons (titles only), its instructor and "
        "reviews",
        "", "CatalogCoursePage", 200 };
    course.query = { tenant };
    return { std::move(catalog), std::move(course) };
}

} // namespace learnloop::server
