// What a tutoring business earned: the amounts its issued and paid invoices
// bill for sessions, summed per month, per tutor and per student, for the
// administrator's revenue chart, tables and CSV. Sums refuse to overflow.
#pragma once

#include "core/result.hpp"
#include "finance/money.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

// One billed amount: an invoice line's, or the sum of several that share
// month, tutor and student.
struct BilledAmount {
    std::string month;            // "YYYY-MM" of the session
    std::int64_t tutor_id = 0;
    std::string tutor_name;
    std::int64_t student_id = 0;
    std::string student_name;
    std::int64_t amount_minor = 0;
};

struct MonthRevenue {
    std::string month;            // "YYYY-MM"
    Money amount;

    bool operator==(const MonthRevenue&) const = default;
};

struct PersonRevenue {
    std::int64_t id = 0;
    std::string name;
    Money amount;

    bool operator==(const PersonRevenue&) const = default;
};

struct RevenueReport {
    std::vector<MonthRevenue> by_month;     // every month asked for, in order, also those with nothing billed
    std::vector<PersonRevenue> by_tutor;    // most first; ties by id
    std::vector<PersonRevenue> by_student;
    Money total;

    bool operator==(const RevenueReport&) const = default;
};

// The report for `months` months from `first_year`-`first_month` (1..12).
// Amounts in months outside them are an error (the caller asked for them),
// as is a sum beyond what a bigint holds.
//   summarise_revenue({{"2026-10", 1, "Ana", 7, "Zoë", 3000}}, 2026, 9, 2, gbp)
//     -> by_month [{2026-09, £0}, {2026-10, £30}], by_tutor [{1, Ana, £30}], total £30
[[nodiscard]] Result<RevenueReport> summarise_revenue(const std::vector<BilledAmount>& amounts, int first_year,
    int first_month, int months, const Currency& currency);

} // namespace learnloop
