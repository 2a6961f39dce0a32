// Messages (see messages.hpp).
#include "messaging/messages.hpp"

#include "core/validation.hpp"

namespace learnloop {

namespace {

bool is_office(Role role) { return role == Role::Admin || role == Role::Moderator; }

} // namespace

bool may_message(Role from, Role to)
{
    return is_office(from) || is_office(to);
}

Result<std::string> check_message_body(std::string_view text)
{
    return validate_text(text, "body", "Message", 1, 4000, TextLines::Multiple);
}

Result<Audience> parse_audience(std::string_view name)
{
    if (name == "everyone")
        return Audience {};
    auto role = parse_role(name);
    if (!role.ok())
        return make_error(ErrorCode::InvalidArgument, "audience must be everyone or a role: admin, moderator, teacher, "
            "student or parent", "audience");
    return Audience { role.value() };
}

Result<Thread> parse_thread(std::string_view key)
{
    if (key == "notices")
        return Thread { Thread::Kind::Notices, 0 };
    if (key == "announcements")
        return Thread { Thread::Kind::Announcements, 0 };
    std::int64_t id = 0;
    bool digits = !key.empty() && key.size() <= 18 && key.front() != '0';
    for (char c : key) {
        if (c < '0' || c > '9') {
            digits = false;
            break;
        }
        id = id * 10 + (c - '0');
    }
    if (!digits)
        return make_error(ErrorCode::InvalidArgument, "with must be a person's id, notices or announcements", "with");
    return Thread { Thread::Kind::Person, id };
}

std::string message_preview(std::string_view body, std::size_t characters)
{
    std::string out;
    std::size_t count = 0;
    bool space = false;
    for (std::size_t i = 0; i < body.size();) {
        const auto c = static_cast<unsigned char>(body[i]);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            ++i;
            continue;
        }
        // One UTF-8 character: its lead byte says how long it is.
        const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (count + (space ? 1 : 0) >= characters) {
            out += "\xE2\x80\xA6";
            return out;
        }
        if (space) {
            out += ' ';
            ++count;
            space = false;
        }
        out.append(body.substr(i, length));
        ++count;
        i += length;
    }
    return out;
}

std::string thread_key(const Thread& thread)
{
    switch (thread.kind) {
    case Thread::Kind::Notices: return "notices";
    case Thread::Kind::Announcements: return "announcements";
    case Thread::Kind::Person: break;
    }
    return std::to_string(thread.person_id);
}

} // namespace learnloop
