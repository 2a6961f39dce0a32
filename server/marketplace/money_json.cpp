// Money on the marketplace's wire (money_json.hpp).
#include "marketplace/money_json.hpp"

namespace learnloop::server {

Currency currency_of(const std::string& code)
{
    auto found = find_currency(code);
    return found.ok() ? found.value() : Currency { code, 2 };
}

Json money_json(const Money& money)
{
    return { { "minor", money.minor }, { "text", format_money(money, currency_of(money.currency)) } };
}

} // namespace learnloop::server
