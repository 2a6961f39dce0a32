// The offline outbox (see outbox.hpp).
#include "net/outbox.hpp"

#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/storage.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

std::string client_id_of(const Json& entry) { return entry.value("client_id", ""); }

void persist(const Outbox& box, const OutboxRoute& route) { store_save(outbox_storage(box, route)); }

} // namespace

void outbox_load(Outbox& box, const OutboxRoute& route)
{
    if (box.asked)
        return;
    box.asked = true;
    store_load(route.key);
}

void outbox_stored(AppState&, Outbox& box, const OutboxRoute& route, const std::string& json)
{
    if (box.loaded)
        return;
    box.loaded = true;
    std::vector<Json> merged;
    auto parsed = parse_json(json);
    if (parsed.ok() && parsed.value().is_array())
        for (const auto& entry : parsed.value())
            if (entry.is_object() && entry.contains("client_id") && entry["client_id"].is_string()
                && !client_id_of(entry).empty() && !outbox_holds(box, client_id_of(entry)))
                merged.push_back(entry);
    const bool added_meanwhile = !box.entries.empty();
    merged.insert(merged.end(), box.entries.begin(), box.entries.end());
    box.entries = std::move(merged);
    if (added_meanwhile)
        persist(box, route);
}

void outbox_add(Outbox& box, const OutboxRoute& route, Json entry)
{
    box.entries.push_back(std::move(entry));
    if (box.loaded)
        persist(box, route);
}

Json outbox_storage(const Outbox& box, const OutboxRoute& route)
{
    if (!box.loaded)
        return Json::object();
    return { { route.key, Json(box.entries).dump(-1, ' ', false, Json::error_handler_t::replace) } };
}

bool outbox_stalled(const Outbox& box) { return box.failures >= 3; }

bool outbox_holds(const Outbox& box, const std::string& client_id)
{
    return std::any_of(box.entries.begin(), box.entries.end(),
        [&](const Json& e) { return client_id_of(e) == client_id; });
}

void outbox_sync(AppState& state, Outbox& box, const OutboxRoute& route, double pause_ms)
{
    if (!box.loaded || !box.sending.empty() || box.entries.empty())
        return;
    if (box.failures > 0 && monotonic_ms() - box.last_try_ms < pause_ms)
        return;
    box.last_try_ms = monotonic_ms();
    const Json entry = box.entries.front();
    const auto client_id = client_id_of(entry);
    box.sending = client_id;
    api_call(state, route.method, route.path_of ? route.path_of(entry) : route.path, route.body ? route.body(entry) : entry,
        [&box, route, entry, client_id](AppState& state, const ApiAnswer& answer) {
            box.sending.clear();
            // (A 401 never arrives here: the session ends, and the outbox
            // stays stored for the next sign-in.)
            if (answer.transient()) {
                ++box.failures;
                box.last_status = answer.status;
                return;
            }
            box.failures = 0;
            box.last_status = answer.status;
            auto removed = std::erase_if(box.entries, [&](const Json& e) { return client_id_of(e) == client_id; });
            if (removed == 0)
                return;   // gone meanwhile (signed out)
            persist(box, route);
            if (answer.ok())
                ++box.synced;
            if (route.done)
                route.done(state, entry, answer);
            outbox_sync(state, box, route);
        });
}

} // namespace learnloop::client
