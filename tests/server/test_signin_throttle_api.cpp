// Sign-in throttling, black box against the real server and PostgreSQL: the
// check and the count are one atomic step, an account-and-address pair backs
// off exponentially, an address that many accounts sign in from may fail more
// often, and a known device lets the owner in while the account is locked.
// (Every request comes from 127.0.0.1: one address.)
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <future>
#include <string>
#include <vector>

using namespace learnloop::test;

namespace {

// A sign-in, with the known-device token when one is given.
Reply sign_in(ApiClient& api, const std::string& email, const std::string& password, const std::string& device = {})
{
    Json body = { { "email", email }, { "password", password } };
    if (!device.empty())
        body["device"] = device;
    return api.post("/api/login", body);
}

// A successful sign-in's known-device token.
std::string device_of(const Reply& reply)
{
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    REQUIRE(reply.json.contains("device_token"));
    auto token = reply.json["device_token"].get<std::string>();
    CHECK(is_hex_token(token));
    return token;
}

void check_throttled(const Reply& reply, int at_most_seconds)
{
    INFO(describe(reply));
    CHECK(reply.status == 429);
    CHECK(reply.error() == "Too many attempts");
    CHECK_FALSE(reply.json.contains("token"));
    auto retry_after = reply.header("Retry-After");
    REQUIRE_FALSE(retry_after.empty());
    CHECK(retry_after.find_first_not_of("0123456789") == std::string::npos);
    CHECK(std::stoi(retry_after) > 0);
    CHECK(std::stoi(retry_after) <= at_most_seconds);
}

struct Outcomes {
    int checked = 0;     // 401: the password was checked and was wrong
    int throttled = 0;   // 429
    int busy = 0;        // 503: no hashing slot in time (a loaded machine); the attempt is not counted
    int other = 0;
};

// `count` wrong guesses for one account, all sent at once.
Outcomes guess_at_once(ApiFixture& f, const std::string& email, int count)
{
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < count; ++i)
        pending.push_back(std::async(std::launch::async, [&f, &email, i] {
            ApiClient client(f.api().port());
            return client.login(email, "wrong-guess-number-" + std::to_string(i));
        }));
    Outcomes outcomes;
    for (auto& reply : pending) {
        auto r = reply.get();
        if (r.status == 401)
            ++outcomes.checked;
        else if (r.status == 429)
            ++outcomes.throttled;
        else if (r.status == 503)
            ++outcomes.busy;
        else {
            INFO(describe(r));
            ++outcomes.other;
        }
    }
    return outcomes;
}

} // namespace

// Wrong guesses one after another until the throttle answers; how many were checked.
int guess_until_throttled(ApiFixture& f, const std::string& email)
{
    for (int checked = 0;; ++checked) {
        auto reply = f.api().login(email, "one-more-wrong-guess-" + std::to_string(checked));
        if (reply.status == 429)
            return checked;
        INFO(describe(reply));
        REQUIRE(reply.status == 401);
    }
}

TEST_CASE("40 wrong guesses at once for one account: no more than the limit get their password checked",
    "[api][auth][throttle][concurrency]")
{
    // The most a loaded machine may take to free a hashing slot: a sign-in
    // that still finds none answers 503 and is not counted, so the guesses
    // then topped up one by one must bring the total to the limit exactly.
    FixtureOptions options;
    options.server_env["LEARNLOOP_PASSWORD_HASHING_WAIT_MS"] = "20000";
    SECTION("the account's limit (10 in a window), with backoff out of the way")
    {
        options.server_env["LEARNLOOP_LOGIN_FAILURES_BEFORE_BACKOFF"] = "1000";
        ApiFixture f("throttle_atomic_account", options);
        auto outcomes = guess_at_once(f, f.demo.student.email, 40);
        CHECK(outcomes.checked <= 10);
        CHECK(outcomes.checked + outcomes.throttled + outcomes.busy == 40);
        CHECK(outcomes.other == 0);
        CHECK(outcomes.checked + guess_until_throttled(f, f.demo.student.email) == 10);
        check_throttled(sign_in(f.api(), f.demo.student.email, k_demo_password), 300);
    }
    SECTION("the account-and-address backoff (from the 5th failure in a row)")
    {
        ApiFixture f("throttle_atomic_pair", options);
        auto outcomes = guess_at_once(f, f.demo.student.email, 40);
        CHECK(outcomes.checked <= 5);
        CHECK(outcomes.checked + outcomes.throttled + outcomes.busy == 40);
        CHECK(outcomes.other == 0);
        CHECK(outcomes.checked + guess_until_throttled(f, f.demo.student.email) == 5);
    }
}

