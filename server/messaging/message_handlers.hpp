// Messages between the people of a school or business: direct messages
// (the office to anyone, everyone else to the office), an administrator's
// broadcast to a role or everyone, system notices, each person's list with
// unread counts, read as a whole or by conversation, and a cheap poll (ETag, 304 when nothing changed).
#pragma once

#include "http/api.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_message_threads(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_list_messages(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_unread_messages(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_send_message(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_broadcast(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_mark_read(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_contacts(const httplib::Request& req, pqxx::work& txn, const Caller& caller);

} // namespace learnloop::server
