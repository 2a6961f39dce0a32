// `learnloop seed demo`'s tutoring business (Brightpath Tutoring): its logins
// and families, sessions that never double-book a tutor and skip blocked
// dates, attendance on every past session, invoices that add up with gapless
// numbers, payments within what the invoices ask, every row in its own
// tenant, a second run that adds nothing, and the minimal demo's part.
#include "api_client.hpp"
#include "academy/gift.hpp"
#include "academy/rubric.hpp"
#include "academy/question_task.hpp"
#include "academy/quiz.hpp"
#include "marketplace/certificates/credential_proof.hpp"
#include "marketplace/orders.hpp"
#include "marketplace/pricing.hpp"
#include "practice/grading.hpp"
#include "tutoring/recurrence.hpp"

#include <catch2/catch.hpp>
#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

using namespace learnloop;
using namespace learnloop::test;

namespace {

ProcessResult seed(const std::string& url, std::vector<std::string> extra = {})
{
    std::vector<std::string> args = { "seed", "demo" };
    args.insert(args.end(), extra.begin(), extra.end());
    auto result = run_cli(args, url);
    INFO("seed demo: " << result.out << result.err);
    REQUIRE(result.exit_code == 0);
    return result;
}

const char* const k_tutoring_tables[] = { "tutoring_settings", "tutor_availability", "blocked_dates", "session_series",
    "session_occurrences", "rates", "invoices", "invoice_lines", "payments", "payment_allocations", "messages",
    "hour_packages" };

// Row counts of the tables the tutoring demo writes, to compare two runs.
std::map<std::string, std::int64_t> tutoring_counts(const std::string& url)
{
    std::map<std::string, std::int64_t> counts;
    for (const char* table : k_tutoring_tables)
        counts[table] = query_int(url, std::string("SELECT count(*) FROM ") + table);
    for (const char* table : { "tenants", "users", "parent_links", "audit_log" })
        counts[table] = query_int(url, std::string("SELECT count(*) FROM ") + table);
    return counts;
}

// One session as the calendar shows it: the series' expansion with the
// occurrence rows applied (moved, cancelled, another tutor).
struct PlacedSession {
    std::int64_t series_id = 0;
    std::int64_t tutor_id = 0;
    LocalDateTime recurrence, starts;
    int minutes = 0;
    bool cancelled = false;
    bool has_attendance = false;
};

// Every session of the tenant's live series up to `to`, expanded with the
// domain's own recurrence code.
std::vector<PlacedSession> placed_sessions(const std::string& url, const std::string& tenant, const std::string& to)
{
    struct Override {
        std::optional<LocalDateTime> starts;
        std::optional<int> minutes;
        std::optional<std::int64_t> tutor_id;
        bool cancelled = false;
        bool has_attendance = false;
    };
    std::map<std::pair<std::int64_t, std::string>, Override> overrides;
    for (const auto& row : query(url, "SELECT series_id, to_char(recurrence_id, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS rid, "
                                      "to_char(starts, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS starts, duration_minutes, "
                                      "tutor_id, cancelled, attendance IS NOT NULL AS logged "
                                      "FROM session_occurrences WHERE tenant_id = " + tenant)) {
        Override o;
        if (!row["starts"].is_null())
            o.starts = parse_local_datetime(row["starts"].as<std::string>()).value();
        if (!row["duration_minutes"].is_null())
            o.minutes = row["duration_minutes"].as<int>();
        if (!row["tutor_id"].is_null())
            o.tutor_id = row["tutor_id"].as<std::int64_t>();
        o.cancelled = row["cancelled"].as<bool>();
        o.has_attendance = row["logged"].as<bool>();
        overrides[{ row["series_id"].as<std::int64_t>(), row["rid"].as<std::string>() }] = o;
    }
    auto until = parse_local_datetime(to).value();
    std::vector<PlacedSession> sessions;
    for (const auto& row : query(url, "SELECT id, tutor_id, to_char(dtstart, 'YYYY-MM-DD\"T\"HH24:MI:SS') AS dtstart, "
                                      "duration_minutes, rrule, array_to_json(exdates)::text AS exdates, "
                                      "array_to_json(rdates)::text AS rdates FROM session_series "
                                      "WHERE deleted_at IS NULL AND tenant_id = " + tenant)) {
        Series series;
        series.dtstart = parse_local_datetime(row["dtstart"].as<std::string>()).value();
        if (!row["rrule"].is_null())
            series.rule = RecurrenceRule::create(row["rrule"].as<std::string>()).value();
        for (const auto& text : Json::parse(row["exdates"].as<std::string>()))
            series.exdates.push_back(parse_local_datetime(text.get<std::string>().substr(0, 19)).value());
        for (const auto& text : Json::parse(row["rdates"].as<std::string>()))
            series.rdates.push_back(parse_local_datetime(text.get<std::string>().substr(0, 19)).value());
        auto expansion = expand_series(series, series.dtstart, until, 5000).value();
        REQUIRE(expansion.end == ExpansionEnd::Complete);
        for (const auto& start : expansion.occurrences) {
            PlacedSession session { row["id"].as<std::int64_t>(), row["tutor_id"].as<std::int64_t>(), start, start,
                row["duration_minutes"].as<int>() };
            auto found = overrides.find({ session.series_id, format_local_datetime(start) });
            if (found != overrides.end()) {
                const auto& o = found->second;
                session.starts = o.starts.value_or(start);
                session.minutes = o.minutes.value_or(session.minutes);
                session.tutor_id = o.tutor_id.value_or(session.tutor_id);
                session.cancelled = o.cancelled;
                session.has_attendance = o.has_attendance;
            }
            sessions.push_back(session);
        }
    }
    return sessions;
}

std::string date_of(const LocalDateTime& value)
{
    return format_local_datetime(value).substr(0, 10);
}

} // namespace

// One database seeded with the full demo for the checks below (Catch2 runs
// the test case once per section; the seed runs once).
struct TutoringDemo {
    std::string database;
    std::string url;
    std::string out;
    std::string tenant;   // brightpath's id, as text for the queries
    std::string today;    // the business's date when it was seeded (Europe/London)
};

const TutoringDemo& tutoring_demo()
{
    static const TutoringDemo demo = [] {
        auto& cluster = PgCluster::instance();
        TutoringDemo made;
        made.database = cluster.create_database("demo_tutoring");
        made.url = cluster.superuser_url(made.database);
        if (run_cli({ "migrate" }, made.url).exit_code != 0)
            throw std::runtime_error("migrate failed");
        made.out = seed(made.url).out;
        made.tenant = std::to_string(query_int(made.url, "SELECT id FROM tenants WHERE slug = 'brightpath'"));
        made.today = query(made.url, "SELECT (now() AT TIME ZONE 'Europe/London')::date::text")[0][0].as<std::string>();
        return made;
    }();
    return demo;
}

