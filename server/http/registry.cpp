// The registry: each area's table, assembled once at start.
#include "http/registry.hpp"

#include "academy/routes.hpp"
#include "audit/routes.hpp"
#include "identity/routes.hpp"
#include "marketplace/catalog_handlers.hpp"
#include "marketplace/routes.hpp"
#include "messaging/routes.hpp"
#include "practice/routes.hpp"
#include "school/routes.hpp"
#include "tracker/routes.hpp"
#include "tracker/tracker_repository.hpp"
#include "tutoring/routes.hpp"

#include <mutex>

namespace learnloop::server {

std::vector<AreaApi> product_areas()
{
    return { identity_api(), school_api(), tracker_api(), practice_api(), tutoring_api(), messaging_api(), academy_api(),
        marketplace_api(), audit_api() };
}

void prepare_statements(pqxx::connection& connection)
{
    // The variants join the statements once, before the first connection
    // prepares them all.
    static std::once_flag variants_added;
    std::call_once(variants_added, [] {
        add_tracker_variants();
        add_marketplace_variants();
    });
    prepare_named_statements(connection);
}

QueryParam page_limit_param()
{
    return { "limit", { { "type", "integer" }, { "minimum", 1 }, { "maximum", 200 }, { "default", 50 } },
        "Items per page", false };
}

QueryParam page_offset_param()
{
    return { "offset", { { "type", "integer" }, { "minimum", 0 }, { "default", 0 } }, "Items to skip", false };
}

std::string_view method_name(Method method)
{
    switch (method) {
    case Method::Get: return "GET";
    case Method::Post: return "POST";
    case Method::Put: return "PUT";
    case Method::Patch: return "PATCH";
    case Method::Delete: return "DELETE";
    }
    return "GET";
}

} // namespace learnloop::server
