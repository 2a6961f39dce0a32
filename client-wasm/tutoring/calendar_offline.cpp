// The calendar's outbox and kept week (see calendar_offline.hpp).
#include "tutoring/calendar_offline.hpp"

#include "platform/storage.hpp"

namespace learnloop::client {

namespace {

std::string week_key(const AppState& state) { return "week-user-" + std::to_string(state.session.user_id); }

std::string key_of(const Json& entry)
{
    return std::to_string(entry.value("series_id", std::int64_t(0))) + "@" + entry.value("recurrence_id", "");
}

// The attendance outbox: kept per user, sent to the attendance route with
// only what the server reads (the label and words stay for the screen).
OutboxRoute attendance_route(const AppState& state, CalendarOffline& offline, std::function<void()> on_sent)
{
    OutboxRoute route;
    route.key = "attendance-user-" + std::to_string(state.session.user_id);
    route.path = "/api/tutoring/attendance";
    route.body = [](const Json& entry) {
        return Json { { "series_id", entry.value("series_id", std::int64_t(0)) },
            { "recurrence_id", entry.value("recurrence_id", "") }, { "status", entry.value("status", "") },
            { "client_id", entry.value("client_id", "") } };
    };
    route.done = [&offline, on_sent = std::move(on_sent)](AppState&, const Json& entry, const ApiAnswer& answer) {
        if (answer.ok()) {
            if (on_sent)
                on_sent();
        } else {
            offline.notice = entry.value("what", std::string("A session")) + " was not logged: " + answer.error_text();
        }
    };
    return route;
}

} // namespace

void offline_load(AppState& state, CalendarOffline& offline)
{
    outbox_load(offline.outbox, attendance_route(state, offline, nullptr));
    if (!offline.week_asked) {
        offline.week_asked = true;
        store_load(week_key(state));
    }
}

bool offline_stored(AppState& state, CalendarOffline& offline, const std::string& key, const std::string& json)
{
    if (key == week_key(state)) {
        auto parsed = parse_json(json);
        if (parsed.ok() && parsed.value().is_object())
            offline.week = parsed.value();
        return true;
    }
    auto route = attendance_route(state, offline, nullptr);
    if (key != route.key)
        return false;
    outbox_stored(state, offline.outbox, route, json);
    return true;
}

void offline_queue(AppState& state, CalendarOffline& offline, Json entry)
{
    outbox_add(offline.outbox, attendance_route(state, offline, nullptr), std::move(entry));
}

const Json* offline_queued(const CalendarOffline& offline, const std::string& session_key)
{
    for (const auto& entry : offline.outbox.entries)
        if (key_of(entry) == session_key)
            return &entry;
    return nullptr;
}

void offline_sync(AppState& state, CalendarOffline& offline, const std::function<void()>& on_sent)
{
    outbox_sync(state, offline.outbox, attendance_route(state, offline, on_sent), 3000.0);
}

std::string offline_trouble(const CalendarOffline& offline)
{
    if (!outbox_stalled(offline.outbox))
        return {};
    return offline.outbox.last_status == 0
        ? "No connection: logs are kept on this device and sent when it is back."
        : "The server is not taking logs just now; they are kept on this device and sent later.";
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
