// A tutoring business's money through its API, black box against the real
// server and PostgreSQL: rates, invoice drafts that sum exactly and lock
// their sessions, gapless numbers also when issued at once, payments spread
// oldest first with credit kept and spent, balances, revenue, voiding, who
// sees amounts (administrators, and a parent their own family's — never a
// moderator or a tutor), and bad input that writes nothing.
#include "tutoring_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <set>

using namespace learnloop::test;

namespace {

Reply pay(ApiFixture& f, std::int64_t family, const std::string& amount, const std::string& method = "bank_transfer")
{
    return f.api().post("/api/tutoring/payments",
        { { "family_id", family }, { "amount", amount }, { "received_on", "2026-02-10" }, { "method", method } },
        f.token(f.demo.admin));
}

// Every key anywhere in `json` that carries money.
std::set<std::string> amount_keys(const Json& json)
{
    static const std::set<std::string> money { "amount", "total", "subtotal", "tax", "paid", "due", "balance", "credit",
        "per_hour", "currency", "billable_percent", "tax_basis_points" };
    std::set<std::string> found;
    if (json.is_object()) {
        for (const auto& [key, value] : json.items()) {
            if (money.count(key) || key.ends_with("_minor"))
                found.insert(key);
            auto inner = amount_keys(value);
            found.insert(inner.begin(), inner.end());
        }
    } else if (json.is_array()) {
        for (const auto& item : json) {
            auto inner = amount_keys(item);
            found.insert(inner.begin(), inner.end());
        }
    }
    return found;
}

} // namespace

TEST_CASE("an invoice draft bills each logged session at its rate, sums exactly, taxes once and locks what it bills",
    "[api][tutoring][billing]")
{
    ApiFixture f("bill_draft", {});
    auto& D = f.demo;
    auto& api = f.api();
    REQUIRE(api.put("/api/tutoring/settings", { { "tax_basis_points", 2000 } }, f.token(D.admin)).status == 200);
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "40" } });
    add_rate(f, { { "student_id", D.student.id }, { "effective_from", "2026-01-13" }, { "per_hour", "33.33" } });
    // Four Monday hours and one 45-minute Wednesday session.
    auto mondays = book_weekly(f, D.teacher, D.student, "2026-01-05T16:00:00", 4);
    auto wednesday = book_weekly(f, D.teacher, D.student, "2026-01-07T17:00:00", 1, 45, "Physics");
    log_session(f, mondays, "2026-01-05T16:00:00", "completed");     // £40 (the default rate, before the student's)
    log_session(f, mondays, "2026-01-12T16:00:00", "late_cancel");   // half of £40
    log_session(f, mondays, "2026-01-19T16:00:00", "completed");     // £33.33 (the student's rate from the 13th)
    log_session(f, mondays, "2026-01-26T16:00:00", "cancelled");     // bills nothing: no line
    log_session(f, wednesday, "2026-01-07T17:00:00", "completed");   // 45 minutes of £40: £30

    auto made = draft(f, D.parent.id, "2026-01-01", "2026-01-31");
    INFO(describe(made));
    REQUIRE(made.status == 201);
    const auto id = made.json["id"].get<std::int64_t>();
    CHECK(made.json["message"] == "Draft invoice made for " + D.parent.name);
    auto invoice = api.get(invoice_path(id), f.token(D.admin)).json;
    CHECK(invoice["state"] == "draft");
    CHECK(invoice["number"].is_null());
    std::vector<std::string> amounts;
    for (const auto& line : invoice["lines"])
        amounts.push_back(line["date"].get<std::string>() + " " + line["amount"].get<std::string>());
    CHECK(amounts == std::vector<std::string> { "2026-01-05 40.00", "2026-01-07 30.00", "2026-01-12 20.00", "2026-01-19 33.33" });
    CHECK(invoice["lines"][1]["description"] == "Physics with " + D.teacher.name);
    CHECK(invoice["lines"][2]["billable_percent"] == 50);
    CHECK(invoice["subtotal"] == "123.33");
    CHECK(invoice["tax"] == "24.67");   // 20% of the subtotal, rounded once (24.666)
    CHECK(invoice["total"] == "148.00");
    CHECK(invoice["total_minor"] == 14800);

    // The billed sessions are locked; the cancelled one is not on it and stays free.
    check_error(api.put("/api/tutoring/series/" + std::to_string(mondays) + "/occurrence",
                    { { "recurrence_id", "2026-01-19T16:00:00" }, { "note", "Edited later" } }, f.token(D.admin)),
        409, "Conflict");
    CHECK(api.put("/api/tutoring/series/" + std::to_string(mondays) + "/occurrence",
                 { { "recurrence_id", "2026-01-26T16:00:00" }, { "note", "Snow day" } }, f.token(D.admin))
              .status
        == 200);
    // Nothing is billed twice: a second draft for the month has nothing to bill.
    check_error(draft(f, D.parent.id, "2026-01-01", "2026-01-31"), 409, "Conflict",
        "Nothing to bill: " + D.parent.name + " has no logged sessions to invoice from 2026-01-01 to 2026-01-31");

    // Voided, the sessions are free: a new draft bills them again, with the same total.
    auto voided = api.post(invoice_path(id, "/void"), Json::object(), f.token(D.admin));
    CHECK(voided.status == 200);
    CHECK(voided.json["message"] == "Invoice voided; its 4 sessions are free to bill again");
    check_error(api.post(invoice_path(id, "/void"), Json::object(), f.token(D.admin)), 409, "Conflict");
    auto again = made_draft(f, D.parent.id, "2026-01-01", "2026-01-31");
    CHECK(api.get(invoice_path(again), f.token(D.admin)).json["total"] == "148.00");

    // A session with no rate that applies is named.
    auto other_student = f.create_user("demo", "norate@demo.learnloop.test", "Nora Rate", "student");
    f.sql("DELETE FROM rates WHERE student_id IS NULL AND tutor_id IS NULL");
    auto lone = book_weekly(f, D.teacher, other_student, "2026-02-02T10:00:00", 1);
    log_session(f, lone, "2026-02-02T10:00:00", "completed");
    auto refused = draft(f, other_student.id, "2026-02-01", "2026-02-28");
    CHECK(refused.status == 409);
    CHECK(refused.details().find("rate") != std::string::npos);
}

