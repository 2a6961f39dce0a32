// Messages (see message_handlers.hpp): [SECTION] reading, [SECTION] writing.
// Who may write to whom is shared-domain's messaging/messages; this file
// reads requests, scopes them to the caller and writes.
#include "messaging/message_handlers.hpp"

#include "audit/audit_log.hpp"
#include "messaging/messages.hpp"
#include "platform/crypto.hpp"

namespace learnloop::server {

namespace {

Json message_json(const pqxx::row& row)
{
    const auto kind = row["kind"].as<std::string>();
    Json json { { "id", row["id"].as<std::int64_t>() }, { "kind", kind },
        { "sender_id", nullable_json<std::int64_t>(row["sender_id"]) },
        { "sender_name", nullable_json<std::string>(row["sender_name"]) },
        { "recipient_id", row["recipient_id"].as<std::int64_t>() },
        { "recipient_name", row["recipient_name"].as<std::string>() }, { "body", row["body"].as<std::string>() },
        { "created_at", row["created_at"].as<std::string>() }, { "mine", row["mine"].as<bool>() } };
    if (!row["mine"].as<bool>())
        json["read"] = row["read"].as<bool>();
    if (!row["reached"].is_null())
        json["reached"] = row["reached"].as<std::int64_t>();
    return json;
}

// ?with= or a body's "with": one conversation (shared-domain Thread); none
// when absent. A person who is not of the caller's business is 404 (one who
// has left is not: their conversation stays readable).
Result<std::optional<std::string>> thread_of(pqxx::work& txn, const std::optional<std::string>& text)
{
    if (!text)
        return std::optional<std::string>();
    auto thread = TRY(parse_thread(*text));
    if (thread.kind == Thread::Kind::Person && exec_named(txn, "messaging/person_in_business", thread.person_id).empty())
        return make_error(ErrorCode::NotFound, "No such person in your school or business");
    return std::optional<std::string>(thread_key(thread));
}

std::optional<std::string> query_text(const httplib::Request& req, const char* name)
{
    if (!req.has_param(name))
        return std::nullopt;
    return req.get_param_value(name);
}

Json thread_json(const pqxx::row& row)
{
    Json json { { "with", row["thread"].as<std::string>() }, { "messages", row["messages"].as<std::int64_t>() },
        { "unread", row["unread"].as<std::int64_t>() },
        { "last", { { "id", row["id"].as<std::int64_t>() }, { "kind", row["kind"].as<std::string>() },
                      { "body", row["body"].as<std::string>() }, { "created_at", row["created_at"].as<std::string>() },
                      { "mine", row["mine"].as<bool>() },
                      { "sender_name",
                          nullable_json<std::string>(row["sender_name"]) } } } };
    if (!row["person_id"].is_null())
        json["person"] = { { "id", row["person_id"].as<std::int64_t>() }, { "name", row["person_name"].as<std::string>() },
            { "role", row["person_role"].as<std::string>() }, { "active", row["person_active"].as<bool>() } };
    return json;
}

} // namespace

// [SECTION] reading --------------------------------------------------------------

Result<ApiResponse> handle_list_messages(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    auto thread = TRY(thread_of(txn, query_text(req, "with")));
    auto rows = exec_page(txn, "messaging/messages_of", page, caller.user_id, thread);
    return paged_response(req, page, rows, message_json);
}

// GET /api/messages/threads: the caller's conversations, the latest first.
Result<ApiResponse> handle_message_threads(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto page = TRY(parse_page(req));
    auto rows = exec_page(txn, "messaging/threads_of", page, caller.user_id);
    return paged_response(req, page, rows, thread_json);
}

// GET /api/messages/unread: the unread count and the newest message's id,
// polled by the portals. Its ETag changes only when they do, so a poll that
// sends If-None-Match is answered 304 with no body while nothing is new.
Result<ApiResponse> handle_unread_messages(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto row = exec_named(txn, "messaging/unread", caller.user_id)[0];
    const auto unread = row["unread"].as<std::int64_t>(), latest = row["latest"].as<std::int64_t>();
    const auto etag = "\"m" + std::to_string(latest) + "-" + std::to_string(unread) + "-"
        + std::to_string(row["latest_read"].as<std::int64_t>()) + "\"";
    ApiResponse response;
    response.headers = { { "ETag", etag }, { "Cache-Control", "private, no-cache" } };
    if (req.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        return response;
    }
    response.status = 200;
    response.body = { { "unread", unread }, { "latest_id", latest } };
    return response;
}

Result<ApiResponse> handle_contacts(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    const bool office = caller.role == Role::Admin || caller.role == Role::Moderator;
    Json list = Json::array();
    for (const auto& row : exec_named(txn, "messaging/contacts", caller.user_id, office))
        list.push_back({ { "id", row["id"].as<std::int64_t>() }, { "name", row["name"].as<std::string>() },
            { "role", row["role"].as<std::string>() } });
    return json_response(200, list);
}

// [SECTION] writing --------------------------------------------------------------

// POST /api/messages: {"recipient_id", "body"}. The office writes to
// anyone; everyone else to the office (403 otherwise).
Result<ApiResponse> handle_send_message(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "recipient_id", "body" }));
    auto recipient_id = TRY(json_int_field(body, "recipient_id"));
    auto text = TRY(check_message_body(TRY(json_string_field(body, "body"))));
    auto found = exec_named(txn, "access/person", recipient_id);
    if (found.empty() || recipient_id == caller.user_id)
        return make_error(ErrorCode::InvalidArgument, "recipient_id must be someone else in your school or business",
            "recipient_id");
    auto role = parse_role(found[0]["role"].as<std::string>());
    if (!role.ok())
        return make_error(ErrorCode::Internal, "A user has a role this server does not know");
    if (!may_message(caller.role, role.value()))
        return role_refused("You can write to the office (administrators and moderators) only");
    auto id = exec_named(txn, "messaging/insert_message", caller.tenant_id, caller.user_id, recipient_id, text)[0]["id"]
                  .as<std::int64_t>();
    append_audit(txn, { caller.tenant_id, caller.actor(), "message.send", "message", std::to_string(id), nullptr,
                          { { "recipient_id", recipient_id }, { "characters", text.size() } } });
    return json_response(201, { { "message", "Message sent to " + found[0]["name"].as<std::string>() }, { "id", id } });
}

