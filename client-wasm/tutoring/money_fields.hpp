// What the money screens share: amounts of the API's for people, and a
// date field.
#pragma once

#include "app.hpp"

#include <string>

namespace learnloop::client {

// An amount of the API's (`key` beside `key`_minor) for people: "£12.50".
// `code`: the currency, when `item` does not name it (an invoice's lines and payments).
[[nodiscard]] std::string money_text(const Json& item, const std::string& key, std::string code = {});

// "Label [YYYY-MM-DD]" on one line, remembered as `name` for tests.
void date_field(AppState& state, const char* label, char (&buffer)[11], const std::string& name);

} // namespace learnloop::client
