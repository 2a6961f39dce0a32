// What the money screens share (see money_fields.hpp).
#include "tutoring/money_fields.hpp"

#include "finance/money.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

std::string money_text(const Json& item, const std::string& key, std::string code)
{
    if (code.empty())
        code = item.value("currency", "GBP");
    auto currency = find_currency(code);
    if (!currency.ok())
        return item.value(key, "") + " " + code;
    return format_money({ item.value(key + "_minor", std::int64_t(0)), code }, currency.value());
}

void date_field(AppState& state, const char* label, char (&buffer)[11], const std::string& name)
{
    ui::labelled_input(state, label, "YYYY-MM-DD", buffer, sizeof buffer, name, 7);
}

} // namespace learnloop::client