TEST_CASE("an account-and-address pair backs off exponentially, and a success there forgets its failures",
    "[api][auth][throttle]")
{
    ApiFixture f("throttle_backoff");
    auto& api = f.api();
    const auto& email = f.demo.student.email;
    for (int attempt = 1; attempt <= 5; ++attempt) {
        INFO("failed attempt " << attempt);
        check_error(sign_in(api, email, "wrong-guess-" + std::to_string(attempt)), 401, "Invalid credentials");
    }
    // The 5th failure in a row starts a 30-second wait, for the right password too.
    check_throttled(sign_in(api, email, k_demo_password), 30);
    // Another account at the same address is not held up.
    CHECK(sign_in(api, f.demo.teacher.email, k_demo_password).status == 200);

    // The wait over, the next failure doubles it.
    f.sql("UPDATE signin_pairs SET blocked_until = now() WHERE failures = 5");
    check_error(sign_in(api, email, "wrong-guess-6"), 401, "Invalid credentials");
    check_throttled(sign_in(api, email, k_demo_password), 60);
    auto wait = f.sql_int("SELECT ceil(extract(epoch FROM blocked_until - now()))::int FROM signin_pairs WHERE failures = 6");
    CHECK(wait > 30);
    CHECK(wait <= 60);

    // The wait over, the right password gets in and the pair starts afresh.
    f.sql("UPDATE signin_pairs SET blocked_until = now() WHERE failures = 6");
    CHECK(sign_in(api, email, k_demo_password).status == 200);
    CHECK(f.sql_int("SELECT count(*) FROM signin_pairs WHERE failures > 0 OR blocked_until > now()") == 0);
}

TEST_CASE("failures from one address for other accounts: a correct sign-in there goes ahead until the address's "
          "limit, which grows with the accounts that sign in from it",
    "[api][auth][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ADDRESS"] = "10";
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_KNOWN_ACCOUNT"] = "10";
    ApiFixture f("throttle_address", options);
    auto& api = f.api();
    int guessed = 0;
    auto guess_other_accounts = [&](int count) {
        for (int i = 0; i < count; ++i, ++guessed) {
            INFO("guess " << guessed);
            check_error(sign_in(api, "nobody-" + std::to_string(guessed) + "@demo.learnloop.test", "wrong-password-1"),
                401, "Invalid credentials");
        }
    };
    auto known_accounts = [&] {
        return f.sql_int("SELECT count(*) FROM signin_pairs WHERE last_success_at IS NOT NULL");
    };

    // A teacher signs in here: the address is one that one account uses.
    auto teacher_device = device_of(sign_in(api, f.demo.teacher.email, k_demo_password));
    auto known = known_accounts();
    REQUIRE(known >= 1);

    // Past the limit of an address nobody signs in from (10), a student who
    // never signed in here still gets in.
    guess_other_accounts(static_cast<int>(10 + 10 * known) - 1);
    CHECK(sign_in(api, f.demo.student.email, k_demo_password).status == 200);
    REQUIRE(known_accounts() == known + 1);

    // Now the limit is 10 + 10 per account known here; at it, a sign-in from
    // a device the address has not seen waits out the window...
    guess_other_accounts(11);
    check_throttled(sign_in(api, f.demo.parent.email, k_demo_password), 300);
    // ...but an owner on their known device gets in.
    CHECK(sign_in(api, f.demo.teacher.email, k_demo_password, teacher_device).status == 200);
    // The window over, everyone may sign in again.
    f.sql("UPDATE login_throttle SET window_start = now() - interval '1 hour'");
    CHECK(sign_in(api, f.demo.parent.email, k_demo_password).status == 200);
}

TEST_CASE("behind the reverse proxy, the address is the last X-Forwarded-For entry, not the proxy's",
    "[api][auth][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ADDRESS"] = "3";
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_KNOWN_ACCOUNT"] = "0";
    ApiFixture f("throttle_forwarded", options);
    auto& api = f.api();
    auto from = [&](const std::string& forwarded, const std::string& email, const std::string& password) {
        return api.post("/api/login", { { "email", email }, { "password", password } }, {},
            { { "X-Forwarded-For", forwarded } });
    };
    // The proxy (loopback, as in the tests) appends the address it saw.
    for (int i = 0; i < 3; ++i)
        check_error(from("203.0.113.5", "nobody-" + std::to_string(i) + "@demo.learnloop.test", "wrong-password-1"),
            401, "Invalid credentials");
    check_throttled(from("203.0.113.5", f.demo.parent.email, k_demo_password), 300);
    // Another client behind the same proxy is not held up...
    CHECK(from("198.51.100.7", f.demo.parent.email, k_demo_password).status == 200);
    // ...and the locked client cannot claim another address: the proxy's entry is the last.
    check_throttled(from("198.51.100.7, 203.0.113.5", f.demo.parent.email, k_demo_password), 300);
    // An IPv4 address written as IPv6 is the same client.
    check_throttled(from("::ffff:203.0.113.5", f.demo.parent.email, k_demo_password), 300);
    // An IPv6 client is counted by its /64: new addresses from it do not start afresh.
    for (const char* address : { "2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2:ffff:1:2:3" })
        check_error(from(address, "nobody@demo.learnloop.test", "wrong-password-1"), 401, "Invalid credentials");
    check_throttled(from("2001:db8:1:2::d", f.demo.parent.email, k_demo_password), 300);
    CHECK(from("2001:db8:1:3::d", f.demo.parent.email, k_demo_password).status == 200);   // the next /64
    // Without the header (no proxy), the peer's own address counts.
    CHECK(sign_in(api, f.demo.teacher.email, k_demo_password).status == 200);
}

