// The calendar's outbox and kept week (see calendar_offline.hpp).
#include "tutoring/calendar_offline.hpp"

#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/storage.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

std::string outbox_key(const AppState& state) { return "attendance-user-" + std::to_string(state.session.user_id); }
std::string week_key(const AppState& state) { return "week-user-" + std::to_string(state.session.user_id); }

void persist_outbox(const AppState& state, const CalendarOffline& offline)
{
    store_save({ { outbox_key(state), offline.outbox.dump(-1, ' ', false, Json::error_handler_t::replace) } });
}

std::string key_of(const Json& entry)
{
    return std::to_string(entry.value("series_id", std::int64_t(0))) + "@" + entry.value("recurrence_id", "");
}

} // namespace

void offline_load(AppState& state, CalendarOffline& offline)
{
    if (offline.asked)
        return;
    offline.asked = true;
    store_load(outbox_key(state));
    store_load(week_key(state));
}

bool offline_stored(AppState& state, CalendarOffline& offline, const std::string& key, const std::string& json)
{
    if (key == week_key(state)) {
        auto parsed = parse_json(json);
        if (parsed.ok() && parsed.value().is_object())
            offline.week = parsed.value();
        return true;
    }
    if (key != outbox_key(state))
        return false;
    offline.outbox_loaded = true;
    auto parsed = parse_json(json);
    // Stored logs were made before any logged since the load began: they go
    // first, and the two are stored together (logs made before the load
    // arrived were kept in memory only, so as not to write over the stored).
    Json merged = Json::array();
    if (parsed.ok() && parsed.value().is_array())
        for (const auto& entry : parsed.value())
            if (entry.is_object() && entry.contains("client_id") && entry["client_id"].is_string())
                merged.push_back(entry);
    for (const auto& entry : offline.outbox) {
        const auto id = entry.value("client_id", "");
        if (std::none_of(merged.begin(), merged.end(), [&](const Json& e) { return e.value("client_id", "") == id; }))
            merged.push_back(entry);
    }
    const bool grew = merged.size() != offline.outbox.size();
    offline.outbox = std::move(merged);
    if (grew || !offline.outbox.empty())
        persist_outbox(state, offline);
    return true;
}

void offline_queue(AppState& state, CalendarOffline& offline, Json entry)
{
    offline.outbox.push_back(std::move(entry));
    if (offline.outbox_loaded)
        persist_outbox(state, offline);
}

const Json* offline_queued(const CalendarOffline& offline, const std::string& session_key)
{
    for (const auto& entry : offline.outbox)
        if (key_of(entry) == session_key)
            return &entry;
    return nullptr;
}

// One at a time, oldest first, as practice answers are: a log the server
// took (or had already: the same client id) or refused for good leaves the
// queue and the next goes; offline, a busy or a throttling server stop the
// round until the next try.
void offline_sync(AppState& state, CalendarOffline& offline, const std::function<void()>& on_sent)
{
    // Nothing goes before the stored logs are here: they are older, and go first.
    if (!offline.outbox_loaded || !offline.sending.empty() || offline.outbox.empty())
        return;
    if (monotonic_ms() - offline.last_try_ms < 3000.0 && offline.failures > 0)
        return;
    offline.last_try_ms = monotonic_ms();
    const Json entry = offline.outbox.front();
    const auto client_id = entry.value("client_id", "");
    offline.sending = client_id;
    Json body { { "series_id", entry.value("series_id", std::int64_t(0)) }, { "recurrence_id", entry.value("recurrence_id", "") },
        { "status", entry.value("status", "") }, { "client_id", client_id } };
    api_call(state, "POST", "/api/tutoring/attendance", body,
        [&offline, client_id, entry, on_sent](AppState& state, const ApiAnswer& answer) {
            offline.sending.clear();
            if (answer.status == 0 || answer.status >= 500 || answer.status == 429) {
                if (++offline.failures >= 3)
                    offline.trouble = answer.status == 0
                        ? "No connection: logs are kept on this device and sent when it is back."
                        : "The server is not taking logs just now; they are kept on this device and sent later.";
                return;
            }
            offline.failures = 0;
            offline.trouble.clear();
            auto& list = offline.outbox;
            list.erase(std::remove_if(list.begin(), list.end(),
                           [&](const Json& e) { return e.value("client_id", "") == client_id; }),
                list.end());
            persist_outbox(state, offline);
            if (answer.ok()) {
                ++offline.synced;
                on_sent();
            } else {
                offline.notice = entry.value("what", std::string("A session")) + " was not logged: " + answer.error_text();
            }
            offline_sync(state, offline, on_sent);
        });
}

void offline_forget_week(AppState& state)
{
    store_save({ { week_key(state), nullptr } });
}

void offline_keep_week(AppState& state, CalendarOffline& offline, const std::string& key, const Json& week,
    const Json& settings)
{
    offline.week = { { "key", key }, { "week", week }, { "settings", settings }, { "saved_at", state.local_now } };
    store_save({ { week_key(state), offline.week.dump(-1, ' ', false, Json::error_handler_t::replace) } });
}

} // namespace learnloop::client
