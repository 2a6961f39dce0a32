// Tests for shared-domain/finance/billing.*'s prepaid packages of hours:
// what a package may be, how an invoice draws on it, and the invoice that
// sells it.
#include "core/validation.hpp"
#include "finance/billing.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

namespace {

const Currency gbp { "GBP", 2 };

Money pounds(std::int64_t pence)
{
    return { pence, "GBP" };
}

// Everyone pays £30 an hour.
const std::vector<Rate> k_rates { { std::nullopt, std::nullopt, "2026-01-01", pounds(3000) } };

// Ten hours for student 7, bought on 1 October for £250 (£25 an hour).
HourPackage ten_hours(std::int64_t id = 1, std::string bought = "2026-10-01")
{
    return { id, 7, std::move(bought), "", 600, 600, pounds(25000) };
}

BilledSession session(std::int64_t id, std::string date, int minutes, std::string status = "completed",
    std::int64_t student = 7)
{
    return { id, student, 2, std::move(date), minutes, std::move(status), "English with Tom" };
}

} // namespace

TEST_CASE("a package holds 30 minutes to 500 hours at a price of nothing or more, between real days")
{
    CHECK(check_package(ten_hours()).ok());
    auto with = [](auto change) {
        auto p = ten_hours();
        change(p);
        return check_package(p);
    };
    CHECK(with([](HourPackage& p) { p.minutes = 29; }).error().field == "minutes");
    CHECK(with([](HourPackage& p) { p.minutes = 500 * 60 + 1; }).error().field == "minutes");
    CHECK(with([](HourPackage& p) { p.price = pounds(-1); }).error().field == "price");
    CHECK(with([](HourPackage& p) { p.price = pounds(0); }).ok());
    CHECK(with([](HourPackage& p) { p.purchased_on = "2026-02-30"; }).error().field == "purchased_on");
    CHECK(with([](HourPackage& p) { p.expires_on = "2026-09-30"; }).error().field == "expires_on");
    CHECK(with([](HourPackage& p) { p.expires_on = "soon"; }).error().field == "expires_on");
    CHECK(with([](HourPackage& p) { p.expires_on = "2026-10-01"; }).ok());
}

TEST_CASE("hours are typed as whole or decimal numbers of whole minutes")
{
    CHECK(parse_hours("10").value() == 600);
    CHECK(parse_hours("1.5").value() == 90);
    CHECK(parse_hours("0.25").value() == 15);
    CHECK(parse_hours("2.1").value() == 126);
    for (auto bad : { "", "-1", "1,5", "ten", "1.", ".5", "1.01", "1.333", "12345", " 1" }) {
        INFO(bad);
        CHECK(parse_hours(bad).error().field == "minutes");
    }
}

TEST_CASE("a package's size and a status's billed minutes read as people expect")
{
    CHECK(hours_for_people(600) == "10 hours");
    CHECK(hours_for_people(60) == "1 hour");
    CHECK(hours_for_people(90) == "1 hour 30 min");
    CHECK(hours_for_people(45) == "45 min");
    CHECK(billed_minutes(60, 100) == 60);
    CHECK(billed_minutes(45, 50) == 23);   // rounded up
    CHECK(billed_minutes(60, 0) == 0);
    CHECK(line_time_for_people(600, 100, 0, true) == "10 hours");
    CHECK(line_time_for_people(45, 100, 0, false) == "45 min");
    CHECK(line_time_for_people(45, 50, 0, false) == "45 min at 50%");
    CHECK(line_time_for_people(60, 100, 60, false) == "60 min, prepaid");
    CHECK(line_time_for_people(45, 50, 23, false) == "45 min at 50%, prepaid");
    CHECK(line_time_for_people(60, 100, 20, false) == "60 min, 20 min prepaid");
}

