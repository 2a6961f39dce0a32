// A tutoring business's CSV exports (RFC 4180, UTF-8 with its mark, no
// formulas: shared-domain core/csv): sessions of a window as the caller sees
// them, the office's students, and revenue (administrators).
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_sessions_csv(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_students_csv(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_revenue_csv(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