TEST_CASE("the tutoring demo is a tutoring tenant with four tutors, thirty students in families and five logins",
    "[demo][tutoring]")
{
    const auto& demo = tutoring_demo();
    const auto& url = demo.url;
    const auto& t = demo.tenant;
    INFO(demo.out);
    auto tenant = query(url, "SELECT name, kind, time_zone, is_default FROM tenants WHERE slug = 'brightpath'");
    REQUIRE(tenant.size() == 1);
    CHECK(tenant[0]["name"].as<std::string>() == "Brightpath Tutoring");
    CHECK(tenant[0]["kind"].as<std::string>() == "tutoring");
    CHECK(tenant[0]["time_zone"].as<std::string>() == "Europe/London");
    CHECK_FALSE(tenant[0]["is_default"].as<bool>());   // the school stays the default

    CHECK(query_int(url, "SELECT count(*) FROM users WHERE role = 'teacher' AND tenant_id = " + t) == 4);
    CHECK(query_int(url, "SELECT count(*) FROM users WHERE role = 'student' AND tenant_id = " + t) == 30);
    CHECK(query_int(url, "SELECT count(*) FROM users s WHERE s.role = 'student' AND s.tenant_id = " + t
              + " AND NOT EXISTS (SELECT 1 FROM parent_links l WHERE l.student_id = s.id)")
        == 0);
    // Families: several parents pay for two children, one for three.
    CHECK(query_int(url, "SELECT count(*) FROM (SELECT parent_id FROM parent_links WHERE tenant_id = " + t
              + " GROUP BY parent_id HAVING count(*) >= 2) p")
        >= 5);
    CHECK(query_int(url, "SELECT max(n) FROM (SELECT count(*) AS n FROM parent_links WHERE tenant_id = " + t
              + " GROUP BY parent_id) p")
        == 3);
    // Names in several scripts: Vietnamese, Cyrillic, CJK and Hangul, Arabic.
    for (const char* pattern : { "[ễịảọ]", "[А-Яа-яІі]", "[一-龥가-힣]", "[ء-ي]" }) {
        INFO(pattern);
        CHECK(query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + t + " AND name ~ '" + pattern + "'") >= 1);
    }

    const std::map<std::string, std::string> logins = { { "admin", "admin" }, { "moderator", "moderator" },
        { "tutor", "teacher" }, { "student", "student" }, { "parent", "parent" } };
    for (const auto& [login, role] : logins) {
        auto email = login + "@brightpath.learnloop.test";
        INFO(email);
        CHECK(demo.out.find(email) != std::string::npos);
        auto rows = query(url, "SELECT role FROM users WHERE email = '" + email + "' AND tenant_id = " + t);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0][0].as<std::string>() == role);
    }
    // The parent login pays for the student login and a brother.
    CHECK(query_int(url, "SELECT count(*) FROM parent_links l JOIN users p ON p.id = l.parent_id "
                         "WHERE p.email = 'parent@brightpath.learnloop.test'")
        == 2);
    CHECK(query_int(url, "SELECT count(*) FROM parent_links l JOIN users p ON p.id = l.parent_id "
                         "JOIN users s ON s.id = l.student_id WHERE p.email = 'parent@brightpath.learnloop.test' "
                         "AND s.email = 'student@brightpath.learnloop.test'")
        == 1);

    SECTION("the five logins sign in with the demo password")
    {
        ServerProcess server(demo.database);
        ApiClient api(server.port());
        for (const auto& [login, role] : logins) {
            auto reply = api.login(login + "@brightpath.learnloop.test", k_demo_password, "brightpath");
            INFO(describe(reply));
            CHECK(reply.status == 200);
        }
    }
}

TEST_CASE("the tutoring demo's sessions span three months, never double-book a tutor and skip blocked dates",
    "[demo][tutoring]")
{
    const auto& demo = tutoring_demo();
    const auto& url = demo.url;
    const auto& t = demo.tenant;
    // Expanded once for all sections: the past sessions, and all of them until two months ahead.
    static const auto sessions = placed_sessions(url, t, demo.today + "T00:00:00");
    static const auto all = placed_sessions(url, t,
        query(url, "SELECT ('" + demo.today + "'::date + 60)::text")[0][0].as<std::string>() + "T00:00:00");
    REQUIRE(all.size() > 400);

    SECTION("over 40 series, weekly and fortnightly, a ten-session course and a series split in two")
    {
        CHECK(query_int(url, "SELECT count(*) FROM session_series WHERE tenant_id = " + t) >= 40);
        CHECK(query_int(url, "SELECT count(*) FROM session_series WHERE rrule LIKE '%INTERVAL=2%' AND tenant_id = " + t) >= 3);
        CHECK(query_int(url, "SELECT count(*) FROM session_series WHERE rrule LIKE '%COUNT=10%' AND tenant_id = " + t) == 1);
        CHECK(query_int(url, "SELECT count(*) FROM session_series n JOIN session_series o ON o.id = n.split_from "
                             "WHERE o.rrule LIKE '%UNTIL=%' AND o.dtstart < n.dtstart AND n.tenant_id = " + t)
            == 1);
        auto first = std::min_element(all.begin(), all.end(),
            [](const auto& a, const auto& b) { return a.starts < b.starts; })->starts;
        auto last = std::max_element(all.begin(), all.end(),
            [](const auto& a, const auto& b) { return a.starts < b.starts; })->starts;
        CHECK(to_unix_seconds(last) - to_unix_seconds(first) >= 12 * 7 * 86400);
        // Weekday afternoons and Saturday mornings, 30 to 60 minutes.
        for (const auto& session : all) {
            INFO(format_local_datetime(session.starts));
            auto weekday = weekday_of(session.starts);
            CHECK(weekday != Weekday::Sunday);
            CHECK(session.starts.hour >= (weekday == Weekday::Saturday ? 9 : 15));
            CHECK(session.starts.hour * 60 + session.starts.minute + session.minutes <= 20 * 60);
            CHECK((session.minutes == 30 || session.minutes == 45 || session.minutes == 60));
        }
    }

    SECTION("no tutor has two sessions at once")
    {
        std::map<std::int64_t, std::vector<std::pair<std::int64_t, std::int64_t>>> by_tutor;
        for (const auto& session : all)
            if (!session.cancelled)
                by_tutor[session.tutor_id].push_back(
                    { to_unix_seconds(session.starts), to_unix_seconds(session.starts) + session.minutes * 60 });
        CHECK(by_tutor.size() == 4);
        for (auto& [tutor, times] : by_tutor) {
            std::sort(times.begin(), times.end());
            for (std::size_t i = 1; i < times.size(); ++i) {
                INFO("tutor " << tutor << " at " << format_utc_timestamp(times[i].first));
                CHECK(times[i].first >= times[i - 1].second);
            }
        }
    }

    SECTION("no session falls on a blocked date: half-term and the piano tutor's festival were skipped")
    {
        auto blocked = query(url, "SELECT first_day::text, last_day::text, tutor_id FROM blocked_dates WHERE tenant_id = " + t);
        CHECK(query_int(url, "SELECT count(*) FROM blocked_dates WHERE label = 'Half-term break' AND tenant_id = " + t) == 1);
        CHECK(query_int(url, "SELECT count(*) FROM blocked_dates WHERE label = 'Christmas' AND tenant_id = " + t) >= 1);
        CHECK(query_int(url, "SELECT count(*) FROM blocked_dates WHERE tutor_id IS NOT NULL AND tenant_id = " + t) == 1);
        for (const auto& session : all) {
            if (session.cancelled)
                continue;
            auto day = date_of(session.starts);
            for (const auto& row : blocked) {
                bool applies = row[2].is_null() || row[2].as<std::int64_t>() == session.tutor_id;
                INFO(day << " in " << row[0].as<std::string>() << ".." << row[1].as<std::string>());
                CHECK_FALSE((applies && day >= row[0].as<std::string>() && day <= row[1].as<std::string>()));
            }
        }
        // The half-term week was in the window and every series running then has its EXDATEs.
        CHECK(query_int(url, "SELECT count(*) FROM session_series WHERE cardinality(exdates) > 0 AND tenant_id = " + t) >= 30);
    }

    SECTION("every past session has its attendance, mostly completed, with cancellations, no-shows and moves")
    {
        REQUIRE(sessions.size() > 300);
        for (const auto& session : sessions) {
            INFO("series " << session.series_id << " at " << format_local_datetime(session.recurrence));
            CHECK((session.has_attendance || session.cancelled));
        }
        auto share = [&](const std::string& status) {
            return static_cast<double>(query_int(url, "SELECT count(*) FROM session_occurrences WHERE attendance = '"
                       + status + "' AND recurrence_id < '" + demo.today + "' AND tenant_id = " + t))
                / static_cast<double>(sessions.size());
        };
        CHECK(share("completed") > 0.8);
        for (const char* status : { "cancelled", "late_cancel", "no_show", "tutor_cancel" }) {
            INFO(status);
            CHECK(share(status) > 0.0);
            CHECK(share(status) < 0.1);
        }
        CHECK(query_int(url, "SELECT count(*) FROM session_occurrences WHERE starts IS NOT NULL AND recurrence_id < '"
                  + demo.today + "' AND tenant_id = " + t)
            >= 2);
        CHECK(query_int(url, "SELECT count(*) FROM session_occurrences WHERE note LIKE 'Worked on%' AND tenant_id = " + t) >= 1);
        // Nothing logged in the future, and a few changes already planned there.
        CHECK(query_int(url, "SELECT count(*) FROM session_occurrences WHERE logged_at >= now() AND tenant_id = " + t) == 0);
        CHECK(query_int(url, "SELECT count(*) FROM session_occurrences WHERE recurrence_id >= '" + demo.today
                  + "' AND starts IS NOT NULL AND tenant_id = " + t)
            == 2);
        CHECK(query_int(url, "SELECT count(*) FROM session_occurrences WHERE recurrence_id >= '" + demo.today
                  + "' AND cancelled AND tenant_id = " + t)
            == 2);
    }
}