TEST_CASE("an invoice's sessions draw on the student's package before they are charged")
{
    std::vector<HourPackage> packages { ten_hours() };
    std::vector<BilledSession> sessions { session(1, "2026-10-05", 60), session(2, "2026-10-12", 45),
        session(3, "2026-10-19", 60, "late_cancel"), session(4, "2026-09-28", 60) };
    auto d = draft_invoice(sessions, k_rates, default_attendance_statuses(), gbp, 0, packages).value();
    REQUIRE(d.lines.size() == 4);
    // 28 September is before the package was bought: charged at the rate.
    CHECK(d.lines[0].occurrence_id == 4);
    CHECK(d.lines[0].package_id == 0);
    CHECK(d.lines[0].amount == pounds(3000));
    CHECK(d.lines[0].description == "English with Tom");
    // The others are prepaid: nothing charged, their share of £250 earned.
    CHECK(d.lines[1].package_id == 1);
    CHECK(d.lines[1].package_minutes == 60);
    CHECK(d.lines[1].amount == pounds(0));
    CHECK(d.lines[1].package_value == pounds(2500));
    CHECK(d.lines[1].description == "English with Tom (prepaid)");
    CHECK(d.lines[2].package_minutes == 45);
    CHECK(d.lines[2].package_value == pounds(1875));
    CHECK(d.lines[3].package_minutes == 30);   // half of an hour, cancelled late
    CHECK(d.subtotal == pounds(3000));
    CHECK(d.total == pounds(3000));
    CHECK(packages[0].minutes_left == 600 - 60 - 45 - 30);
}

TEST_CASE("the shares of a package's price add up to the price once it is used up")
{
    HourPackage p { 1, 7, "2026-10-01", "", 600, 600, pounds(10000) };   // £100 for 10 hours
    std::vector<HourPackage> packages { p };
    std::vector<BilledSession> sessions;
    for (int i = 0; i < 3; ++i)
        sessions.push_back(session(i + 1, "2026-10-0" + std::to_string(i + 5), 200));
    auto d = draft_invoice(sessions, k_rates, default_attendance_statuses(), gbp, 0, packages).value();
    std::int64_t earned = 0;
    for (const auto& line : d.lines)
        earned += line.package_value.minor;
    CHECK(d.lines[0].package_value == pounds(3333));
    CHECK(d.lines[1].package_value == pounds(3334));
    CHECK(d.lines[2].package_value == pounds(3333));
    CHECK(earned == 10000);
    CHECK(packages[0].minutes_left == 0);
}

TEST_CASE("a package that runs out covers part of a session, and the rest is charged at the rate")
{
    auto p = ten_hours();
    p.minutes_left = 20;
    std::vector<HourPackage> packages { p };
    auto d = draft_invoice({ session(1, "2026-10-05", 60), session(2, "2026-10-12", 60) }, k_rates,
        default_attendance_statuses(), gbp, 2000, packages)
                 .value();
    CHECK(d.lines[0].package_minutes == 20);
    CHECK(d.lines[0].amount == pounds(2000));   // 40 of 60 minutes at £30
    CHECK(d.lines[0].description == "English with Tom (20 min prepaid)");
    CHECK(d.lines[1].package_id == 0);
    CHECK(d.lines[1].amount == pounds(3000));
    CHECK(d.subtotal == pounds(5000));
    CHECK(d.tax == pounds(1000));   // tax only on what is charged
    CHECK(packages[0].minutes_left == 0);
}

TEST_CASE("the oldest package covering the day is drawn first; expired, other students' and spent ones are not")
{
    auto older = ten_hours(1, "2026-09-01"), newer = ten_hours(2, "2026-09-15"), other = ten_hours(3, "2026-08-01");
    older.expires_on = "2026-10-10";
    other.student_id = 8;
    auto spent = ten_hours(4, "2026-07-01");
    spent.minutes_left = 0;
    std::vector<HourPackage> packages { newer, other, spent, older };
    auto d = draft_invoice({ session(1, "2026-10-05", 60), session(2, "2026-10-12", 60) }, k_rates,
        default_attendance_statuses(), gbp, 0, packages)
                 .value();
    CHECK(d.lines[0].package_id == 1);   // the older, still in date
    CHECK(d.lines[1].package_id == 2);   // the older has expired by the 12th
    CHECK(packages[3].minutes_left == 540);
    CHECK(packages[0].minutes_left == 540);
    CHECK(packages[1].minutes_left == 600);   // another student's
    CHECK(packages[2].minutes_left == 0);
}

