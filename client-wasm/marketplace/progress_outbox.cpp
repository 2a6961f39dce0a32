// Progress marks kept offline (see progress_outbox.hpp).
#include "marketplace/progress_outbox.hpp"

#include "platform/random.hpp"

namespace learnloop::client {

namespace {

OutboxRoute progress_route(const AppState& state, ProgressOutbox& box, ProgressSent on_sent)
{
    OutboxRoute route;
    route.key = "lesson-progress-user-" + std::to_string(state.session.user_id);
    route.method = "PUT";
    route.path_of = [](const Json& entry) {
        return "/api/marketplace/lessons/" + std::to_string(entry.value("lesson_id", std::int64_t(0))) + "/progress";
    };
    // Only what the route reads: the lesson and the title stay for the screen.
    route.body = [](const Json& entry) {
        ProgressUpdate update;
        update.completed = entry.value("completed", false);
        update.seconds_spent = entry.value("seconds_spent", 0);
        return progress_update_to_json(update);
    };
    route.done = [&box, on_sent = std::move(on_sent)](AppState& state, const Json& entry, const ApiAnswer& answer) {
        if (!answer.ok())
            box.notice = "Your progress in " + entry.value("title", std::string("a lesson")) + " was not saved: "
                + answer.error_text();
        if (on_sent)
            on_sent(state, entry, answer);
    };
    return route;
}

} // namespace

void progress_outbox_load(AppState& state, ProgressOutbox& box)
{
    outbox_load(box.outbox, progress_route(state, box, nullptr));
}

bool progress_outbox_stored(AppState& state, ProgressOutbox& box, const std::string& key, const std::string& json)
{
    auto route = progress_route(state, box, nullptr);
    if (key != route.key)
        return false;
    outbox_stored(state, box.outbox, route, json);
    return true;
}

void progress_outbox_queue(ProgressOutbox& box, const AppState& state, std::int64_t lesson_id,
    const std::string& title, const ProgressUpdate& update)
{
    outbox_add(box.outbox, progress_route(state, box, nullptr),
        { { "lesson_id", lesson_id }, { "completed", update.completed.value_or(false) },
            { "seconds_spent", update.seconds_spent.value_or(0) }, { "title", title },
            { "client_id", new_client_id('p') } });
}

void progress_outbox_sync(AppState& state, ProgressOutbox& box, ProgressSent on_sent)
{
    outbox_sync(state, box.outbox, progress_route(state, box, std::move(on_sent)), 3000.0);
}

std::size_t progress_outbox_waiting(const ProgressOutbox& box)
{
    return box.outbox.entries.size();
}

std::string progress_outbox_status(const ProgressOutbox& box)
{
    const auto waiting = box.outbox.entries.size();
    if (waiting == 0)
        return {};
    return (waiting == 1 ? std::string("1 progress mark is") : std::to_string(waiting) + " progress marks are")
        + " kept on this device and sent when the connection is back.";
}

} // namespace learnloop::client
