// The rules for a new user's fields, composed once for every form and endpoint.
#include "identity/new_user.hpp"

#include "core/validation.hpp"
#include "identity/password_policy.hpp"
#include "identity/permissions.hpp"
#include "identity/user_fields.hpp"

namespace learnloop {

Result<NewUserInput> read_new_user_input(const Json& body)
{
    NewUserInput input;
    input.email = TRY(json_string_field(body, "email"));
    input.name = TRY(json_string_field(body, "name"));
    input.password = TRY(json_string_field(body, "password"));
    input.role = TRY(json_string_field(body, "role"));
    if (body.contains("profile"))
        input.profile = body["profile"];
    return input;
}

namespace {

Result<Role> new_user_role(const std::string& name, NewUserRoles roles)
{
    if (roles == NewUserRoles::Any)
        return parse_role(name);
    // One message for an unknown role and a role nobody may give themselves:
    // the sign-up form offers just these two.
    auto role = parse_role(name);
    if (!role.ok() || !may_sign_up_as(role.value()))
        return make_error(ErrorCode::InvalidArgument, "Role must be teacher or student", "role");
    return role;
}

// Runs every rule, handing each problem to `report`; stops at the first when
// `report` returns false. One body for both the first-error and every-error
// forms, so they cannot drift apart.
template<typename Report>
ValidNewUser check_new_user(const NewUserInput& input, NewUserRoles roles, Report&& report)
{
    ValidNewUser user;
    auto step = [&](auto result, auto assign) {
        if (!result.ok())
            return report(result.release_error());
        assign(result.release_value());
        return true;
    };
    bool go = step(new_user_role(input.role, roles), [&](Role role) { user.role = role; });
    if (go && input.profile)
        go = step(apply_profile_changes(*input.profile, Json::object()), [&](Json profile) { user.profile = profile; });
    if (go)
        go = step(validate_email(input.email), [&](std::string email) { user.email = email; });
    if (go)
        go = step(validate_display_name(input.name), [&](std::string name) { user.name = name; });
    // Checked against the normalised email and trimmed name when they are
    // valid, else as typed.
    if (go) {
        auto password = check_new_password(input.password,
            { user.email.empty() ? input.email : user.email, user.name.empty() ? input.name : user.name });
        if (password.ok())
            user.password = input.password;
        else
            report(password.release_error());
    }
    return user;
}

} // namespace

Result<ValidNewUser> validate_new_user(const NewUserInput& input, NewUserRoles roles)
{
    std::optional<Error> first;
    auto user = check_new_user(input, roles, [&](Error error) {
        first = std::move(error);
        return false;
    });
    if (first)
        return *first;
    return user;
}

std::vector<Error> new_user_errors(const NewUserInput& input, NewUserRoles roles)
{
    std::vector<Error> errors;
    (void)check_new_user(input, roles, [&](Error error) {
        errors.push_back(std::move(error));
        return true;
    });
    return errors;
}

Result<Json> apply_profile_changes(const Json& changes, Json profile)
{
    if (!changes.is_object())
        return make_error(ErrorCode::InvalidArgument, "profile must be an object", "profile");
    for (const auto& [key, value] : changes.items()) {
        if (key != "class" && key != "school" && key != "branch")
            return make_error(ErrorCode::InvalidArgument, "Unknown profile field " + key, "profile." + key);
        if (value.is_null()) {
            profile.erase(key);
            continue;
        }
        if (!value.is_string())
            return make_error(ErrorCode::InvalidArgument, key + " must be a string", "profile." + key);
        profile[key] = TRY(validate_text(value.get<std::string>(), "profile." + key, key, 0, 100, TextLines::Single));
    }
    return profile;
}

} // namespace learnloop
