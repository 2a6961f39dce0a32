// Private calendar feeds: each user's /ical/<token>.ics (RFC 5545, written
// by shared-domain/tutoring/icalendar), made, regenerated and revoked by its
// owner. The token is the feed's only credential and is kept hashed.
#pragma once

#include "http/api.hpp"
#include "http/route.hpp"

namespace learnloop::server {

Result<ApiResponse> handle_feed_status(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_make_feed(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
Result<ApiResponse> handle_revoke_feed(const httplib::Request& req, pqxx::work& txn, const Caller& caller);
// GET /ical/{token}.ics: no bearer token; the URL's token is the credential.
Result<ApiResponse> handle_calendar_feed(const httplib::Request& req, const PublicContext& context);

} // namespace learnloop::server