TEST_CASE("the tutoring demo's invoices add up, are numbered without gaps and are never overpaid", "[demo][tutoring]")
{
    const auto& demo = tutoring_demo();
    const auto& url = demo.url;
    const auto& t = demo.tenant;

    auto issued = query_int(url, "SELECT count(*) FROM invoices WHERE state <> 'draft' AND tenant_id = " + t);
    CHECK(issued >= 19);
    // Each total is its lines' sum and its subtotal plus tax.
    CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE i.tenant_id = " + t
              + " AND (i.total_minor <> i.subtotal_minor + i.tax_minor OR i.subtotal_minor <> "
                "(SELECT coalesce(sum(amount_minor), 0) FROM invoice_lines l WHERE l.invoice_id = i.id))")
        == 0);
    // Nothing owed only when every line was prepaid, and then it is paid.
    CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE total_minor < 0 AND tenant_id = " + t) == 0);
    CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE total_minor = 0 AND tenant_id = " + t
              + " AND (state = 'issued' OR EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id"
                " AND (l.package_id IS NULL OR l.amount_minor > 0)))")
        == 0);
    // Two families bought prepaid hours: each sold on an issued invoice of
    // its own, drawn on by their later sessions, never beyond what was bought.
    CHECK(query_int(url, "SELECT count(*) FROM hour_packages WHERE tenant_id = " + t) == 2);
    CHECK(query_int(url, "SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id "
                         "WHERE l.occurrence_id IS NULL AND i.state IN ('issued', 'paid') AND l.tenant_id = " + t)
        == 2);
    CHECK(query_int(url, "SELECT count(*) FROM invoice_lines WHERE package_minutes > 0 AND tenant_id = " + t) >= 4);
    CHECK(query_int(url, "SELECT count(*) FROM hour_packages p WHERE tenant_id = " + t
              + " AND p.minutes < (SELECT sum(package_minutes) FROM invoice_lines l WHERE l.package_id = p.id)")
        == 0);
    // Each line's session carries the invoice, and only billable attendance is billed.
    CHECK(query_int(url, "SELECT count(*) FROM invoice_lines l JOIN session_occurrences o ON o.id = l.occurrence_id "
                         "WHERE (o.invoice_id IS DISTINCT FROM l.invoice_id OR o.attendance NOT IN ('completed', "
                         "'no_show', 'late_cancel')) AND l.tenant_id = " + t)
        == 0);
    CHECK(query_int(url, "SELECT count(*) FROM invoice_lines WHERE billable_percent = 50 AND tenant_id = " + t) >= 1);

    SECTION("numbers BPT-YYYY-NNNN run 1..N without gaps, and the counter is next")
    {
        auto rows = query(url, "SELECT number FROM invoices WHERE number IS NOT NULL AND tenant_id = " + t);
        std::vector<int> sequence;
        for (const auto& row : rows) {
            auto number = row[0].as<std::string>();
            INFO(number);
            REQUIRE(number.size() == 13);
            CHECK(number.substr(0, 4) == "BPT-");
            sequence.push_back(std::stoi(number.substr(9)));
        }
        std::sort(sequence.begin(), sequence.end());
        for (std::size_t i = 0; i < sequence.size(); ++i)
            CHECK(sequence[i] == static_cast<int>(i) + 1);
        CHECK(query_int(url, "SELECT next_invoice_number FROM tutoring_settings WHERE tenant_id = " + t)
            == static_cast<std::int64_t>(sequence.size()) + 1);
        // Issued in order: a later number is never issued earlier.
        CHECK(query_int(url, "SELECT count(*) FROM invoices a JOIN invoices b ON a.tenant_id = b.tenant_id "
                             "AND a.number < b.number AND a.issued_at > b.issued_at WHERE a.tenant_id = " + t)
            == 0);
    }

    SECTION("payments never exceed an invoice; most are paid, some part-paid, one family in credit, one overdue")
    {
        CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE i.tenant_id = " + t
                  + " AND (SELECT coalesce(sum(amount_minor), 0) FROM payment_allocations a WHERE a.invoice_id = i.id)"
                    " > i.total_minor")
            == 0);
        // Paid exactly when the allocations reach the total.
        CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE i.tenant_id = " + t
                  + " AND i.state <> 'draft' AND ((i.state = 'paid') <> ((SELECT coalesce(sum(amount_minor), 0) "
                    "FROM payment_allocations a WHERE a.invoice_id = i.id) = i.total_minor) "
                    "OR (i.state = 'paid') <> (i.paid_at IS NOT NULL))")
            == 0);
        auto paid = query_int(url, "SELECT count(*) FROM invoices WHERE state = 'paid' AND tenant_id = " + t);
        CHECK(paid * 2 > issued);
        CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE state = 'issued' AND tenant_id = " + t
                  + " AND EXISTS (SELECT 1 FROM payment_allocations a WHERE a.invoice_id = i.id)")
            >= 1);
        // A family's payments beyond its allocations are its credit.
        CHECK(query_int(url, "SELECT count(*) FROM (SELECT p.family_id FROM payments p WHERE p.tenant_id = " + t
                  + " GROUP BY p.family_id HAVING sum(p.amount_minor) > (SELECT coalesce(sum(a.amount_minor), 0) "
                    "FROM payment_allocations a JOIN payments q ON q.id = a.payment_id WHERE q.family_id = p.family_id)) c")
            == 1);
        CHECK(query_int(url, "SELECT count(*) FROM invoices i WHERE state = 'issued' AND issued_at < now() - interval '30 days'"
                             " AND NOT EXISTS (SELECT 1 FROM payment_allocations a WHERE a.invoice_id = i.id) AND tenant_id = " + t)
            >= 1);
        CHECK(query_int(url, "SELECT count(*) FROM payments WHERE received_on >= '" + demo.today + "' AND tenant_id = " + t) == 0);
        CHECK(query_int(url, "SELECT count(*) FROM payments p JOIN invoices i ON i.family_id = p.family_id "
                             "JOIN payment_allocations a ON a.payment_id = p.id AND a.invoice_id = i.id "
                             "WHERE p.received_on < i.issued_at::date AND p.tenant_id = " + t)
            == 0);
    }

    SECTION("this month's sessions are on drafts without numbers; earlier months' invoices are issued")
    {
        auto month = demo.today.substr(0, 8) + "01";
        CHECK(query_int(url, "SELECT count(*) FROM invoices WHERE state <> 'draft' AND period_from >= '" + month
                  + "' AND tenant_id = " + t)
            == 0);
        CHECK(query_int(url, "SELECT count(*) FROM invoices WHERE state = 'draft' AND (period_from < '" + month
                  + "' OR number IS NOT NULL) AND tenant_id = " + t)
            == 0);
    }
}

