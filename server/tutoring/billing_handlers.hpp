// A tutoring business's money: rates, invoices (drafts from logged
// sessions, issued with gapless numbers, voided to unlock their sessions),
// payments spread over invoices with the rest kept as credit, family
// balances and revenue. Administrators only, except that a parent reads
// their own family's invoices and balance.
#pragma once

#include "core/calendar.hpp"
#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_list_rates(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_add_rate(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_invoices(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_get_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_invoice_pdf(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_create_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_issue_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_void_invoice(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_record_payment(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_packages(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_sell_package(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_balances(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_revenue(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

// ?from=YYYY-MM&to=YYYY-MM (1 to 36 months): their first and last local days.
struct MonthRange {
    LocalDateTime first_day, last_day;
    int months = 0;
};
[[nodiscard]] Result<MonthRange> read_month_range(const httplib::Request& req);

} // namespace learnloop::server
