// The checks of a new account's fields, shared by sign-up and the school's
// add-user form, so both say the same thing as the server.
#pragma once

#include "core/result.hpp"

#include <string_view>
#include <vector>

namespace learnloop::client {

// Every problem with the fields, each on its field ("email", "name", "password").
[[nodiscard]] std::vector<Error> new_user_errors(std::string_view email, std::string_view name,
    std::string_view password);

} // namespace learnloop::client