TEST_CASE("the tutoring demo's messages: conversations, a broadcast to every tutor, system notices, some unread",
    "[demo][tutoring]")
{
    const auto& demo = tutoring_demo();
    const auto& url = demo.url;
    const auto& t = demo.tenant;
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE tenant_id = " + t) >= 30);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE kind = 'direct' AND tenant_id = " + t) >= 10);
    auto broadcast = query(url, "SELECT count(*), count(DISTINCT broadcast_id), count(broadcast_id) FROM messages "
                                "WHERE kind = 'broadcast' AND tenant_id = " + t);
    CHECK(broadcast[0][0].as<int>() == 4);
    CHECK(broadcast[0][1].as<int>() == 1);
    CHECK(broadcast[0][2].as<int>() == 4);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE kind = 'system' AND body LIKE '%was moved to%' AND tenant_id = " + t) >= 2);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE kind = 'system' AND body LIKE 'Invoice BPT-%' AND tenant_id = " + t) >= 10);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE read_at IS NULL AND tenant_id = " + t) >= 5);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE read_at IS NOT NULL AND tenant_id = " + t) >= 5);
    CHECK(query_int(url, "SELECT count(*) FROM messages WHERE (created_at >= now() OR read_at >= now()) AND tenant_id = " + t) == 0);
    // Every login has something in its inbox.
    for (const char* login : { "admin", "moderator", "tutor", "student", "parent" }) {
        INFO(login);
        CHECK(query_int(url, std::string("SELECT count(*) FROM messages m JOIN users u ON u.id = m.recipient_id "
                                         "WHERE u.email = '") + login + "@brightpath.learnloop.test'")
            >= 1);
    }
}

TEST_CASE("every tutoring demo row is brightpath's, and running the seed again adds nothing", "[demo][tutoring]")
{
    const auto& demo = tutoring_demo();
    const auto& url = demo.url;
    const auto& t = demo.tenant;
    for (const char* table : k_tutoring_tables) {
        INFO(table);
        CHECK(query_int(url, std::string("SELECT count(*) FROM ") + table) > 0);
        CHECK(query_int(url, std::string("SELECT count(*) FROM ") + table + " WHERE tenant_id <> " + t) == 0);
    }
    // The school's tenant holds none of it, and its users took no part.
    CHECK(query_int(url, "SELECT count(*) FROM session_series s JOIN users u ON u.id = s.student_id "
                         "WHERE u.tenant_id <> s.tenant_id")
        == 0);

    auto before = tutoring_counts(url);
    auto started = std::chrono::steady_clock::now();
    auto second = seed(url);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() < 10.0);
    CHECK(second.out.find("tutoring history:") == std::string::npos);
    CHECK(second.out.find("brightpath") != std::string::npos);
    CHECK(tutoring_counts(url) == before);
    seed(url, { "--minimal", "yes" });
    CHECK(tutoring_counts(url) == before);

    auto verified = run_cli({ "audit", "verify" }, url);
    INFO(verified.out << verified.err);
    CHECK(verified.exit_code == 0);
    // Every write is the CLI's: each user, the seed's pieces and the history once.
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'user.create' AND tenant_id = " + t)
        == query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + t));
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'demo.history' AND tenant_id = " + t) == 1);
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE tenant_id = " + t + " AND actor <> 'cli' AND action IN "
                         "('tenant.create', 'user.create', 'demo.seed', 'demo.history')")
        == 0);
}

