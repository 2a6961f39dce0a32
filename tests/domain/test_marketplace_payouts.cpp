// An instructor's earnings and the monthly payouts (marketplace/payouts.hpp).
#include "core/random.hpp"
#include "marketplace/payouts.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

constexpr std::int64_t k_day = 86400;
constexpr std::int64_t k_hold = 14 * k_day;
// 2026-11-01T00:00:00Z and 2026-12-01T00:00:00Z.
constexpr std::int64_t k_november = 1793491200;
constexpr std::int64_t k_december = 1796083200;

Money gbp(std::int64_t minor) { return { minor, "GBP" }; }

EarningLine order(std::int64_t id, const char* month, std::int64_t paid_at, Money share, std::int64_t refunded = 0)
{
    return { id, month, paid_at, share, { refunded, share.currency } };
}

} // namespace

TEST_CASE("earnings: pending while held, then available, due and paid", "[marketplace][payouts]")
{
    const auto now = k_december + 5 * k_day;
    const std::vector<EarningLine> lines {
        order(1, "2026-11", k_november + 2 * k_day, gbp(3368)),              // cleared
        order(2, "2026-11", k_november + 20 * k_day, gbp(3368), 1000),       // cleared, part refunded
        order(3, "2026-12", k_december + 1 * k_day, gbp(1000)),              // held
        order(4, "2026-11", k_november + 3 * k_day, { 2500, "EUR" }),        // another currency
    };
    auto earnings = summarize_earnings(lines, {}, now, k_hold);
    REQUIRE(earnings.size() == 2);
    CHECK(earnings[0].currency == "EUR");
    const auto& pounds = earnings[1];
    CHECK(pounds.earned == gbp(7736));
    CHECK(pounds.refunded == gbp(1000));
    CHECK(pounds.pending == gbp(1000));
    CHECK(pounds.available == gbp(5736));
    CHECK(pounds.due == gbp(0));

    // A payout for November: what cleared of November's orders; then nothing more.
    auto plan = plan_payouts(lines, {}, "2026-11", now, k_hold, 5000);
    REQUIRE(plan.size() == 1);   // EUR 25.00 is under the threshold: it carries over
    CHECK(plan[0] == gbp(5736));
    std::vector<PayoutLine> payouts { { "2026-11", gbp(5736), false } };
    CHECK(plan_payouts(lines, payouts, "2026-11", now, k_hold, 5000).empty());
    earnings = summarize_earnings(lines, payouts, now, k_hold);
    CHECK(earnings[1].available == gbp(0));
    CHECK(earnings[1].due == gbp(5736));
    payouts[0].paid = true;
    CHECK(summarize_earnings(lines, payouts, now, k_hold)[1].paid == gbp(5736));

    // A refund after the payout: less than nothing available, taken from the next.
    auto later = lines;
    later[0].refunded = gbp(3368);
    earnings = summarize_earnings(later, payouts, now, k_hold);
    CHECK(earnings[1].available == gbp(-3368));
    later.push_back(order(5, "2026-12", k_december + 2 * k_day, gbp(9000)));
    plan = plan_payouts(later, payouts, "2026-12", k_december + 40 * k_day, k_hold, 5000);
    REQUIRE(plan.size() == 1);
    CHECK(plan[0] == gbp(1000 + 9000 - 3368));
}

TEST_CASE("payout months are real months that are over", "[marketplace][payouts]")
{
    CHECK(check_payout_month("2026-11", "2026-12").value() == "2026-11");
    CHECK(month_for_people("2026-11") == "Nov 2026");
    CHECK(month_for_people("soon") == "soon");
    CHECK(month_before("2026-12") == "2026-11");
    CHECK(month_before("2027-01") == "2026-12");
    CHECK(month_before("2026-13").empty());
    CHECK(month_before("").empty());
    CHECK(check_payout_month("2026-12", "2026-12").error().field == "month");
    CHECK(check_payout_month("2027-01", "2026-12").error().message == "Payouts are made for months that are over");
    for (const char* bad : { "2026-13", "2026-1", "26-11", "2026/11", "", "2026-11-01" })
        CHECK(check_payout_month(bad, "2026-12").error().message == "A month is written YYYY-MM, such as 2026-11");
}

TEST_CASE("earnings always add up: earned less refunded is pending, available, due and paid", "[marketplace][payouts]")
{
    SeededRandom rng(20261207);
    const char* months[] = { "2026-08", "2026-09", "2026-10", "2026-11" };
    const char* currencies[] = { "GBP", "EUR", "USD" };
    for (int round = 0; round < 2000; ++round) {
        std::vector<EarningLine> lines;
        const auto count = rng.below(20);
        for (std::uint64_t i = 0; i < count; ++i) {
            const auto m = rng.below(4);
            const auto share = static_cast<std::int64_t>(rng.below(20000));
            lines.push_back(order(static_cast<std::int64_t>(i), months[m],
                k_november - static_cast<std::int64_t>(3 - m) * 30 * k_day + static_cast<std::int64_t>(rng.below(30)) * k_day,
                { share, currencies[rng.below(3)] }, static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(share) + 1))));
        }
        std::vector<PayoutLine> payouts;
        const auto now = k_december + static_cast<std::int64_t>(rng.below(40)) * k_day;
        const auto threshold = static_cast<std::int64_t>(rng.below(8000));
        for (const char* month : months)
            for (const auto& amount : plan_payouts(lines, payouts, month, now, k_hold, threshold))
                payouts.push_back({ month, amount, rng.below(2) == 0 });
        for (const auto& e : summarize_earnings(lines, payouts, now, k_hold)) {
            INFO("round " << round << " " << e.currency);
            CHECK(e.earned.minor - e.refunded.minor
                == e.pending.minor + e.available.minor + e.due.minor + e.paid.minor);
            CHECK(e.available.minor >= 0);   // no refund came after these payouts
            CHECK(e.pending.minor >= 0);
        }
        // A second run for the last month owes nothing more.
        CHECK(plan_payouts(lines, payouts, "2026-11", now, k_hold, threshold).empty());
    }
}
