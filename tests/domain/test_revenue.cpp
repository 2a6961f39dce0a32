// Revenue per month, tutor and student (finance/revenue.hpp).
#include "finance/revenue.hpp"

#include <catch2/catch.hpp>

#include <climits>

using namespace learnloop;

namespace {

const Currency gbp { "GBP", 2 };

Money pounds(std::int64_t minor) { return { minor, "GBP" }; }

} // namespace

TEST_CASE("revenue is summed per month, tutor and student, every month shown, most first")
{
    std::vector<BilledAmount> billed { { "2026-11", 1, "Ana", 7, "Zoë", 3000 }, { "2026-12", 2, "Bo", 7, "Zoë", 4500 },
        { "2026-12", 1, "Ana", 8, "Yusuf", 1500 }, { "2027-01", 1, "Ana", 8, "Yusuf", 2000 } };
    auto report = summarise_revenue(billed, 2026, 10, 4, gbp).value();
    REQUIRE(report.by_month.size() == 4);
    CHECK(report.by_month[0] == MonthRevenue { "2026-10", pounds(0) });
    CHECK(report.by_month[1] == MonthRevenue { "2026-11", pounds(3000) });
    CHECK(report.by_month[2] == MonthRevenue { "2026-12", pounds(6000) });
    CHECK(report.by_month[3] == MonthRevenue { "2027-01", pounds(2000) });
    CHECK(report.total == pounds(11000));
    REQUIRE(report.by_tutor.size() == 2);
    CHECK(report.by_tutor[0] == PersonRevenue { 1, "Ana", pounds(6500) });
    CHECK(report.by_tutor[1] == PersonRevenue { 2, "Bo", pounds(4500) });
    REQUIRE(report.by_student.size() == 2);
    CHECK(report.by_student[0] == PersonRevenue { 7, "Zoë", pounds(7500) });
    CHECK(report.by_student[1] == PersonRevenue { 8, "Yusuf", pounds(3500) });
    // The sums are exact: the months, the tutors and the students each add up to the total.
    std::int64_t months = 0, tutors = 0, students = 0;
    for (const auto& m : report.by_month)
        months += m.amount.minor;
    for (const auto& t : report.by_tutor)
        tutors += t.amount.minor;
    for (const auto& s : report.by_student)
        students += s.amount.minor;
    CHECK(months == report.total.minor);
    CHECK(tutors == report.total.minor);
    CHECK(students == report.total.minor);
}

TEST_CASE("a revenue report with nothing billed shows every month at nothing")
{
    auto report = summarise_revenue({}, 2026, 12, 2, gbp).value();
    REQUIRE(report.by_month.size() == 2);
    CHECK(report.by_month[1].month == "2027-01");
    CHECK(report.total == pounds(0));
    CHECK(report.by_tutor.empty());
}

TEST_CASE("a revenue report refuses amounts outside its months, bad months and overflow")
{
    CHECK(summarise_revenue({ { "2026-09", 1, "Ana", 7, "Zoë", 1 } }, 2026, 10, 1, gbp).error().field == "month");
    CHECK_FALSE(summarise_revenue({}, 2026, 13, 1, gbp).ok());
    CHECK_FALSE(summarise_revenue({}, 2026, 1, 0, gbp).ok());
    const std::int64_t big = INT64_MAX / 2 + 1;
    CHECK_FALSE(summarise_revenue({ { "2026-10", 1, "Ana", 7, "Zoë", big }, { "2026-10", 1, "Ana", 7, "Zoë", big } },
        2026, 10, 1, gbp).ok());
}