TEST_CASE("the minimal tutoring demo is the five logins, the settings, a default rate and one weekly series",
    "[demo][tutoring]")
{
    auto& cluster = PgCluster::instance();
    auto url = cluster.superuser_url(cluster.create_database("demo_tutoring_minimal"));
    REQUIRE(run_cli({ "migrate" }, url).exit_code == 0);
    auto out = seed(url, { "--minimal", "yes" }).out;
    auto t = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'brightpath'"));
    for (const char* login : { "admin@", "moderator@", "tutor@", "student@", "parent@" })
        CHECK(out.find(std::string(login) + "brightpath.learnloop.test") != std::string::npos);
    // The five logins and the parent's second child.
    CHECK(query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + t) == 6);
    CHECK(query_int(url, "SELECT count(*) FROM parent_links WHERE tenant_id = " + t) == 2);
    CHECK(query_int(url, "SELECT count(*) FROM tutoring_settings WHERE currency = 'GBP' AND invoice_prefix = 'BPT' "
                         "AND tax_basis_points = 0 AND tenant_id = " + t)
        == 1);
    CHECK(query_int(url, "SELECT count(*) FROM rates WHERE student_id IS NULL AND tutor_id IS NULL AND tenant_id = " + t) == 1);
    auto series = query(url, "SELECT s.rrule, s.duration_minutes, tu.email AS tutor, st.email AS student "
                             "FROM session_series s JOIN users tu ON tu.id = s.tutor_id JOIN users st ON st.id = s.student_id "
                             "WHERE s.tenant_id = " + t);
    REQUIRE(series.size() == 1);
    CHECK(series[0]["rrule"].as<std::string>() == "FREQ=WEEKLY;BYDAY=TH");
    CHECK(series[0]["tutor"].as<std::string>() == "tutor@brightpath.learnloop.test");
    CHECK(series[0]["student"].as<std::string>() == "student@brightpath.learnloop.test");
    for (const char* table : { "session_occurrences", "invoices", "payments", "messages", "blocked_dates" }) {
        INFO(table);
        CHECK(query_int(url, std::string("SELECT count(*) FROM ") + table) == 0);
    }
}

// The demo academy is seeded by the same `seed demo`, after the business.
TEST_CASE("the demo academy has two instructors, forty students, nine parents and questions of its own", "[demo][academy]")
{
    const auto& url = tutoring_demo().url;
    const auto a = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'summit' AND kind = 'academy'"));
    auto count = [&](const std::string& where) {
        return query_int(url, "SELECT count(*) FROM users WHERE tenant_id = " + a + " AND " + where);
    };
    CHECK(count("role = 'teacher'") == 2);
    CHECK(count("role = 'student'") == 40);
    CHECK(count("role = 'parent'") == 9);
    CHECK(count("role IN ('admin', 'moderator')") == 2);
    CHECK(count("name = 'Sofía Hernández'") == 1);
    CHECK(query_int(url, "SELECT count(*) FROM parent_links WHERE tenant_id = " + a) == 9);
    CHECK(query_int(url, "SELECT count(*) FROM bank_questions WHERE tenant_id = " + a) == 6);
    CHECK(query_int(url, "SELECT count(DISTINCT kind) FROM bank_questions WHERE tenant_id = " + a) == 4);
    // Each of its own questions reads as written: an explanation, three hints
    // in plain text, nothing of the answer block left in the question.
    auto own = run_cli({ "bank", "export", "--format", "gift", "--tenant", "summit" }, url);
    REQUIRE(own.exit_code == 0);
    auto read = learnloop::parse_gift(own.out);
    REQUIRE(read.problems.empty());
    REQUIRE(read.questions.size() == 6);
    for (const auto& q : read.questions) {
        INFO(q.id);
        CHECK_FALSE(q.explanation.empty());
        CHECK(q.hints.size() == 3);
        CHECK(q.text.find("####") == std::string::npos);
        for (const auto& hint : q.hints)
            CHECK(hint.find('\\') == std::string::npos);
    }

    auto again = seed(url);
    CHECK(again.out.find("Demo academy \"summit\" is ready (2 instructors, 40 students") != std::string::npos);
    CHECK(count("true") == 53);
    CHECK(query_int(url, "SELECT count(*) FROM bank_questions WHERE tenant_id = " + a) == 6);
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'bank.import' AND tenant_id = " + a) == 1);
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'user.create' AND tenant_id = " + a) == 53);
}

TEST_CASE("the demo academy's three courses have weeks of handed-in quizzes, graded as the server grades them",
    "[demo][academy]")
{
    const auto& url = tutoring_demo().url;
    const auto a = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'summit'"));
    CHECK(query_int(url, "SELECT count(*) FROM courses WHERE deleted_at IS NULL AND tenant_id = " + a) == 3);
    CHECK(query_int(url, "SELECT count(*) FROM quizzes WHERE tenant_id = " + a) == 12);
    CHECK(query_int(url, "SELECT count(DISTINCT mode) FROM quizzes WHERE tenant_id = " + a) == 2);
    CHECK(query_int(url, "SELECT min(n) FROM (SELECT count(*) AS n FROM course_students WHERE tenant_id = " + a
                         + " GROUP BY course_id) c")
        >= 16);
    // Each instructor teaches; every course's students are the academy's.
    CHECK(query_int(url, "SELECT count(DISTINCT instructor_id) FROM courses WHERE tenant_id = " + a) == 2);
    // Each with a join code its instructor can read out, a different one each.
    CHECK(query_int(url, "SELECT count(DISTINCT join_code) FROM courses WHERE tenant_id = " + a) == 3);
    const auto attempts = query_int(url, "SELECT count(*) FROM quiz_attempts WHERE tenant_id = " + a);
    CHECK(attempts >= 200);
    // Weeks of history, all handed in, none in the future.
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts WHERE submitted_at IS NULL OR submitted_at > now()"
                         " OR started_at < now() - interval '43 days' OR submitted_at < started_at") == 0);
    CHECK(query_int(url, "SELECT count(DISTINCT date_trunc('week', started_at)) FROM quiz_attempts") >= 5);
    // An attempt's score is the sum of its questions'; no attempt exceeds its quiz's questions.
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts a WHERE abs(a.score - (SELECT coalesce(sum(score), 0)"
                         " FROM quiz_attempt_questions q WHERE q.attempt_id = a.id)) > 1e-9") == 0);
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts a JOIN quizzes z ON z.id = a.quiz_id WHERE"
                         " (SELECT count(*) FROM quiz_attempt_questions q WHERE q.attempt_id = a.id) <> z.question_count")
        == 0);
    // The student login has quizzes behind them and some left to try.
    const auto mei = std::to_string(query_int(url, "SELECT id FROM users WHERE email = 'student@summit.learnloop.test'"));
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts WHERE student_id = " + mei) >= 3);
    CHECK(query_int(url, "SELECT count(*) FROM quizzes z JOIN course_students s ON s.course_id = z.course_id AND"
                         " s.student_id = " + mei + " WHERE NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE"
                         " a.quiz_id = z.id AND a.student_id = " + mei + ")")
        >= 2);

    // This week's answers for the parents' summaries, and exam goals for the study plans.
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts WHERE student_id = " + mei
                         + " AND submitted_at > now() - interval '7 days'")
        >= 1);
    CHECK(query_int(url, "SELECT count(*) FROM study_goals WHERE student_id = " + mei
                         + " AND exam_day > current_date AND minutes_per_day = 30")
        == 1);
    CHECK(query_int(url, "SELECT count(*) FROM study_goals WHERE tenant_id = " + a) >= 25);

    // The tutor's quizzes show hints used; no other quiz has any.
    CHECK(query_int(url, "SELECT count(*) FROM quizzes WHERE tutor AND tenant_id = " + a) == 3);
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempt_questions q JOIN quiz_attempts t ON t.id = q.attempt_id"
                         " JOIN quizzes z ON z.id = t.quiz_id WHERE q.hints_used > 0 AND z.tutor") > 0);
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempt_questions q JOIN quiz_attempts t ON t.id = q.attempt_id"
                         " JOIN quizzes z ON z.id = t.quiz_id WHERE q.hints_used > 0 AND NOT z.tutor") == 0);

    // Each stored answer grades the same when the server rebuilds its task.
    int regraded = 0;
    for (const auto& row : query(url, "SELECT a.seed, q.position, q.answer::text AS answer, q.score, q.hints_used, b.body"
                                      " FROM quiz_attempt_questions q JOIN quiz_attempts a ON a.id = q.attempt_id"
                                      " JOIN bank_questions b ON b.id = q.question_id WHERE q.answer IS NOT NULL"
                                      " ORDER BY a.id, q.position LIMIT 400")) {
        auto read = learnloop::parse_gift(row["body"].as<std::string>());
        REQUIRE(read.questions.size() == 1);
        auto task = learnloop::attempt_question_task(read.questions[0],
            static_cast<std::uint64_t>(row["seed"].as<std::int64_t>()), row["position"].as<std::size_t>());
        REQUIRE(task.ok());
        auto graded = learnloop::grade(task.value(), learnloop::Json::parse(row["answer"].as<std::string>()));
        REQUIRE(graded.ok());
        CHECK(learnloop::hinted_credit(graded.value().score, row["hints_used"].as<int>())
            == Approx(row["score"].as<double>()));
        ++regraded;
    }
    CHECK(regraded == 400);

    seed(url);
    CHECK(query_int(url, "SELECT count(*) FROM quiz_attempts WHERE tenant_id = " + a) == attempts);
    CHECK(query_int(url, "SELECT count(*) FROM audit_log WHERE action = 'demo.academy_history' AND tenant_id = " + a) == 1);
}

