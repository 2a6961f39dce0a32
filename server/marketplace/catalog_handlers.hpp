// A marketplace's catalog: search with facets, and a course's page.
#pragma once

#include "http/api.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/pricing.hpp"

namespace learnloop::server {

// GET /api/marketplace/catalog?q&category&level&language&price&rating&sort&limit&offset
[[nodiscard]] Result<ApiResponse> handle_search_catalog(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/recommendations?limit: courses for a learner to take
// next, from the categories of those they take.
[[nodiscard]] Result<ApiResponse> handle_recommendations(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);
// GET /api/marketplace/courses/{id}
[[nodiscard]] Result<ApiResponse> handle_catalog_course(const httplib::Request& req, pqxx::work& txn,
    const Caller& caller);

// A course's price from its row (price_kind, price_minor, currency,
// billing_period columns).
[[nodiscard]] Price price_of(const pqxx::row& row);
// The marketplace's categories, parents before children, in their order.
[[nodiscard]] std::vector<Category> marketplace_categories(pqxx::work& txn);

// The catalog's statements with words and without, each planned once
// (call before the first connection, as http/registry.cpp does).
void add_marketplace_variants();

} // namespace learnloop::server
