// Money on the marketplace's wire: {"minor": 4900, "text": "£49.00"}, the
// amount in minor units for programs and as people read it.
#pragma once

#include "finance/money.hpp"
#include "http/api.hpp"

namespace learnloop::server {

// The currency of an ISO code, or the code with two decimals when this build
// does not know it (an amount is always shown).
[[nodiscard]] Currency currency_of(const std::string& code);
[[nodiscard]] Json money_json(const Money& money);

} // namespace learnloop::server