TEST_CASE("the demo academy's course work is marked with rubrics whose marks add up to each grade", "[demo][academy]")
{
    const auto& url = tutoring_demo().url;
    const auto a = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'summit'"));
    CHECK(query_int(url, "SELECT count(*) FROM assignments WHERE rubric IS NOT NULL AND course_id IS NOT NULL"
                         " AND tenant_id = " + a) == 6);
    // Marked work: the older assignment of each course, most of its students.
    const auto marked = query_int(url, "SELECT count(*) FROM submissions WHERE rubric_marks IS NOT NULL AND tenant_id = " + a);
    CHECK(marked >= 50);
    CHECK(query_int(url, "SELECT count(*) FROM submissions s JOIN assignments x ON x.id = s.assignment_id"
                         " WHERE x.due_at > now() AND s.grade IS NOT NULL") == 0);
    CHECK(query_int(url, "SELECT count(*) FROM submissions s JOIN assignments x ON x.id = s.assignment_id"
                         " WHERE x.due_at > now() AND x.tenant_id = " + a) > 0);
    // Every marked submission is a course student's, and its grade is what its marks give by the shared rules.
    CHECK(query_int(url, "SELECT count(*) FROM submissions s JOIN assignments x ON x.id = s.assignment_id"
                         " WHERE x.course_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM course_students c"
                         " WHERE c.course_id = x.course_id AND c.student_id = s.student_id)") == 0);
    int checked = 0, adjusted = 0;
    for (const auto& row : query(url, "SELECT x.rubric::text AS rubric, x.max_points, s.rubric_marks::text AS marks,"
                                      " s.grade FROM submissions s JOIN assignments x ON x.id = s.assignment_id"
                                      " WHERE s.rubric_marks IS NOT NULL AND x.tenant_id = " + a)) {
        auto rubric = learnloop::read_rubric(learnloop::Json::parse(row["rubric"].as<std::string>()), row["max_points"].as<int>());
        REQUIRE(rubric.ok());
        auto marks = learnloop::read_marks(learnloop::Json::parse(row["marks"].as<std::string>()));
        REQUIRE(marks.ok());
        for (const auto& m : marks.value())
            adjusted += m.adjustment ? 1 : 0;
        auto grade = learnloop::rubric_grade(rubric.value(), marks.value(), row["max_points"].as<int>());
        REQUIRE(grade.ok());
        CHECK(grade.value() == Approx(row["grade"].as<double>()));
        ++checked;
    }
    CHECK(checked == marked);
    CHECK(adjusted > 0);
    CHECK(query_int(url, "SELECT count(*) FROM grade_history h JOIN submissions s ON s.id = h.submission_id"
                         " WHERE s.rubric_marks IS NOT NULL AND h.rubric_marks = s.rubric_marks AND s.tenant_id = " + a)
        == marked);
    // The student login: marked work to read in GRE Quant, and work to hand in there.
    const auto mei = std::to_string(query_int(url, "SELECT id FROM users WHERE email = 'student@summit.learnloop.test'"));
    CHECK(query_int(url, "SELECT count(*) FROM submissions WHERE rubric_marks IS NOT NULL AND student_id = " + mei) >= 1);
    CHECK(query_int(url, "SELECT count(*) FROM assignments x JOIN course_students c ON c.course_id = x.course_id"
                         " AND c.student_id = " + mei + " WHERE x.due_at > now() AND NOT EXISTS (SELECT 1 FROM"
                         " submissions s WHERE s.assignment_id = x.id AND s.student_id = " + mei + ")") >= 1);
}