TEST_CASE("invoice numbers run without gaps, also when two are issued at once; the family's credit pays first",
    "[api][tutoring][billing]")
{
    ApiFixture f("bill_issue", {});
    auto& D = f.demo;
    auto& api = f.api();
    REQUIRE(api.put("/api/tutoring/settings", { { "invoice_prefix", "BPT" } }, f.token(D.admin)).status == 200);
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });
    auto series = book_weekly(f, D.teacher, D.student, "2026-01-05T16:00:00", 6);
    std::vector<std::int64_t> drafts;
    for (std::string day : { "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09" }) {
        log_session(f, series, day + "T16:00:00", "completed");
        drafts.push_back(made_draft(f, D.parent.id, day, day));
    }

    // Two at once, then the rest one by one: every number once, in order.
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < 2; ++i)
        pending.push_back(std::async(std::launch::async, [&f, id = drafts[i]] {
            return f.api().post(invoice_path(id, "/issue"), Json::object(), f.token(f.demo.admin));
        }));
    std::set<std::string> numbers;
    for (auto& p : pending) {
        auto reply = p.get();
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        numbers.insert(reply.json["invoice"]["number"].get<std::string>());
    }
    const auto year = f.sql_text("SELECT to_char(now() AT TIME ZONE 'Europe/London', 'YYYY')");
    CHECK(numbers == std::set<std::string> { "BPT-" + year + "-0001", "BPT-" + year + "-0002" });
    CHECK(issue(f, drafts[2])["invoice"]["number"] == "BPT-" + year + "-0003");
    check_error(api.post(invoice_path(drafts[2], "/issue"), Json::object(), f.token(D.admin)), 409, "Conflict");
    // A voided draft took no number, so the next issued one follows on.
    REQUIRE(api.post(invoice_path(drafts[3], "/void"), Json::object(), f.token(D.admin)).status == 200);
    CHECK(issue(f, drafts[4])["invoice"]["number"] == "BPT-" + year + "-0004");

    // £100 over four £30 invoices, oldest first: three settled, £10 on the fourth.
    auto paid = pay(f, D.parent.id, "100");
    INFO(describe(paid));
    REQUIRE(paid.status == 201);
    CHECK(paid.json["allocations"].size() == 4);
    CHECK(paid.json["credit"] == "0.00");
    auto states = [&] {
        std::vector<std::string> out;
        for (auto id : drafts)
            out.push_back(api.get(invoice_path(id), f.token(D.admin)).json["state"].get<std::string>());
        return out;
    };
    CHECK(states() == std::vector<std::string> { "paid", "paid", "paid", "void", "issued", "draft" });
    CHECK(api.get(invoice_path(drafts[4]), f.token(D.admin)).json["due"] == "20.00");
    // Paying more than is owed keeps the rest as credit, which pays the next invoice issued.
    auto ahead = pay(f, D.parent.id, "35.50", "cash");
    CHECK(ahead.json["credit"] == "15.50");
    CHECK(ahead.json["message"] == "£35.50 received from " + D.parent.name + "; £15.50 kept as credit");
    auto issued = issue(f, drafts[5]);
    CHECK(issued["invoice"]["state"] == "issued");
    CHECK(issued["invoice"]["due"] == "14.50");
    CHECK(issued["message"] == "Invoice BPT-" + year + "-0005 issued; £15.50 of credit paid towards it");
    // Payments on an invoice keep it from being voided.
    check_error(api.post(invoice_path(drafts[5], "/void"), Json::object(), f.token(D.admin)), 409, "Conflict",
        "Payments have been received on this invoice, so it cannot be voided");

    auto balances = api.get("/api/tutoring/balances", f.token(D.admin));
    REQUIRE(balances.status == 200);
    REQUIRE(balances.json.size() == 1);
    CHECK(balances.json[0]["invoiced"] == "150.00");
    CHECK(balances.json[0]["paid"] == "135.50");
    CHECK(balances.json[0]["balance"] == "14.50");
    CHECK(balances.json[0]["credit"] == "0.00");

    // Every step is in the audit log.
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'invoice.issue'") == 5);
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'payment.create'") == 2);
}

