// The messaging area's routes: each person's messages and unread count,
// writing to someone, an administrator's broadcast, marking read.
#include "messaging/routes.hpp"

#include "http/schema.hpp"
#include "messaging/message_handlers.hpp"

namespace learnloop::server {

AreaApi messaging_api()
{
    AreaApi api { "messaging", "Messages between the people of a school or business, and system notices", {},
        Json::object() };
    auto& s = api.schemas;
    s["Message"] = message_schema();
    s["ChatMessage"] = object_schema(
        {
            { "id", id_schema() },
            { "kind", enum_schema({ "direct", "broadcast", "system" }) },
            { "sender_id", nullable(id_schema()) },
            { "sender_name", nullable(string_schema("None for a system notice")) },
            { "recipient_id", id_schema() },
            { "recipient_name", string_schema() },
            { "body", string_schema() },
            { "created_at", utc_timestamp_schema() },
            { "mine", boolean_schema("Sent by the caller") },
            { "read", boolean_schema("Received messages only") },
            { "reached", integer_schema("A broadcast the caller sent: how many it reached") },
        },
        { "id", "kind", "recipient_id", "body", "created_at", "mine" });
    s["ChatMessageList"] = array_of(schema_ref("ChatMessage"));
    s["Unread"] = object_schema({ { "unread", integer_schema() }, { "latest_id", integer_schema() } },
        { "unread", "latest_id" });
    s["Contact"] = object_schema({ { "id", id_schema() }, { "name", string_schema() }, { "role", string_schema() } },
        { "id", "name", "role" });
    s["ContactList"] = array_of(schema_ref("Contact"));
    s["MessageRequest"] = request_schema({ { "recipient_id", id_schema() }, { "body", string_schema("1 to 4,000 characters") } },
        { "recipient_id", "body" });
    s["MessageSent"] = message_schema({ { "id", id_schema() } });
    s["BroadcastRequest"] = request_schema(
        { { "audience", enum_schema({ "everyone", "admin", "moderator", "teacher", "student", "parent" }) },
            { "body", string_schema("1 to 4,000 characters") },
            { "class_id", nullable(id_schema()) },
            { "teacher_id", nullable(integer_schema("Among the students a tutor or teacher teaches, and their parents")) } },
        { "audience", "body" });
    s["BroadcastSent"] = message_schema({ { "sent", integer_schema() } });
    s["Thread"] = object_schema(
        {
            { "with", string_schema("The conversation: the other person's id, notices or announcements") },
            { "messages", integer_schema() },
            { "unread", integer_schema() },
            { "last", object_schema({ { "id", id_schema() }, { "kind", enum_schema({ "direct", "broadcast", "system" }) },
                                        { "body", string_schema() }, { "created_at", utc_timestamp_schema() },
                                        { "mine", boolean_schema() }, { "sender_name", nullable(string_schema()) } },
                          { "id", "kind", "body", "created_at", "mine" }) },
            { "person", object_schema({ { "id", id_schema() }, { "name", string_schema() }, { "role", string_schema() },
                                          { "active", boolean_schema("False once they have left: no reply") } },
                            { "id", "name", "role", "active" }) },
        },
        { "with", "messages", "unread", "last" });
    s["ThreadList"] = array_of(schema_ref("Thread"));
    s["ReadRequest"] = request_schema(
        { { "up_to_id", id_schema() }, { "with", string_schema("Only this conversation's (see Thread)") } }, { "up_to_id" });
    s["ReadMarked"] = object_schema({ { "marked", integer_schema() }, { "unread", integer_schema() } }, { "marked", "unread" });

    api.routes = {
        { Method::Get, "/api/messages", Action::MessageRead, handle_list_messages, nullptr,
            "The caller's messages, newest first: received, and the direct ones and broadcasts they sent", "",
            "ChatMessageList", 200,
            { page_limit_param(), page_offset_param(),
                { "with", string_schema(), "One conversation only: a person's id, notices or announcements" } } },
        { Method::Get, "/api/messages/threads", Action::MessageRead, handle_message_threads, nullptr,
            "The caller's conversations, the latest first, each with its newest message and unread count", "",
            "ThreadList", 200, { page_limit_param(), page_offset_param() } },
        { Method::Get, "/api/messages/unread", Action::MessageRead, handle_unread_messages, nullptr,
            "The unread count and newest message id, with an ETag: 304 while nothing changed", "", "Unread", 200 },
        { Method::Get, "/api/messages/contacts", Action::MessageSend, handle_contacts, nullptr,
            "Who the caller may write to: anyone for the office, the office for everyone else", "", "ContactList", 200 },
        { Method::Post, "/api/messages", Action::MessageSend, handle_send_message, nullptr,
            "Write to someone (the office to anyone, everyone else to the office)", "MessageRequest", "MessageSent", 201 },
        { Method::Post, "/api/messages/broadcast", Action::MessageBroadcast, handle_broadcast, nullptr,
            "One message to every active person of a role, or to everyone; among one class's or one teacher's students "
            "and their parents",
            "BroadcastRequest", "BroadcastSent", 201 },
        { Method::Post, "/api/messages/read", Action::MessageRead, handle_mark_read, nullptr,
            "Mark the caller's received messages read up to an id, of one conversation or all", "ReadRequest", "ReadMarked", 200 },
    };
    return api;
}

} // namespace learnloop::server
