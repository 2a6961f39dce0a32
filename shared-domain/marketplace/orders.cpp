// The order split and refunds (orders.hpp).
#include "marketplace/orders.hpp"

#include <array>
#include <string>

namespace learnloop {

namespace {

constexpr int k_whole_bp = 10000;
constexpr std::int64_t k_most_fixed_fee = 1000000;

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

Money in(const std::string& currency, std::int64_t minor) { return { minor, currency }; }

} // namespace

Result<FeeTerms> check_fee_terms(const FeeTerms& terms)
{
    if (terms.platform_fee_bp < 0 || terms.platform_fee_bp > k_whole_bp)
        return invalid("platform_fee_bp", "The platform fee is 0% to 100% (0 to 10000 basis points)");
    if (terms.processing_bp < 0 || terms.processing_bp > k_whole_bp)
        return invalid("processing_bp", "The processing fee is 0% to 100% (0 to 10000 basis points)");
    if (terms.processing_fixed_minor < 0 || terms.processing_fixed_minor > k_most_fixed_fee)
        return invalid("processing_fixed_minor", "The fixed processing fee is 0 to 1000000 minor units");
    return terms;
}

OrderSplit zero_split(const std::string& currency)
{
    return { in(currency, 0), in(currency, 0), in(currency, 0), in(currency, 0) };
}

Result<OrderSplit> split_order(const Money& gross, const FeeTerms& terms)
{
    TRY(check_fee_terms(terms));
    if (gross.minor < 0)
        return invalid("amount", "An order's amount cannot be negative");
    auto split = zero_split(gross.currency);
    split.gross = gross;
    if (gross.minor == 0)
        return split;
    auto percentage = TRY(scale(gross, terms.processing_bp, k_whole_bp));
    auto processing = percentage.minor + terms.processing_fixed_minor;
    split.processing_fee.minor = processing < gross.minor ? processing : gross.minor;
    auto net = in(gross.currency, gross.minor - split.processing_fee.minor);
    split.platform_fee = TRY(scale(net, terms.platform_fee_bp, k_whole_bp));
    split.instructor_share.minor = net.minor - split.platform_fee.minor;
    return split;
}

Result<OrderSplit> split_refund(const OrderSplit& order, const OrderSplit& refunded_before, const Money& amount)
{
    if (amount.currency != order.gross.currency || refunded_before.gross.currency != order.gross.currency)
        return invalid("amount", "A refund is in the order's currency, " + order.gross.currency);
    if (amount.minor <= 0)
        return invalid("amount", "A refund is more than nothing");
    auto left = TRY(subtract_splits(order, refunded_before));
    if (!is_exact_split(order) || !is_exact_split(left))
        return make_error(ErrorCode::Internal, "The order's recorded split does not add up");
    if (amount.minor > left.gross.minor)
        return invalid("amount", "That is more than is left to refund of this order");

    // Largest remainder over the parts still left: each part's exact share is
    // left_part × amount / left_gross; the floors go first, then the units
    // still to place go to the largest remainders (ties: instructor,
    // platform, processing, the order of `parts`).
    std::array<std::int64_t*, 3> parts { &left.instructor_share.minor, &left.platform_fee.minor,
        &left.processing_fee.minor };
    std::array<std::int64_t, 3> share {}, remainder {};
    std::int64_t placed = 0;
    const auto whole = static_cast<__int128>(left.gross.minor);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto product = static_cast<__int128>(*parts[i]) * amount.minor;
        share[i] = static_cast<std::int64_t>(product / whole);
        remainder[i] = static_cast<std::int64_t>(product % whole);
        placed += share[i];
    }
    for (auto units = amount.minor - placed; units > 0; --units) {
        std::size_t best = 0;
        for (std::size_t i = 1; i < parts.size(); ++i)
            if (remainder[i] > remainder[best])
                best = i;
        ++share[best];
        remainder[best] = -1;   // one unit each at most: the floors lose less than one per part
    }
    auto refund = zero_split(order.gross.currency);
    refund.gross = amount;
    refund.instructor_share.minor = share[0];
    refund.platform_fee.minor = share[1];
    refund.processing_fee.minor = share[2];
    return refund;
}

Result<OrderSplit> add_splits(const OrderSplit& a, const OrderSplit& b)
{
    return OrderSplit { TRY(add(a.gross, b.gross)), TRY(add(a.processing_fee, b.processing_fee)),
        TRY(add(a.platform_fee, b.platform_fee)), TRY(add(a.instructor_share, b.instructor_share)) };
}

Result<OrderSplit> subtract_splits(const OrderSplit& a, const OrderSplit& b)
{
    return OrderSplit { TRY(subtract(a.gross, b.gross)), TRY(subtract(a.processing_fee, b.processing_fee)),
        TRY(subtract(a.platform_fee, b.platform_fee)), TRY(subtract(a.instructor_share, b.instructor_share)) };
}

bool is_exact_split(const OrderSplit& split)
{
    const auto& c = split.gross.currency;
    if (split.processing_fee.currency != c || split.platform_fee.currency != c || split.instructor_share.currency != c)
        return false;
    if (split.gross.minor < 0 || split.processing_fee.minor < 0 || split.platform_fee.minor < 0
        || split.instructor_share.minor < 0)
        return false;
    return static_cast<__int128>(split.processing_fee.minor) + split.platform_fee.minor + split.instructor_share.minor
        == split.gross.minor;
}

} // namespace learnloop