TEST_CASE("amounts reach administrators and a parent's own family only; moderators and tutors get none at all",
    "[api][tutoring][billing][permissions]")
{
    ApiFixture f("bill_roles", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });
    auto series = book_weekly(f, D.teacher, D.student, "2026-01-05T16:00:00", 2);
    log_session(f, series, "2026-01-05T16:00:00", "completed");
    log_session(f, series, "2026-01-12T16:00:00", "completed");
    auto issued = made_draft(f, D.parent.id, "2026-01-05", "2026-01-05");
    issue(f, issued);
    auto draft_only = made_draft(f, D.parent.id, "2026-01-12", "2026-01-12");
    REQUIRE(pay(f, D.parent.id, "10").status == 201);

    // The parent: their family's issued invoice and balance, never a draft.
    auto list = api.get("/api/tutoring/invoices", f.token(D.parent));
    REQUIRE(list.status == 200);
    REQUIRE(list.json.size() == 1);
    CHECK(list.json[0]["id"] == issued);
    CHECK(list.json[0]["due"] == "20.00");
    CHECK(api.get(invoice_path(issued), f.token(D.parent)).status == 200);
    check_error(api.get(invoice_path(draft_only), f.token(D.parent)), 404, "Invoice not found");
    check_error(api.get("/api/tutoring/invoices?family_id=" + std::to_string(D.admin.id), f.token(D.parent)), 403,
        "Unauthorized");
    auto own = api.get("/api/tutoring/balances", f.token(D.parent));
    REQUIRE(own.json.size() == 1);
    CHECK(own.json[0]["family_id"] == D.parent.id);
    // Another parent of the business sees nothing of this family's.
    auto stranger = f.create_user("demo", "stranger@demo.learnloop.test", "Stan Ranger", "parent");
    check_error(api.get(invoice_path(issued), f.token(stranger)), 404, "Invoice not found");
    CHECK(api.get("/api/tutoring/invoices", f.token(stranger)).json.empty());
    CHECK(api.get("/api/tutoring/balances", f.token(stranger)).json.empty());
    // Another business's administrator: not found, and nothing of it listed.
    check_error(api.get(invoice_path(issued), f.token(f.other.admin)), 404, "Invoice not found");
    check_error(api.post(invoice_path(draft_only, "/issue"), Json::object(), f.token(f.other.admin)), 404, "Invoice not found");
    CHECK(api.get("/api/tutoring/invoices", f.token(f.other.admin)).json.empty());

    // Moderators and tutors: every money route is refused, and what they can
    // read (the calendar, settings, series) carries no amount.
    for (const Person* who : { &D.moderator, &D.teacher }) {
        const auto& token = f.token(*who);
        for (const auto& path : { std::string("/api/tutoring/rates"), std::string("/api/tutoring/invoices"),
                 invoice_path(issued), std::string("/api/tutoring/balances"),
                 std::string("/api/tutoring/revenue?from=2026-01&to=2026-02") }) {
            INFO(who->email << " GET " << path);
            check_error(api.get(path, token), 403, "Unauthorized");
        }
        for (const auto& path : { std::string("/api/tutoring/occurrences?from=2026-01-01&to=2026-02-01"),
                 std::string("/api/tutoring/settings"), "/api/tutoring/series/" + std::to_string(series) }) {
            auto reply = api.get(path, token);
            INFO(who->email << " GET " << path << ": " << describe(reply));
            REQUIRE(reply.status == 200);
            CHECK(amount_keys(reply.json).empty());
        }
    }
}