// The demo marketplace is seeded by the same `seed demo`, after the academy,
// from course-catalog/.
TEST_CASE("the demo marketplace: six instructors, twenty-five published courses with lessons, learners and reviews",
    "[demo][marketplace]")
{
    const auto& url = tutoring_demo().url;
    const auto m = std::to_string(query_int(url, "SELECT id FROM tenants WHERE slug = 'lumen' AND kind = 'marketplace'"));
    auto count = [&](const std::string& sql) { return query_int(url, sql); };
    CHECK(count("SELECT count(*) FROM users WHERE role = 'teacher' AND tenant_id = " + m) == 6);
    CHECK(count("SELECT count(*) FROM users WHERE role = 'student' AND tenant_id = " + m) == 48);
    CHECK(count("SELECT count(*) FROM marketplace_settings WHERE tenant_id = " + m) == 1);
    CHECK(count("SELECT count(*) FROM courses WHERE status = 'published' AND tenant_id = " + m) == 25);
    // One draft the instructor login is still writing: in the studio, with nobody in it yet.
    CHECK(count("SELECT count(*) FROM courses c JOIN users u ON u.id = c.instructor_id WHERE c.status = 'draft' AND "
                "c.published_at IS NULL AND u.email = 'instructor@lumen.learnloop.test' AND c.tenant_id = " + m) == 1);
    CHECK(count("SELECT count(*) FROM course_students s JOIN courses c ON c.id = s.course_id WHERE c.status = 'draft' "
                "AND c.tenant_id = " + m) == 0);
    // Lessons offer files to download (text and CSV, checked as the studio checks them).
    CHECK(count("SELECT count(*) FROM lesson_attachments WHERE tenant_id = " + m) == 6);
    CHECK(count("SELECT count(*) FROM catalog_categories WHERE parent_id IS NULL AND tenant_id = " + m) == 5);
    // Every category of a course is a subcategory; every instructor teaches 3 to 6 courses.
    CHECK(count("SELECT count(*) FROM courses c JOIN catalog_categories cat ON cat.id = c.category_id WHERE "
                "cat.parent_id IS NULL AND c.tenant_id = " + m) == 0);
    CHECK(count("SELECT count(*) FROM (SELECT instructor_id FROM courses WHERE tenant_id = " + m
              + " GROUP BY 1 HAVING count(*) NOT BETWEEN 3 AND 6) x") == 0);
    // 3 or 4 modules, each of 2 to 4 lessons; a video lesson always has its address.
    CHECK(count("SELECT count(*) FROM (SELECT course_id FROM course_modules WHERE tenant_id = " + m
              + " GROUP BY 1 HAVING count(*) NOT BETWEEN 3 AND 4) x") == 0);
    CHECK(count("SELECT count(*) FROM (SELECT module_id FROM course_lessons WHERE tenant_id = " + m
              + " GROUP BY 1 HAVING count(*) NOT BETWEEN 2 AND 4) x") == 0);
    CHECK(count("SELECT count(*) FROM course_lessons WHERE kind = 'video' AND tenant_id = " + m) > 10);
    // Free, one-time and subscription prices, each in the band the shared rule gives it.
    for (const auto& row : query(url, "SELECT price_kind, price_minor, currency, billing_period, price_band, slug FROM courses "
                                      "WHERE tenant_id = " + m)) {
        INFO(row["slug"].as<std::string>());
        learnloop::Price price;
        price.kind = learnloop::parse_price_kind(row["price_kind"].as<std::string>()).value();
        price.amount = { row["price_minor"].as<std::int64_t>(), row["currency"].is_null() ? "" : row["currency"].as<std::string>() };
        CHECK(std::string(learnloop::price_band_name(learnloop::price_band_of(price))) == row["price_band"].as<std::string>());
    }
    CHECK(count("SELECT count(DISTINCT price_kind) FROM courses WHERE tenant_id = " + m) == 3);
    CHECK(count("SELECT count(DISTINCT language) FROM courses WHERE tenant_id = " + m) >= 4);
    // Enrolments after each course was published and before today; reviews by
    // enrolled learners only; each course's rating is its reviews'.
    CHECK(count("SELECT count(*) FROM course_students s JOIN courses c ON c.id = s.course_id WHERE c.tenant_id = " + m) > 150);
    CHECK(count("SELECT count(*) FROM course_students s JOIN courses c ON c.id = s.course_id WHERE c.tenant_id = " + m
              + " AND (s.enrolled_at < c.published_at OR s.enrolled_at > now())") == 0);
    CHECK(count("SELECT count(*) FROM course_reviews WHERE tenant_id = " + m) > 60);
    CHECK(count("SELECT count(*) FROM course_reviews r WHERE tenant_id = " + m + " AND NOT EXISTS (SELECT 1 FROM "
                "course_students s WHERE s.course_id = r.course_id AND s.student_id = r.learner_id)") == 0);
    CHECK(count("SELECT count(*) FROM courses c WHERE tenant_id = " + m + " AND (rating_count <> (SELECT count(*) FROM "
                "course_reviews r WHERE r.course_id = c.id) OR rating_sum <> (SELECT coalesce(sum(stars), 0) FROM "
                "course_reviews r WHERE r.course_id = c.id))") == 0);
    CHECK(count("SELECT count(*) FROM courses WHERE tenant_id = " + m + " AND search_document IS NULL") == 0);
    const auto learner = std::to_string(count("SELECT id FROM users WHERE email = 'student@lumen.learnloop.test'"));
    CHECK(count("SELECT count(*) FROM course_students WHERE student_id = " + learner) == 3);
    // Progress: lessons done in order by enrolled learners; the learner login
    // has one course finished, one half-way and one not started.
    CHECK(count("SELECT count(*) FROM lesson_progress WHERE tenant_id = " + m) > 300);
    CHECK(count("SELECT count(*) FROM lesson_progress p WHERE tenant_id = " + m + " AND NOT EXISTS (SELECT 1 FROM "
                "course_students s WHERE s.course_id = p.course_id AND s.student_id = p.learner_id)") == 0);
    CHECK(count("SELECT count(*) FROM (SELECT s.course_id FROM course_students s LEFT JOIN lesson_progress p ON "
                "p.course_id = s.course_id AND p.learner_id = s.student_id AND p.completed_at IS NOT NULL WHERE s.student_id = "
              + learner + " GROUP BY s.course_id HAVING count(p.lesson_id) = (SELECT count(*) FROM course_lessons l WHERE "
                "l.course_id = s.course_id)) finished") == 1);
    CHECK(count("SELECT count(DISTINCT course_id) FROM lesson_progress WHERE learner_id = " + learner) == 2);
    // Orders: every one-time course's enrolment was bought, each split adding up
    // with the shared rule; some refunded (in full: no enrolment), a few
    // cancelled; every paid order's payment is the sandbox's.
    CHECK(count("SELECT count(*) FROM course_orders WHERE tenant_id = " + m) > 60);
    CHECK(count("SELECT count(*) FROM course_students s JOIN courses c ON c.id = s.course_id WHERE c.tenant_id = " + m
              + " AND c.price_kind = 'one_time' AND NOT EXISTS (SELECT 1 FROM course_orders o WHERE o.course_id = s.course_id"
                " AND o.learner_id = s.student_id AND o.status IN ('paid', 'partly_refunded'))") == 0);
    CHECK(count("SELECT count(*) FROM course_orders o WHERE tenant_id = " + m + " AND status IN ('refunded', 'cancelled')"
                " AND EXISTS (SELECT 1 FROM course_students s WHERE s.course_id = o.course_id AND s.student_id = o.learner_id)")
        == 0);
    for (const char* status : { "paid", "partly_refunded", "refunded", "cancelled" }) {
        INFO(status);
        CHECK(count("SELECT count(*) FROM course_orders WHERE status = '" + std::string(status) + "' AND tenant_id = " + m) > 0);
    }
    for (const auto& row : query(url, "SELECT o.gross_minor, o.currency, o.processing_fee_minor, o.platform_fee_minor,"
                                      " o.instructor_share_minor, o.platform_fee_bp, o.processing_bp, o.processing_fixed_minor"
                                      " FROM course_orders o WHERE o.tenant_id = " + m)) {
        const auto split = learnloop::split_order({ row[0].as<std::int64_t>(), row[1].as<std::string>() },
            { row[5].as<int>(), row[6].as<int>(), row[7].as<std::int64_t>() });
        REQUIRE(split.ok());
        CHECK(split.value().processing_fee.minor == row[2].as<std::int64_t>());
        CHECK(split.value().platform_fee.minor == row[3].as<std::int64_t>());
        CHECK(split.value().instructor_share.minor == row[4].as<std::int64_t>());
    }
    CHECK(count("SELECT count(*) FROM course_orders o WHERE tenant_id = " + m + " AND refunded_gross_minor <> (SELECT"
                " coalesce(sum(gross_minor), 0) FROM order_refunds r WHERE r.order_id = o.id)") == 0);
    CHECK(count("SELECT count(*) FROM course_orders o JOIN sandbox_checkouts k ON k.id = o.checkout_id WHERE o.tenant_id = "
              + m + " AND (k.payment_id IS DISTINCT FROM o.payment_id OR k.refunded_minor <> o.refunded_gross_minor)") == 0);
    CHECK(count("SELECT count(*) FROM course_orders WHERE learner_id = " + learner) >= 1);
    // Coupons: the office's (one expired, one ended) and the instructor login's
    // for their own courses; orders bought with them split what was paid,
    // and list price = gross + discount.
    CHECK(count("SELECT count(*) FROM coupons WHERE tenant_id = " + m) == 4);
    CHECK(count("SELECT count(*) FROM coupons WHERE ended_at IS NOT NULL AND tenant_id = " + m) == 1);
    CHECK(count("SELECT count(*) FROM coupons WHERE expires_at < now() AND tenant_id = " + m) == 1);
    CHECK(count("SELECT count(*) FROM coupon_courses c JOIN courses x ON x.id = c.course_id JOIN users u ON"
                " u.id = x.instructor_id WHERE u.email <> 'instructor@lumen.learnloop.test' AND c.tenant_id = " + m) == 0);
    CHECK(count("SELECT count(*) FROM course_orders WHERE coupon_id IS NOT NULL AND tenant_id = " + m) > 10);
    CHECK(count("SELECT count(*) FROM course_orders o JOIN courses c ON c.id = o.course_id WHERE o.tenant_id = " + m
              + " AND o.gross_minor + o.discount_minor <> c.price_minor") == 0);
    CHECK(count("SELECT count(*) FROM course_orders o JOIN coupons k ON k.id = o.coupon_id WHERE o.tenant_id = " + m
              + " AND (o.created_at < k.created_at OR o.created_at >= coalesce(k.expires_at, 'infinity')"
                " OR o.created_at >= coalesce(k.ended_at, 'infinity'))") == 0);
    // Monthly payouts: sent for the months before last, last month's due;
    // never more than an instructor's shares less refunds.
    CHECK(count("SELECT count(*) FROM instructor_payouts WHERE status = 'paid' AND tenant_id = " + m) > 5);
    CHECK(count("SELECT count(*) FROM instructor_payouts p WHERE tenant_id = " + m + " AND amount_minor > (SELECT"
                " sum(o.instructor_share_minor - o.refunded_instructor_minor) FROM course_orders o JOIN courses c ON"
                " c.id = o.course_id WHERE c.instructor_id = p.instructor_id AND o.currency = p.currency)") == 0);
    // Certificates: each learner who finished a course holds one, signed by
    // the marketplace's one key and checking out; one was revoked; the
    // learner login holds one.
    CHECK(count("SELECT count(*) FROM certificates WHERE tenant_id = " + m) > 20);
    CHECK(count("SELECT count(*) FROM certificates WHERE revoked_at IS NOT NULL AND revoked_at <= now() AND tenant_id = "
              + m) == 1);
    CHECK(count("SELECT count(*) FROM issuer_keys WHERE tenant_id = " + m) == 1);
    CHECK(count("SELECT count(*) FROM certificates WHERE revoked_at IS NULL AND learner_id = " + learner) >= 1);
    CHECK(count("SELECT count(*) FROM course_students s WHERE s.tenant_id = " + m + " AND (SELECT count(*) FROM"
                " course_lessons l WHERE l.course_id = s.course_id) = (SELECT count(*) FROM lesson_progress p WHERE"
                " p.course_id = s.course_id AND p.learner_id = s.student_id AND p.completed_at IS NOT NULL) AND NOT EXISTS"
                " (SELECT 1 FROM certificates x WHERE x.course_id = s.course_id AND x.learner_id = s.student_id)") == 0);
    {
        pqxx::connection connection(url);
        pqxx::nontransaction read(connection);
        for (const auto& row : read.exec("SELECT credential FROM certificates WHERE tenant_id = " + m + " LIMIT 40")) {
            const auto check = learnloop::server::check_credential(row[0].as<std::string>());
            INFO(check.problem);
            CHECK(check.valid);
            CHECK(check.record.issuer_name == "Lumen Courses");
        }
    }
    // Every row is the marketplace's.
    for (const char* table : { "catalog_categories", "course_modules", "course_lessons", "course_reviews",
             "marketplace_instructors", "lesson_progress", "course_orders", "order_refunds", "instructor_payouts",
             "certificates", "coupons", "coupon_courses" }) {
        INFO(table);
        CHECK(count(std::string("SELECT count(*) FROM ") + table + " WHERE tenant_id <> " + m) == 0);
    }

    auto before = count("SELECT count(*) FROM course_lessons") + count("SELECT count(*) FROM course_reviews")
        + count("SELECT count(*) FROM course_students") + count("SELECT count(*) FROM lesson_progress")
        + count("SELECT count(*) FROM course_orders");
    auto again = seed(url);
    CHECK(again.out.find("Demo marketplace \"lumen\" is ready (6 instructors, 48 learners") != std::string::npos);
    CHECK(again.out.find("marketplace catalog:") == std::string::npos);
    CHECK(count("SELECT count(*) FROM course_lessons") + count("SELECT count(*) FROM course_reviews")
            + count("SELECT count(*) FROM course_students") + count("SELECT count(*) FROM lesson_progress")
            + count("SELECT count(*) FROM course_orders")
        == before);
    CHECK(count("SELECT count(*) FROM audit_log WHERE action = 'demo.marketplace_catalog' AND tenant_id = " + m) == 1);
}
