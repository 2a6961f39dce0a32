// How a marketplace order's money divides, and how a refund undoes it.
//
// Every order splits exactly, to the minor unit:
//     gross = processing fee + platform fee + instructor share
// The rounding rule, in this order:
//   1. the processing fee is the provider's fixed part plus its percentage of
//      the gross, rounded half away from zero, and never more than the gross;
//   2. the platform fee is the tenant's (or the instructor's negotiated)
//      percentage of what is left after processing, rounded half away from zero;
//   3. the instructor's share is the rest.
// So no part is ever negative, and a free order is all zeros.
//   split_order({4900, "GBP"}, {3000, 140, 20}) -> processing 89, platform 1443, instructor 3368
//
// A refund (full or partial) reverses each part in proportion to what is
// still left of it: the refunded amount is shared over the parts by largest
// remainder, so the reversal adds up to the refund exactly, no part is
// reversed by more than remains of it, and the last refund that brings the
// total to the gross reverses exactly what was left.
#pragma once

#include "core/result.hpp"
#include "finance/money.hpp"

#include <cstdint>

namespace learnloop {

// Percentages in basis points: 3000 is 30%.
struct FeeTerms {
    int platform_fee_bp = 3000;               // the tenant's default, or an instructor's negotiated rate
    int processing_bp = 140;                  // the payment provider's percentage
    std::int64_t processing_fixed_minor = 20; // and its fixed part per paid order, in minor units

    bool operator==(const FeeTerms&) const = default;
};

// Each percentage 0 to 100% (0 to 10000 bp), the fixed part 0 to 1,000,000
// minor units; errors name the field ("platform_fee_bp").
[[nodiscard]] Result<FeeTerms> check_fee_terms(const FeeTerms& terms);

struct OrderSplit {
    Money gross;             // what the learner paid
    Money processing_fee;    // the payment provider's
    Money platform_fee;      // the tenant's
    Money instructor_share;  // the instructor's

    bool operator==(const OrderSplit&) const = default;
};

// An empty split (every part 0) in `currency`: what has been refunded of an
// order before its first refund.
[[nodiscard]] OrderSplit zero_split(const std::string& currency);

// The split of a paid amount (0 or more). A gross of 0 has no processing fee.
[[nodiscard]] Result<OrderSplit> split_order(const Money& gross, const FeeTerms& terms);

// The parts a refund of `amount` reverses, given the order's split and what
// earlier refunds reversed. Refused (on field "amount") when the amount is not
// positive, is in another currency, or is more than is left to refund.
[[nodiscard]] Result<OrderSplit> split_refund(const OrderSplit& order, const OrderSplit& refunded_before,
    const Money& amount);

// Part by part: a + b, and a - b (refused across currencies or on overflow).
[[nodiscard]] Result<OrderSplit> add_splits(const OrderSplit& a, const OrderSplit& b);
[[nodiscard]] Result<OrderSplit> subtract_splits(const OrderSplit& a, const OrderSplit& b);

// True when every part of a split adds up to its gross and none is negative:
// what every split and refund above keeps.
[[nodiscard]] bool is_exact_split(const OrderSplit& split);

} // namespace learnloop
