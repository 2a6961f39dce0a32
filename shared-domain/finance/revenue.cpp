#include "finance/revenue.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace learnloop {

namespace {

Result<void> add_to(std::map<std::int64_t, PersonRevenue>& sums, std::int64_t id, const std::string& name,
    const Money& amount)
{
    auto [it, added] = sums.try_emplace(id, PersonRevenue { id, name, { 0, amount.currency } });
    it->second.amount = TRY(add(it->second.amount, amount));
    return {};
}

std::vector<PersonRevenue> ranked(const std::map<std::int64_t, PersonRevenue>& sums)
{
    std::vector<PersonRevenue> list;
    for (const auto& [id, person] : sums)
        list.push_back(person);
    std::stable_sort(list.begin(), list.end(),
        [](const PersonRevenue& a, const PersonRevenue& b) { return a.amount.minor > b.amount.minor; });
    return list;
}

} // namespace

Result<RevenueReport> summarise_revenue(const std::vector<BilledAmount>& amounts, int first_year, int first_month,
    int months, const Currency& currency)
{
    if (first_month < 1 || first_month > 12 || months < 1)
        return make_error(ErrorCode::InvalidArgument, "A revenue report needs a month to start and at least one month",
            "from");
    RevenueReport report;
    report.total = { 0, currency.code };
    std::map<std::string, std::size_t> index;
    for (int i = 0; i < months; ++i) {
        const int m = first_month - 1 + i;
        char key[16];
        std::snprintf(key, sizeof key, "%04d-%02d", first_year + m / 12, m % 12 + 1);
        index[key] = report.by_month.size();
        report.by_month.push_back({ key, { 0, currency.code } });
    }
    std::map<std::int64_t, PersonRevenue> tutors, students;
    for (const auto& billed : amounts) {
        auto at = index.find(billed.month);
        if (at == index.end())
            return make_error(ErrorCode::InvalidArgument, "An amount billed in " + billed.month
                + " is outside the months of the report", "month");
        const Money amount { billed.amount_minor, currency.code };
        auto& month = report.by_month[at->second].amount;
        month = TRY(add(month, amount));
        report.total = TRY(add(report.total, amount));
        TRY(add_to(tutors, billed.tutor_id, billed.tutor_name, amount));
        TRY(add_to(students, billed.student_id, billed.student_name, amount));
    }
    report.by_tutor = ranked(tutors);
    report.by_student = ranked(students);
    return report;
}

} // namespace learnloop