TEST_CASE("a package priced in another currency is not drawn on, and a package sale refuses it")
{
    auto euros = ten_hours();
    euros.price = { 25000, "EUR" };
    std::vector<HourPackage> packages { euros };
    auto d = draft_invoice({ session(1, "2026-10-05", 60) }, k_rates, default_attendance_statuses(), gbp, 0, packages)
                 .value();
    CHECK(d.lines[0].package_id == 0);
    CHECK(package_sale(euros, "Zoë", gbp, 0).error().field == "price");
}

TEST_CASE("drafting without packages charges every line as before")
{
    std::vector<BilledSession> sessions { session(1, "2026-10-05", 50, "late_cancel") };
    auto plain = draft_invoice(sessions, k_rates, default_attendance_statuses(), gbp, 0).value();
    std::vector<HourPackage> none;
    CHECK(draft_invoice(sessions, k_rates, default_attendance_statuses(), gbp, 0, none).value() == plain);
    CHECK(plain.lines[0].amount == pounds(1250));   // 25 of 50 minutes at £30
}

TEST_CASE("a package is sold on an invoice of one line at its price, with tax")
{
    auto d = package_sale(ten_hours(9), "Zoë Student", gbp, 2000).value();
    REQUIRE(d.lines.size() == 1);
    CHECK(d.lines[0].occurrence_id == 0);
    CHECK(d.lines[0].package_id == 9);
    CHECK(d.lines[0].description == "10 hours prepaid for Zoë Student");
    CHECK(d.lines[0].date == "2026-10-01");
    CHECK(d.lines[0].amount == pounds(25000));
    CHECK(d.subtotal == pounds(25000));
    CHECK(d.tax == pounds(5000));
    CHECK(d.total == pounds(30000));
    auto bad = ten_hours();
    bad.minutes = 0;
    CHECK(package_sale(bad, "Zoë", gbp, 0).error().field == "minutes");
    CHECK(package_sale(ten_hours(), "Zoë", gbp, 10001).error().field == "tax_basis_points");
}

TEST_CASE("a long description keeps its note on prepaid hours within 200 characters, whole characters only")
{
    std::string name;
    for (int i = 0; i < 120; ++i)
        name += "é";
    BilledSession s { 1, 7, 2, "2026-10-05", 60, "completed", name + name };
    std::vector<HourPackage> packages { ten_hours() };
    auto d = draft_invoice({ s }, k_rates, default_attendance_statuses(), gbp, 0, packages).value();
    const auto& text = d.lines[0].description;
    CHECK(utf8_length(text) == 200);
    CHECK(is_valid_utf8(text));
    CHECK(text.ends_with(" (prepaid)"));
    CHECK(utf8_prefix("Zoë Student", 3) == "Zoë");
    CHECK(utf8_prefix("Zoë", 10) == "Zoë");
}

TEST_CASE("a package is active, used up, expired or void, in that order of precedence")
{
    auto p = ten_hours();
    CHECK(package_state(p, false, "2026-10-02") == PackageState::Active);
    CHECK(package_state(p, true, "2026-10-02") == PackageState::Void);
    p.minutes_left = 0;
    CHECK(package_state(p, false, "2026-10-02") == PackageState::UsedUp);
    p.expires_on = "2026-12-31";
    CHECK(package_state(p, false, "2026-12-31") == PackageState::UsedUp);
    CHECK(package_state(p, false, "2027-01-01") == PackageState::Expired);
    CHECK(package_state(p, true, "2027-01-01") == PackageState::Void);
    CHECK(package_state_name(PackageState::UsedUp) == "used_up");
    CHECK(package_state_label(PackageState::UsedUp) == "Used up");
}
