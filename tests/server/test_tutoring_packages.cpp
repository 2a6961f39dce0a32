// Prepaid packages of hours through the API, black box against the real
// server and PostgreSQL: a package is sold on an invoice of its own, the
// student's later sessions draw on it (and are charged only for what it does
// not cover), revenue counts what the hours earned when used, voiding frees
// what was drawn, a sale cannot be voided under invoices that drew on it,
// who sees packages, and bad input that writes nothing.
#include "tutoring_support.hpp"

#include <catch2/catch.hpp>

using namespace learnloop::test;

namespace {

Reply sell(ApiFixture& f, Json body)
{
    return f.api().post("/api/tutoring/packages", body, f.token(f.demo.admin));
}

Json packages(ApiFixture& f, const Person& as)
{
    auto reply = f.api().get("/api/tutoring/packages", f.token(as));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    return reply.json;
}

} // namespace

TEST_CASE("a package of hours is sold on its own invoice; later sessions draw on it and are charged only the rest",
    "[api][tutoring][billing][packages]")
{
    ApiFixture f("bill_packages", {});
    auto& D = f.demo;
    auto& api = f.api();
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });

    // Two hours for £50, from 6 January; the student's parent pays.
    auto sold = sell(f, { { "student_id", D.student.id }, { "minutes", 120 }, { "price", "50" },
                            { "purchased_on", "2026-01-06" } });
    INFO(describe(sold));
    REQUIRE(sold.status == 201);
    CHECK(sold.json["message"]
        == "2 hours prepaid for " + D.student.name + "; the draft invoice for £50.00 is ready to issue to " + D.parent.name);
    const auto package = sold.json["id"].get<std::int64_t>(), sale = sold.json["invoice_id"].get<std::int64_t>();
    auto invoice = api.get(invoice_path(sale), f.token(D.admin)).json;
    CHECK(invoice["family_id"] == D.parent.id);
    CHECK(invoice["total"] == "50.00");
    REQUIRE(invoice["lines"].size() == 1);
    CHECK(invoice["lines"][0]["description"] == "2 hours prepaid for " + D.student.name);
    CHECK(invoice["lines"][0]["occurrence_id"].is_null());
    CHECK(invoice["lines"][0]["package_id"] == package);
    CHECK(invoice["sells_package"] == true);

    // The parent sees it once its invoice is issued.
    CHECK(packages(f, D.parent).empty());
    auto listed = packages(f, D.admin);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["state"] == "active");
    CHECK(listed[0]["left"] == "2 hours");
    CHECK(listed[0]["price"] == "50.00");
    CHECK(listed[0]["invoice_number"].is_null());
    const auto sale_number = issue(f, sale)["invoice"]["number"].get<std::string>();
    auto seen = packages(f, D.parent);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0]["invoice_number"] == sale_number);

    // Four Monday hours: the 5th is before the package; the 12th and 19th use
    // it up; the 26th is charged.
    auto mondays = book_weekly(f, D.teacher, D.student, "2026-01-05T16:00:00", 4);
    for (auto day : { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26" })
        log_session(f, mondays, std::string(day) + "T16:00:00", "completed");
    auto made = draft(f, D.parent.id, "2026-01-01", "2026-01-31");
    INFO(describe(made));
    REQUIRE(made.status == 201);
    CHECK(made.json["message"] == "Draft invoice made for " + D.parent.name + "; 2 sessions are paid from prepaid hours");
    const auto month = made.json["id"].get<std::int64_t>();
    invoice = api.get(invoice_path(month), f.token(D.admin)).json;
    std::vector<std::string> lines;
    for (const auto& line : invoice["lines"])
        lines.push_back(line["date"].get<std::string>() + " " + line["amount"].get<std::string>() + " "
            + std::to_string(line["package_minutes"].get<int>()));
    CHECK(lines == std::vector<std::string> { "2026-01-05 30.00 0", "2026-01-12 0.00 60", "2026-01-19 0.00 60", "2026-01-26 30.00 0" });
    CHECK(invoice["lines"][1]["description"] == "Maths with " + D.teacher.name + " (prepaid)");
    CHECK(invoice["total"] == "60.00");
    CHECK(invoice["sells_package"] == false);
    // As a PDF: the prepaid lines say so, and cost nothing.
    {
        TempDir dir("pdf");
        auto path = dir.write("invoice.pdf", api.get(invoice_path(month, ".pdf"), f.token(D.admin)).body);
        auto text = run_process({ "/usr/bin/pdftotext", "-layout", "-enc", "UTF-8", path, "-" });
        INFO(text.out);
        CHECK(text.out.find("60 min, prepaid") != std::string::npos);
        CHECK(text.out.find("(prepaid)") != std::string::npos);
        path = dir.write("sale.pdf", api.get(invoice_path(sale, ".pdf"), f.token(D.admin)).body);
        text = run_process({ "/usr/bin/pdftotext", "-layout", "-enc", "UTF-8", path, "-" });
        INFO(text.out);
        CHECK(text.out.find("Bought") != std::string::npos);
        CHECK(text.out.find("2 hours prepaid for " + D.student.name) != std::string::npos);
    }
    listed = packages(f, D.admin);
    CHECK(listed[0]["minutes_left"] == 0);
    CHECK(listed[0]["state"] == "used_up");
    CHECK(listed[0]["state_label"] == "Used up");

    // Revenue: the prepaid sessions earn their share of the package's price
    // (£25 each); the package's sale itself is not a session.
    const auto month_number = issue(f, month)["invoice"]["number"].get<std::string>();
    auto revenue = api.get("/api/tutoring/revenue?from=2026-01&to=2026-01", f.token(D.admin));
    REQUIRE(revenue.status == 200);
    CHECK(revenue.json["total"] == "110.00");

    // The sale cannot be voided while an invoice has drawn on it; once that
    // one is voided its minutes are back, and then the sale can go.
    check_error(api.post(invoice_path(sale, "/void"), Json::object(), f.token(D.admin)), 409, "Conflict",
        "This invoice sells prepaid hours that sessions on " + month_number + " have used; void that invoice first");
    REQUIRE(api.post(invoice_path(month, "/void"), Json::object(), f.token(D.admin)).status == 200);
    CHECK(packages(f, D.admin)[0]["minutes_left"] == 120);
    auto voided = api.post(invoice_path(sale, "/void"), Json::object(), f.token(D.admin));
    CHECK(voided.status == 200);
    CHECK(voided.json["message"] == "Invoice voided; the prepaid hours it sold are void too");
    CHECK(packages(f, D.admin)[0]["state"] == "void");
    // A void package covers nothing: the month is charged in full.
    CHECK(api.get(invoice_path(made_draft(f, D.parent.id, "2026-01-01", "2026-01-31")), f.token(D.admin)).json["total"]
        == "120.00");
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'package.create'") == 1);
}

TEST_CASE("a package ends on its last day, and a partly covered session is charged for the rest",
    "[api][tutoring][billing][packages]")
{
    ApiFixture f("bill_package_end", {});
    auto& D = f.demo;
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "40.00" } });
    // 90 minutes, 5 to 18 January, paid by the student themself.
    auto sold = sell(f, { { "student_id", D.student.id }, { "family_id", D.student.id }, { "minutes", 90 },
                            { "price", "54.00" }, { "purchased_on", "2026-01-05" }, { "expires_on", "2026-01-18" } });
    INFO(describe(sold));
    REQUIRE(sold.status == 201);
    issue(f, sold.json["invoice_id"].get<std::int64_t>());
    // Another package, still on a draft invoice: it covers nothing yet.
    REQUIRE(sell(f, { { "student_id", D.student.id }, { "minutes", 600 }, { "price", "300.00" },
                        { "purchased_on", "2026-01-05" } })
                .status
        == 201);
    auto mondays = book_weekly(f, D.teacher, D.student, "2026-01-05T16:00:00", 3);
    for (auto day : { "2026-01-05", "2026-01-12", "2026-01-19" })
        log_session(f, mondays, std::string(day) + "T16:00:00", "completed");
    auto month = made_draft(f, D.student.id, "2026-01-01", "2026-01-31");
    auto invoice = f.api().get(invoice_path(month), f.token(D.admin)).json;
    REQUIRE(invoice["lines"].size() == 3);
    CHECK(invoice["lines"][0]["amount"] == "0.00");
    CHECK(invoice["lines"][1]["amount"] == "20.00");   // 30 of 60 minutes left on it
    CHECK(invoice["lines"][1]["description"] == "Maths with " + D.teacher.name + " (30 min prepaid)");
    CHECK(invoice["lines"][2]["amount"] == "40.00");   // the 19th: it has ended
    CHECK(invoice["total"] == "60.00");
}

