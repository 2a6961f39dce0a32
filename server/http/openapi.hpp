// The API as an OpenAPI 3.1 document, built from the areas' route tables and
// served at GET /api/openapi.json.
#pragma once

#include "http/route.hpp"

#include <vector>

namespace learnloop::server {

// Each operation carries its permission-matrix action as
// "x-permission-action" (absent for routes open to any signed-in caller or
// to anyone), so tests and tools read who may call what from the server.
[[nodiscard]] Json openapi_document(const std::vector<AreaApi>& areas, std::string_view version);

} // namespace learnloop::server
