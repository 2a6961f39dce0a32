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

} // namespace learnloop