TEST_CASE("money input is checked: fractions of a penny, negatives, wrong types, strangers' ids; nothing is written",
    "[api][tutoring][billing]")
{
    ApiFixture f("bill_input", {});
    auto& D = f.demo;
    auto& api = f.api();
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });
    const auto& admin = f.token(D.admin);
    auto audit = f.audit_count();
    auto rows = [&] {
        return f.sql_int("SELECT (SELECT count(*) FROM rates) + (SELECT count(*) FROM payments) + "
                         "(SELECT count(*) FROM invoices)");
    };
    const auto before = rows();

    CHECK(api.post("/api/tutoring/rates", { { "effective_from", "2026-01-01" }, { "per_hour", "12.505" } }, admin).field()
        == "per_hour");
    CHECK(api.post("/api/tutoring/rates", { { "effective_from", "2026-01-01" }, { "per_hour", "-5" } }, admin).field()
        == "per_hour");
    CHECK(api.post("/api/tutoring/rates", { { "effective_from", "2026-01-01" }, { "per_hour", 40 } }, admin).field()
        == "per_hour");
    CHECK(api.post("/api/tutoring/rates", { { "effective_from", "January" }, { "per_hour", "40" } }, admin).field()
        == "effective_from");
    CHECK(api.post("/api/tutoring/rates", { { "tutor_id", D.student.id }, { "effective_from", "2026-01-01" }, { "per_hour", "40" } },
                 admin)
              .field()
        == "tutor_id");
    check_error(api.post("/api/tutoring/rates", { { "effective_from", "2025-09-01" }, { "per_hour", "31" } }, admin), 409,
        "Conflict");

    CHECK(pay(f, D.parent.id, "10.001").field() == "amount");
    CHECK(pay(f, D.parent.id, "0").field() == "amount");
    CHECK(pay(f, D.parent.id, "-10").field() == "amount");
    CHECK(pay(f, D.parent.id, "1e3").field() == "amount");
    CHECK(pay(f, D.teacher.id, "10").field() == "family_id");
    CHECK(pay(f, D.parent.id, "10", "cheque").field() == "method");
    CHECK(api.post("/api/tutoring/payments",
                 { { "family_id", "4" }, { "amount", "10" }, { "received_on", "2026-02-01" }, { "method", "cash" } }, admin)
              .field()
        == "family_id");

    CHECK(draft(f, D.parent.id, "2026-02-01", "2026-01-01").field() == "to");
    CHECK(draft(f, D.parent.id, "2024-01-01", "2026-01-01").field() == "to");
    CHECK(draft(f, D.parent.id, "2026-13-01", "2026-01-01").field() == "from");
    CHECK(draft(f, 999999, "2026-01-01", "2026-01-31").field() == "family_id");
    check_error(api.post(invoice_path(999999, "/issue"), Json::object(), admin), 404, "Invoice not found");
    check_error(api.post("/api/tutoring/invoices/abc/void", Json::object(), admin), 404, "Not found");
    CHECK(api.get("/api/tutoring/invoices?state=lost", admin).field() == "state");
    CHECK(api.get("/api/tutoring/revenue?from=2026-01", admin).field() == "to");
    CHECK(api.get("/api/tutoring/revenue?from=2020-01&to=2026-01", admin).field() == "to");
    CHECK(api.get("/api/tutoring/revenue?from=2026-1&to=2026-02", admin).field() == "from");

    CHECK(rows() == before);
    CHECK(f.audit_count() == audit);
}