TEST_CASE("the throttle's rows nobody needs any more are removed by the server; the rest stay", "[api][auth][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_PRUNE_SECONDS"] = "1";
    ApiFixture f("throttle_prune", options);
    f.sql("INSERT INTO login_throttle (key, failures, window_start) VALUES "
          "('ended', 3, now() - interval '2 days'), ('running', 3, now() - interval '1 hour')");
    f.sql("INSERT INTO signin_pairs (address_key, account_key, failures, blocked_until, last_failure_at, last_success_at) VALUES "
          "('a', 'quiet', 2, NULL, now() - interval '40 days', now() - interval '60 days'), "
          "('a', 'backing off', 9, now() + interval '1 hour', now() - interval '40 days', NULL), "
          "('a', 'known', 0, NULL, NULL, now() - interval '10 days'), "
          "('a', 'failing', 1, NULL, now() - interval '1 day', NULL)");
    // The server's pass runs every second here (an hour by default).
    for (int i = 0; i < 100 && f.sql_int("SELECT count(*) FROM login_throttle WHERE key = 'ended'") > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (int i = 0; i < 100 && f.sql_int("SELECT count(*) FROM signin_pairs WHERE account_key = 'quiet'") > 0; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(f.sql_text("SELECT string_agg(key, ',' ORDER BY key) FROM login_throttle") == "running");
    CHECK(f.sql_text("SELECT string_agg(account_key, ',' ORDER BY account_key) FROM signin_pairs")
        == "backing off,failing,known");
    // Signing in goes on as before.
    CHECK(sign_in(f.api(), f.demo.parent.email, k_demo_password).status == 200);
}

TEST_CASE("an account locked by guessers stays open to its owner's known device, which is throttled on its own",
    "[api][auth][throttle]")
{
    FixtureOptions options;
    options.server_env["LEARNLOOP_LOGIN_FAILURES_PER_ACCOUNT"] = "3";
    options.server_env["LEARNLOOP_LOGIN_FAILURES_BEFORE_BACKOFF"] = "3";
    ApiFixture f("throttle_device", options);
    auto& api = f.api();
    const auto& email = f.demo.student.email;

    // The owner signed in once on this device; a teacher on theirs.
    auto device = device_of(sign_in(api, email, k_demo_password));
    auto teacher_device = device_of(sign_in(api, f.demo.teacher.email, k_demo_password));
    CHECK(device != teacher_device);
    CHECK(f.sql_int("SELECT count(*) FROM signin_devices") == 2);
    // Stored as the SHA-256 of the token, never as itself.
    CHECK(f.sql_int("SELECT count(*) FROM signin_devices WHERE token_hash = decode('" + device + "', 'hex')") == 0);
    CHECK(f.sql_int("SELECT count(*) FROM signin_devices WHERE token_hash = sha256(convert_to('" + device
              + "', 'UTF8'))")
        == 1);

    // Guessers lock the account.
    for (int attempt = 1; attempt <= 3; ++attempt)
        check_error(sign_in(api, email, "wrong-guess-" + std::to_string(attempt)), 401, "Invalid credentials");
    check_throttled(sign_in(api, email, k_demo_password), 300);
    // Without the device, or with a token it never was given or another
    // user's, the owner is refused too.
    check_throttled(sign_in(api, email, k_demo_password, std::string(64, 'a')), 300);
    check_throttled(sign_in(api, email, k_demo_password, teacher_device), 300);

    // With it, the owner gets in, and keeps the same token.
    auto again = sign_in(api, email, k_demo_password, device);
    CHECK(device_of(again) == device);
    // Still locked for everyone else.
    check_throttled(sign_in(api, email, k_demo_password), 300);

    // Guesses with a stolen device token meet the device's own backoff.
    for (int attempt = 1; attempt <= 3; ++attempt)
        check_error(sign_in(api, email, "device-guess-" + std::to_string(attempt), device), 401, "Invalid credentials");
    check_throttled(sign_in(api, email, k_demo_password, device), 30);
}

TEST_CASE("a device token must be a string; a user keeps at most 20 known devices, the most recently used",
    "[api][auth][login][throttle]")
{
    ApiFixture f("throttle_device_shape");
    auto reply = f.api().post("/api/login", { { "email", f.demo.student.email }, { "password", k_demo_password },
                                                { "device", 42 } });
    check_error(reply, 400, "Invalid request");
    CHECK(reply.field() == "device");

    // A client that never sends its token back gets a new one each time.
    auto first = device_of(sign_in(f.api(), f.demo.student.email, k_demo_password));
    for (int i = 0; i < 24; ++i)
        device_of(sign_in(f.api(), f.demo.student.email, k_demo_password));
    auto student = std::to_string(f.demo.student.id);
    CHECK(f.sql_int("SELECT count(*) FROM signin_devices WHERE user_id = " + student) == 20);
    // The oldest went first: its token is an unknown device's now.
    CHECK(f.sql_int("SELECT count(*) FROM signin_devices WHERE token_hash = sha256(convert_to('" + first
              + "', 'UTF8'))")
        == 0);
}