TEST_CASE("package input is checked, only administrators sell, and nothing is half-written",
    "[api][tutoring][billing][packages][permissions]")
{
    ApiFixture f("bill_package_input", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto stranger = f.create_user("demo", "stranger@demo.learnloop.test", "Stan Ranger", "parent");
    for (const Person* who : { &D.admin, &D.moderator, &D.teacher })
        (void)f.token(*who);   // signed in before counting audit records
    auto audit = f.audit_count();
    auto rows = [&] { return f.sql_int("SELECT (SELECT count(*) FROM hour_packages) + (SELECT count(*) FROM invoices)"); };
    const auto before = rows();
    auto body = [&](Json change) {
        Json b { { "student_id", D.student.id }, { "minutes", 600 }, { "price", "250.00" }, { "purchased_on", "2026-01-05" } };
        if (change.is_object())
            b.update(change);
        return b;
    };
    CHECK(sell(f, body({ { "minutes", 29 } })).field() == "minutes");
    CHECK(sell(f, body({ { "minutes", 30001 } })).field() == "minutes");
    CHECK(sell(f, body({ { "minutes", "600" } })).field() == "minutes");
    CHECK(sell(f, body({ { "minutes", 4294967356LL } })).field() == "minutes");   // not wrapped round to 60
    CHECK(sell(f, body({ { "price", "250.005" } })).field() == "price");
    CHECK(sell(f, body({ { "price", "-1" } })).field() == "price");
    CHECK(sell(f, body({ { "price", 250 } })).field() == "price");
    CHECK(sell(f, body({ { "purchased_on", "2026-02-30" } })).field() == "purchased_on");
    CHECK(sell(f, body({ { "expires_on", "2026-01-04" } })).field() == "expires_on");
    CHECK(sell(f, body({ { "student_id", D.teacher.id } })).field() == "student_id");
    CHECK(sell(f, body({ { "student_id", f.other.student.id } })).field() == "student_id");
    CHECK(sell(f, body({ { "family_id", D.teacher.id } })).field() == "family_id");
    CHECK(sell(f, body({ { "family_id", stranger.id } })).field() == "family_id");   // not the student's parent
    CHECK(sell(f, body({ { "hours", 10 } })).status == 400);
    check_error(api.post("/api/tutoring/packages", body(Json::object()), f.token(D.moderator)), 403, "Unauthorized");
    check_error(api.post("/api/tutoring/packages", body(Json::object()), f.token(D.teacher)), 403, "Unauthorized");
    check_error(api.get("/api/tutoring/packages", f.token(D.moderator)), 403, "Unauthorized");
    check_error(api.get("/api/tutoring/packages", f.token(D.teacher)), 403, "Unauthorized");
    CHECK(api.get("/api/tutoring/packages?student_id=abc", f.token(D.admin)).status == 404);
    CHECK(rows() == before);
    CHECK(f.audit_count() == audit);

    // Another business sees none of this one's packages.
    REQUIRE(sell(f, body(Json::object())).status == 201);
    CHECK(packages(f, f.other.admin).empty());
    CHECK(packages(f, stranger).empty());
}