TEST_CASE("revenue adds up issued and paid invoices per month, tutor and student; drafts and void ones do not count",
    "[api][tutoring][billing]")
{
    ApiFixture f("bill_revenue", {});
    auto& D = f.demo;
    auto& api = f.api();
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });
    auto tutor2 = f.create_user("demo", "tutor2@demo.learnloop.test", "Tia Tutor", "teacher");
    add_rate(f, { { "tutor_id", tutor2.id }, { "effective_from", "2025-09-01" }, { "per_hour", "50.00" } });
    auto a = book_weekly(f, D.teacher, D.student, "2026-01-26T16:00:00", 2);   // 26 Jan, 2 Feb
    auto b = book_weekly(f, tutor2, D.student, "2026-02-03T16:00:00", 2);      // 3, 10 Feb
    for (auto day : { "2026-01-26", "2026-02-02" })
        log_session(f, a, std::string(day) + "T16:00:00", "completed");
    for (auto day : { "2026-02-03", "2026-02-10" })
        log_session(f, b, std::string(day) + "T16:00:00", "completed");
    issue(f, made_draft(f, D.parent.id, "2026-01-01", "2026-02-03"));   // £30 + £30 + £50
    made_draft(f, D.parent.id, "2026-02-10", "2026-02-10");            // a draft: not revenue yet

    auto revenue = api.get("/api/tutoring/revenue?from=2025-12&to=2026-02", f.token(D.admin));
    INFO(describe(revenue));
    REQUIRE(revenue.status == 200);
    CHECK(revenue.json["total"] == "110.00");
    std::vector<std::string> months;
    for (const auto& m : revenue.json["by_month"])
        months.push_back(m["month"].get<std::string>() + " " + m["amount"].get<std::string>());
    CHECK(months == std::vector<std::string> { "2025-12 0.00", "2026-01 30.00", "2026-02 80.00" });
    REQUIRE(revenue.json["by_tutor"].size() == 2);
    CHECK(revenue.json["by_tutor"][0]["name"] == D.teacher.name);   // the most first
    CHECK(revenue.json["by_tutor"][0]["amount"] == "60.00");
    CHECK(revenue.json["by_tutor"][1]["name"] == "Tia Tutor");
    CHECK(revenue.json["by_tutor"][1]["amount"] == "50.00");
    REQUIRE(revenue.json["by_student"].size() == 1);
    CHECK(revenue.json["by_student"][0]["amount_minor"] == 11000);
}