// POST /api/messages/broadcast: {"audience": a role or "everyone", "body",
// "class_id"? or "teacher_id"?}: a copy for every active person it names
// (administrators only) — with a class, among its students and their
// parents; with a teacher or tutor, among the students they teach and their
// parents.
Result<ApiResponse> handle_broadcast(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "audience", "body", "class_id", "teacher_id" }));
    auto audience = TRY(parse_audience(TRY(json_string_field(body, "audience"))));
    auto text = TRY(check_message_body(TRY(json_string_field(body, "body"))));
    std::optional<std::int64_t> class_id, teacher_id;
    if (body.contains("class_id") && !body["class_id"].is_null()) {
        class_id = TRY(json_int_field(body, "class_id"));
        if (exec_named(txn, "access/class_teacher", *class_id).empty())
            return make_error(ErrorCode::InvalidArgument, "class_id must be one of the school's classes", "class_id");
    }
    if (body.contains("teacher_id") && !body["teacher_id"].is_null()) {
        teacher_id = TRY(json_int_field(body, "teacher_id"));
        auto teacher = exec_named(txn, "access/person", *teacher_id);
        if (teacher.empty() || teacher[0]["role"].as<std::string>() != "teacher")
            return make_error(ErrorCode::InvalidArgument, "teacher_id must be one of the business's tutors or teachers",
                "teacher_id");
    }
    if (class_id && teacher_id)
        return make_error(ErrorCode::InvalidArgument, "Send to a class or to a teacher's students, not both", "teacher_id");
    // The copies share an id of their own: 62 random bits.
    const auto broadcast_id = static_cast<std::int64_t>(std::stoull(random_hex(8), nullptr, 16) >> 2) + 1;
    std::optional<std::string> role;
    if (audience.role)
        role = std::string(role_name(*audience.role));
    auto sent = exec_named(txn, "messaging/broadcast", caller.tenant_id, caller.user_id, broadcast_id, text, role, class_id,
        teacher_id)[0]["sent"]
                    .as<std::int64_t>();
    if (sent == 0)
        return headline_error(ErrorCode::Conflict, "Conflict", "Nobody would receive this message");
    append_audit(txn, { caller.tenant_id, caller.actor(), "message.broadcast", "message", std::to_string(broadcast_id),
                          nullptr,
                          { { "audience", role ? Json(*role) : Json("everyone") },
                              { "class_id", class_id ? Json(*class_id) : Json(nullptr) },
                              { "teacher_id", teacher_id ? Json(*teacher_id) : Json(nullptr) }, { "sent", sent } } });
    return json_response(201, { { "message", "Message sent to " + std::to_string(sent) + (sent == 1 ? " person" : " people") },
                                  { "sent", sent } });
}

// POST /api/messages/read: {"up_to_id", "with"?}: the caller has read what
// they received up to that message (of one conversation, with "with").
Result<ApiResponse> handle_mark_read(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    TRY(json_only_fields(body, { "up_to_id", "with" }));
    auto up_to = TRY(json_int_field(body, "up_to_id"));
    if (up_to < 1)
        return make_error(ErrorCode::InvalidArgument, "up_to_id must be a message id", "up_to_id");
    std::optional<std::string> with;
    if (body.contains("with"))
        with = TRY(json_string_field(body, "with"));
    auto thread = TRY(thread_of(txn, with));
    auto marked = exec_named(txn, "messaging/mark_read", caller.user_id, up_to, thread).size();
    if (marked > 0) {
        Json after { { "marked", marked } };
        if (thread)
            after["with"] = *thread;
        append_audit(txn, { caller.tenant_id, caller.actor(), "message.read", "message", std::to_string(up_to), nullptr,
                              std::move(after) });
    }
    auto unread = exec_named(txn, "messaging/unread", caller.user_id)[0]["unread"].as<std::int64_t>();
    return json_response(200, { { "marked", marked }, { "unread", unread } });
}

} // namespace learnloop::server
