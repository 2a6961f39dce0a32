// A new account's field checks (see new_user.hpp).
#include "identity/new_user.hpp"

#include "core/validation.hpp"
#include "identity/user_fields.hpp"

namespace learnloop::client {

std::vector<Error> new_user_errors(std::string_view email, std::string_view name, std::string_view password)
{
    std::vector<Error> errors;
    if (auto r = validate_email(email); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_display_name(name); !r.ok())
        errors.push_back(r.error());
    if (auto r = validate_new_password(password, email); !r.ok())
        errors.push_back(r.error());
    return errors;
}

} // namespace learnloop::client
