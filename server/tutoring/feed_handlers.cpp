// Calendar feeds: [SECTION] the owner's routes, [SECTION] the feed.
#include "tutoring/feed_handlers.hpp"

#include "audit/audit_log.hpp"
#include "core/json_reader.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "platform/time_zones.hpp"
#include "tutoring/icalendar.hpp"
#include "tutoring/schedule_repository.hpp"
#include "tutoring/tutoring_requests.hpp"

#include <ctime>
#include <set>

namespace learnloop::server {

namespace {

// What a calendar program is sent: two weeks back to six months ahead.
constexpr std::int64_t k_feed_back_days = 14;
constexpr std::int64_t k_feed_ahead_days = 183;
const char* k_feed_not_found = "Calendar feed not found";

std::string feed_path(const std::string& token) { return "/ical/" + token + ".ics"; }

} // namespace

// [SECTION] the owner's routes ---------------------------------------------

Result<ApiResponse> handle_feed_status(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    auto rows = exec_named(txn, "tutoring/live_feed", caller.user_id);
    if (rows.empty())
        return json_response(200, { { "active", false }, { "created_at", nullptr } });
    return json_response(200, { { "active", true }, { "created_at", rows[0]["created_at"].as<std::string>() } });
}

// POST /api/tutoring/feed: a new feed URL; the old one, if any, stops working.
Result<ApiResponse> handle_make_feed(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    TRY(require_no_fields(req));
    auto revoked = exec_named(txn, "tutoring/revoke_feeds", caller.user_id);
    auto token = random_hex(32);   // 256 random bits
    auto id = exec_named(txn, "tutoring/insert_feed", caller.tenant_id, caller.user_id, sha256_hex(token))[0]["id"]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "calendar_feed.create", "calendar_feed", std::to_string(id),
                          nullptr, { { "replaced", revoked.size() } } });
    return json_response(201, { { "message", "Calendar feed ready" }, { "url", feed_path(token) },
                                  { "replaced", !revoked.empty() } });
}

Result<ApiResponse> handle_revoke_feed(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    auto revoked = exec_named(txn, "tutoring/revoke_feeds", caller.user_id);
    if (revoked.empty())
        return make_error(ErrorCode::NotFound, k_feed_not_found);
    append_audit(txn, { caller.tenant_id, caller.actor(), "calendar_feed.revoke", "calendar_feed",
                          revoked[0]["id"].as<std::string>(), nullptr, nullptr });
    return json_response(200, { { "message", "Calendar feed turned off" } });
}

// [SECTION] the feed ---------------------------------------------------------

Result<ApiResponse> handle_calendar_feed(const httplib::Request& req, const PublicContext& context)
{
    const std::string token = req.matches[1];
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<ApiResponse> {
        pqxx::read_transaction txn(connection);
        auto owners = exec_named(txn, "tutoring/feed_owner", sha256_hex(token));
        if (owners.empty())
            return make_error(ErrorCode::NotFound, k_feed_not_found);
        const auto& owner = owners[0];
        auto role = parse_role(owner["role"].as<std::string>());
        if (!role.ok())
            return make_error(ErrorCode::Internal, "The feed's owner has a role this server does not know");
        const auto user_id = owner["user_id"].as<std::int64_t>();
        auto zone = system_zone(owner["time_zone"].as<std::string>());
        if (!zone.ok())
            return make_error(ErrorCode::Internal, "The business's time zone is not known to this server");
        const auto& rules = *zone.value();

        const auto now = unix_now();
        const auto from = now - k_feed_back_days * k_day, to = now + k_feed_ahead_days * k_day;
        const auto filter = own_sessions(role.value(), user_id);
        auto [series, changes] = schedule_in_window(txn, rules, from, to, filter);
        std::set<std::int64_t> ids;
        for (const auto& s : series) {
            ids.insert(s.tutor_id);
            ids.insert(s.student_id);
        }
        auto names = names_of(txn, { ids.begin(), ids.end() });
        std::vector<FeedEntry> entries;
        for (auto& s : series) {
            FeedEntry entry;
            // A family reads who teaches; a tutor or the office reads who is taught.
            const bool family = role.value() == Role::Student || role.value() == Role::Parent;
            entry.summary = s.subject + " with " + names[family ? s.tutor_id : s.student_id];
            for (const auto& c : changes) {
                if (c.series_id == s.id)
                    entry.changes.push_back(c);
            }
            entry.series = std::move(s);
            entries.push_back(std::move(entry));
        }
        FeedOptions options { owner["tenant_name"].as<std::string>() + " – " + owner["name"].as<std::string>(),
            "learnloop", now, from, to, filter.tutor_id };
        ApiResponse response;
        response.raw = std::make_pair(write_icalendar(entries, rules, options), "text/calendar; charset=utf-8");
        response.headers.push_back({ "Cache-Control", "private, max-age=300" });
        return response;
    });
}

} // namespace learnloop::server