TEST_CASE("an invoice prints as a PDF file: its number, family, sessions in any script and sums; to those who may read it",
    "[api][tutoring][billing][pdf]")
{
    ApiFixture f("bill_pdf", { .moderators = true, .other_tenant = true });
    auto& D = f.demo;
    auto& api = f.api();
    auto pupil = f.create_user("demo", "lihua@demo.learnloop.test", "李华 Zhang", "student");
    f.sql("INSERT INTO parent_links (tenant_id, parent_id, student_id) VALUES (" + std::to_string(D.id) + ", "
        + std::to_string(D.parent.id) + ", " + std::to_string(pupil.id) + ")");
    add_rate(f, { { "effective_from", "2025-09-01" }, { "per_hour", "30.00" } });
    auto series = book_weekly(f, D.teacher, pupil, "2026-01-05T16:00:00", 2, 45, "Mandarin, 中文");
    log_session(f, series, "2026-01-05T16:00:00", "completed");
    log_session(f, series, "2026-01-12T16:00:00", "late_cancel");
    auto arabic = book_weekly(f, D.teacher, pupil, "2026-01-07T16:00:00", 1, 30, "اللغة العربية");
    log_session(f, arabic, "2026-01-07T16:00:00", "completed");
    auto id = made_draft(f, D.parent.id, "2026-01-01", "2026-01-31");

    // A draft: for the office only, and it says it is one.
    auto draft = api.get(invoice_path(id, ".pdf"), f.token(D.admin));
    INFO(describe(draft));
    REQUIRE(draft.status == 200);
    CHECK(draft.header("Content-Type") == "application/pdf");
    CHECK(draft.header("Content-Disposition") == "attachment; filename=\"invoice-draft-" + std::to_string(id) + ".pdf\"");
    REQUIRE(draft.body.rfind("%PDF-", 0) == 0);
    check_error(api.get(invoice_path(id, ".pdf"), f.token(D.parent)), 404, "Invoice not found");

    const auto number = issue(f, id)["invoice"]["number"].get<std::string>();
    REQUIRE(pay(f, D.parent.id, "20").status == 201);
    auto pdf = api.get(invoice_path(id, ".pdf"), f.token(D.parent));
    INFO(describe(pdf));
    REQUIRE(pdf.status == 200);
    CHECK(pdf.header("Content-Disposition") == "attachment; filename=\"invoice-" + number + ".pdf\"");

    // What a reader sees, read back by poppler's pdftotext (and kept to look at, with the browser tests' screenshots).
    TempDir dir("pdf");
    auto path = dir.write("invoice.pdf", pdf.body);
    if (const char* artifacts = std::getenv("LEARNLOOP_ARTIFACTS")) {
        std::filesystem::create_directories(artifacts);
        std::ofstream(std::string(artifacts) + "/tutoring-invoice.pdf", std::ios::binary) << pdf.body;
    }
    auto text = run_process({ "/usr/bin/pdftotext", "-layout", "-enc", "UTF-8", path, "-" });
    INFO(text.err);
    REQUIRE(text.exit_code == 0);
    INFO(text.out);
    for (const auto& expected : { "Invoice " + number, std::string("Demo"), D.parent.name, std::string("李华 Zhang"),
             std::string("Mandarin, 中文"), std::string("45 min at 50%"), std::string("5 Jan 2026"),
             std::string("1 Jan – 31 Jan 2026"), std::string("Total"), std::string("£48.75"), std::string("Paid"),
             std::string("£20.00"), std::string("Due"), std::string("£28.75"), std::string("Bank transfer"),
             std::string("Page 1") })
        CHECK(text.out.find(expected) != std::string::npos);
    // Arabic is drawn joined: pdftotext reads the words back in reading order
    // as the letters' joined forms (U+FExx), which isolated letters would not give.
    CHECK(text.out.find("\uFE8D\uFEDF\uFEE0\uFED0\uFE94 \uFE8D\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94") != std::string::npos);

    // Nobody else: moderators and tutors see no money, strangers and other businesses nothing.
    check_error(api.get(invoice_path(id, ".pdf"), f.token(D.moderator)), 403, "Unauthorized");
    check_error(api.get(invoice_path(id, ".pdf"), f.token(D.teacher)), 403, "Unauthorized");
    auto stranger = f.create_user("demo", "stranger@demo.learnloop.test", "Stan Ranger", "parent");
    check_error(api.get(invoice_path(id, ".pdf"), f.token(stranger)), 404, "Invoice not found");
    check_error(api.get(invoice_path(id, ".pdf"), f.token(f.other.admin)), 404, "Invoice not found");
    CHECK(api.get("/api/tutoring/invoices/99999999.pdf", f.token(D.admin)).status == 404);
}
