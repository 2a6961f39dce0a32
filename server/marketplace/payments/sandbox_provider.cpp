// The sandbox payment provider (sandbox_provider.hpp).
#include "marketplace/payments/sandbox_provider.hpp"

#include "db/sql.hpp"
#include "http/html_page.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <cstdio>
#include <ctime>
#include <thread>

namespace learnloop::server {

namespace {

const char* k_checkout_gone = "No checkout has that address";
constexpr int k_delivery_attempts = 3;


Error unauthenticated(std::string message)
{
    return make_error(ErrorCode::Unauthenticated, std::move(message), "signature");
}

// [SECTION] the checkout's record

struct SandboxCheckout {
    std::string id;
    std::string merchant;
    std::string description;
    Money amount;
    std::string return_url;
    std::string status;      // open, paid, cancelled, expired
    std::string payment_id;
    std::int64_t tenant_id = 0;
    std::int64_t order_id = 0;
    bool past_expiry = false;
    std::int64_t completed = 0;
};

std::optional<SandboxCheckout> find_checkout(pqxx::transaction_base& txn, const std::string& id)
{
    auto rows = exec_named(txn, "marketplace/sandbox_checkout", id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return SandboxCheckout { row["id"].as<std::string>(), row["merchant"].as<std::string>(),
        row["description"].as<std::string>(),
        { row["amount_minor"].as<std::int64_t>(), row["currency"].as<std::string>() },
        row["return_url"].as<std::string>(), row["status"].as<std::string>(),
        row["payment_id"].is_null() ? std::string() : row["payment_id"].as<std::string>(),
        row["tenant_id"].as<std::int64_t>(), row["order_id"].as<std::int64_t>(), row["past_expiry"].as<bool>(),
        row["completed"].as<std::int64_t>() };
}

// The event a finished checkout sends; its id is fixed by the checkout and
// its ending, so sending it again is a replay.
PaymentEvent event_of(const SandboxCheckout& checkout)
{
    PaymentEvent event;
    event.kind = checkout.status == "paid"        ? PaymentEventKind::CheckoutCompleted
        : checkout.status == "cancelled"          ? PaymentEventKind::CheckoutCancelled
                                                  : PaymentEventKind::CheckoutExpired;
    event.id = "evt_" + sha256_hex(checkout.id + "." + std::string(payment_event_kind_name(event.kind))).substr(0, 32);
    event.created = checkout.completed;
    event.checkout_id = checkout.id;
    event.payment_id = checkout.payment_id;
    event.amount = checkout.amount;
    event.tenant_id = checkout.tenant_id;
    event.order_id = checkout.order_id;
    return event;
}

// [SECTION] sending events

// Where events go: LEARNLOOP_PAYMENTS_WEBHOOK_URL, or this server itself.
std::string webhook_base(const ServerConfig& config)
{
    if (!config.payments_webhook_url.empty())
        return config.payments_webhook_url;
    auto host = config.host;
    if (host.empty() || host == "0.0.0.0")
        host = "127.0.0.1";
    else if (host == "::")
        host = "[::1]";
    else if (host.find(':') != std::string::npos && host.front() != '[')
        host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(config.port);
}

// Posts the event, signed, up to three times; true once the marketplace
// answered 2xx. Runs on the sender's own thread, after the checkout's
// change committed.
bool deliver(const std::string& base, const std::string& secret, const PaymentEvent& event)
{
    const auto body = payment_event_json(event).dump();
    httplib::Client client(base);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    for (int attempt = 1; attempt <= k_delivery_attempts; ++attempt) {
        const auto t = unix_now();
        httplib::Headers headers { { k_sandbox_signature_header,
            signature_header_text(t, hmac_sha256_hex(secret, signed_payload(t, body))) } };
        auto result = client.Post("/api/marketplace/webhooks/sandbox", headers, body, "application/json");
        if (result && result->status >= 200 && result->status < 300)
            return true;
        const Json line { { "level", "warn" }, { "event", "payments.sandbox.delivery_failed" },
            { "payment_event", event.id }, { "attempt", attempt }, { "status", result ? result->status : 0 } };
        std::fprintf(stderr, "%s\n", line.dump().c_str());
        // A 4xx is the receiver refusing this event: sending it again is no use.
        if (result && result->status >= 400 && result->status < 500)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200 * attempt));
    }
    return false;
}

// Events wait here for one sender thread, so a payer's click never waits on
// the marketplace answering (which may be this same server, busy).
class EventSender {
public:
    void start(std::string base)
    {
        std::lock_guard lock(m_mutex);
        m_base = std::move(base);
        if (m_started)
            return;
        m_started = true;
        std::thread([this] { run(); }).detach();
    }

    void send(std::string secret, PaymentEvent event)
    {
        {
            std::lock_guard lock(m_mutex);
            m_queue.emplace_back(std::move(secret), std::move(event));
        }
        m_ready.notify_one();
    }

private:
    void run()
    {
        for (;;) {
            std::unique_lock lock(m_mutex);
            m_ready.wait(lock, [this] { return !m_queue.empty(); });
            auto [secret, event] = std::move(m_queue.front());
            m_queue.pop_front();
            const auto base = m_base;
            lock.unlock();
            deliver(base, secret, event);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::pair<std::string, PaymentEvent>> m_queue;
    std::string m_base;
    bool m_started = false;
};

// Never destroyed: its thread waits on the condition variable until the
// process ends, and destroying a condition variable something waits on
// blocks (glibc), which would keep the server from exiting.
EventSender& sender()
{
    static auto* instance = new EventSender;
    return *instance;
}

std::unique_ptr<PaymentProvider>& configured()
{
    static std::unique_ptr<PaymentProvider> provider;
    return provider;
}

Result<void> require_sandbox()
{
    if (!dynamic_cast<SandboxProvider*>(configured().get()))
        return make_error(ErrorCode::NotFound, "The sandbox payment provider is off on this server");
    return {};
}

// [SECTION] the pages

std::string money_text(const Money& amount)
{
    auto currency = find_currency(amount.currency);
    return currency.ok() ? format_money(amount, currency.value()) : std::to_string(amount.minor) + " " + amount.currency;
}

// A sandbox page: its badge says no real money moves.
ApiResponse sandbox_page(int status, const std::string& title, const std::string& main)
{
    return html_page(status, title, "/sandbox-pay/checkout.css",
        "<p class=\"badge\">Sandbox payments: no real money moves</p>\n" + main);
}

std::string form(const std::string& action, const std::string& label, const char* kind)
{
    return "<form method=\"post\" action=\"" + html_escaped(action) + "\"><button type=\"submit\" class=\"" + kind + "\">"
        + html_escaped(label) + "</button></form>\n";
}

ApiResponse checkout_page(const SandboxCheckout& checkout, const std::string& token)
{
    const auto amount = money_text(checkout.amount);
    const auto base = "/sandbox-pay/" + token;
    std::string main = "<h1>Pay " + html_escaped(checkout.merchant) + "</h1>\n<dl><dt>For</dt><dd>"
        + html_escaped(checkout.description) + "</dd><dt>Amount</dt><dd class=\"amount\">" + html_escaped(amount)
        + "</dd></dl>\n";
    if (checkout.status == "open" && !checkout.past_expiry) {
        main += form(base + "/pay", "Pay " + amount, "primary");
        main += form(base + "/cancel", "Cancel and go back", "secondary");
        return sandbox_page(200, "Pay " + checkout.merchant + " – sandbox checkout", main);
    }
    const std::string state = checkout.status == "paid" ? "This checkout is paid."
        : checkout.status == "cancelled"                ? "This checkout was cancelled."
                                                        : "This checkout has expired.";
    main += "<p role=\"status\">" + state + "</p>\n<p><a href=\"" + html_escaped(checkout.return_url) + "\">Back to "
        + html_escaped(checkout.merchant) + "</a></p>\n";
    if (checkout.status != "open")
        main += form(base + "/resend", "Send the confirmation again", "secondary");
    return sandbox_page(200, checkout.merchant + " – sandbox checkout", main);
}

const char* k_stylesheet = R"css(
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2433; }
main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 12px;
       box-shadow: 0 2px 12px rgba(0,0,0,.08); }
h1 { font-size: 1.4rem; margin: .5rem 0 1rem; }
.badge { display: inline-block; margin: 0; padding: .2rem .6rem; border-radius: 999px; background: #fff4d6;
         color: #5c4300; font-size: .85rem; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .4rem 1rem; margin: 0 0 1.5rem; }
dt { color: #4a5468; }
dd { margin: 0; }
.amount { font-weight: 700; font-size: 1.2rem; }
form { margin: .6rem 0; }
button { width: 100%; min-height: 44px; font: inherit; border-radius: 8px; cursor: pointer; }
.primary { background: #1f5fd1; color: #fff; border: 0; font-weight: 600; }
.secondary { background: #fff; color: #1f5fd1; border: 1px solid #1f5fd1; }
a { color: #1f5fd1; }
@media (max-width: 480px) { main { margin: 0; border-radius: 0; min-height: 100vh; box-sizing: border-box; } }
)css";

// Finishes an open checkout as `status` (paid, cancelled; an expired one as
// expired whatever was asked), then sends its event and returns the payer.
Result<ApiResponse> finish(const httplib::Request& req, const PublicContext& context, const std::string& wanted)
{
    TRY(require_sandbox());
    const std::string token = req.matches[1];
    const auto id = "cs_" + token;
    struct Finished {
        SandboxCheckout checkout;
        std::string secret;
        bool changed = false;
    };
    auto finished = TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<Finished> {
        pqxx::work txn(connection);
        auto checkout = find_checkout(txn, id);
        if (!checkout)
            return make_error(ErrorCode::NotFound, k_checkout_gone);
        bool changed = false;
        if (checkout->status == "open") {
            const auto status = checkout->past_expiry ? std::string("expired") : wanted;
            const auto payment = status == "paid" ? std::optional<std::string>("pay_" + random_hex(16)) : std::nullopt;
            changed = !exec_named(txn, "marketplace/sandbox_finish_checkout", id, status, payment).empty();
            checkout = find_checkout(txn, id);
        }
        auto secret = sandbox_webhook_secret(txn);
        txn.commit();
        return Finished { *checkout, secret, changed };
    }));
    // Only the click that finished the checkout sends its event; a second
    // click (or a reload) just goes back.
    if (finished.changed)
        sender().send(finished.secret, event_of(finished.checkout));
    if (finished.checkout.status == "expired")
        return checkout_page(finished.checkout, token);
    return redirect_to(finished.checkout.return_url);
}

// The page; a checkout whose 24 hours ran out while open is expired as it
// is looked at, and the marketplace told.
Result<ApiResponse> handle_checkout_page(const httplib::Request& req, const PublicContext& context)
{
    TRY(require_sandbox());
    const std::string token = req.matches[1];
    const auto id = "cs_" + token;
    auto found = TRY(context.pool.with_connection(
        [&](pqxx::connection& connection) -> Result<std::optional<std::pair<SandboxCheckout, std::string>>> {
            pqxx::work txn(connection);
            auto checkout = find_checkout(txn, id);
            if (!checkout)
                return std::optional<std::pair<SandboxCheckout, std::string>>();
            std::string secret;
            if (checkout->status == "open" && checkout->past_expiry
                && !exec_named(txn, "marketplace/sandbox_finish_checkout", id, std::string("expired"),
                    std::optional<std::string>())
                        .empty()) {
                checkout = find_checkout(txn, id);
                secret = sandbox_webhook_secret(txn);
            }
            txn.commit();
            return std::make_optional(std::make_pair(*checkout, secret));
        }));
    if (!found)
        return sandbox_page(404, "Checkout not found", "<h1>Checkout not found</h1>\n<p>" + std::string(k_checkout_gone)
            + ".</p>\n");
    if (!found->second.empty())
        sender().send(found->second, event_of(found->first));
    return checkout_page(found->first, token);
}

Result<ApiResponse> handle_pay(const httplib::Request& req, const PublicContext& context)
{
    return finish(req, context, "paid");
}

Result<ApiResponse> handle_cancel(const httplib::Request& req, const PublicContext& context)
{
    return finish(req, context, "cancelled");
}

// Sends a finished checkout's event again (the same event: a replay).
Result<ApiResponse> handle_resend(const httplib::Request& req, const PublicContext& context)
{
    TRY(require_sandbox());
    const std::string token = req.matches[1];
    auto [checkout, secret] = TRY(context.pool.with_connection(
        [&](pqxx::connection& connection) -> Result<std::pair<SandboxCheckout, std::string>> {
            pqxx::work txn(connection);
            auto found = find_checkout(txn, "cs_" + token);
            if (!found)
                return make_error(ErrorCode::NotFound, k_checkout_gone);
            auto secret = sandbox_webhook_secret(txn);
            txn.commit();
            return std::make_pair(*found, secret);
        }));
    if (checkout.status != "open")
        sender().send(secret, event_of(checkout));
    return redirect_to("/sandbox-pay/" + token);
}

Result<ApiResponse> handle_stylesheet(const httplib::Request&, const PublicContext&)
{
    return stylesheet_response(k_stylesheet);
}

} // namespace

// [SECTION] the provider

std::string sandbox_webhook_secret(pqxx::work& txn)
{
    return exec_named(txn, "marketplace/sandbox_secret").at(0)["webhook_secret"].as<std::string>();
}

Result<CheckoutSession> SandboxProvider::create_checkout(pqxx::work& txn, const CheckoutRequest& request)
{
    const auto token = random_hex(32);
    CheckoutSession session { "cs_" + token, "/sandbox-pay/" + token };
    exec_named(txn, "marketplace/sandbox_create_checkout", session.id, request.merchant, request.description,
        request.amount.minor, request.amount.currency, request.return_url, request.tenant_id, request.order_id);
    return session;
}

Result<PaymentEvent> SandboxProvider::verify_event(pqxx::work& txn, std::string_view signature_header,
    std::string_view body, std::int64_t now)
{
    if (signature_header.empty())
        return unauthenticated("The event is not signed");
    auto header = read_signature_header(signature_header);
    if (!header.ok())
        return unauthenticated(header.error().message);
    if (auto fresh = check_signature_age(header.value().timestamp, now); !fresh.ok())
        return unauthenticated(fresh.error().message);
    const auto expected = hmac_sha256_hex(sandbox_webhook_secret(txn), signed_payload(header.value().timestamp, body));
    bool matches = false;
    for (const auto& digest : header.value().digests)
        matches = equal_in_constant_time(digest, expected) || matches;
    if (!matches)
        return unauthenticated("The event's signature does not match");
    auto json = parse_json(body);
    if (!json.ok())
        return json.error();
    return read_payment_event(json.value());
}

Result<std::string> SandboxProvider::refund(pqxx::work& txn, std::string_view payment_id, const Money& amount,
    std::string_view request_key)
{
    if (exec_named(txn, "marketplace/sandbox_refund", std::string(payment_id), amount.minor, amount.currency).empty())
        return make_error(ErrorCode::FailedPrecondition, "The payment provider refused the refund: more than was paid, or no such payment",
            "amount");
    // One refund id per payment and key, as a provider answers a request it
    // has seen: the sandbox's books are in the order's own transaction, so a
    // refund whose record fails to commit is undone with it anyway.
    return "re_" + sha256_hex(std::string(payment_id) + ":" + std::string(request_key)).substr(0, 32);
}

Result<bool> SandboxProvider::checkout_paid(pqxx::work& txn, std::string_view checkout_id)
{
    auto checkout = find_checkout(txn, std::string(checkout_id));
    return checkout && checkout->status == "paid";
}

PaymentProvider* payment_provider()
{
    return configured().get();
}

void configure_payments(const ServerConfig& config)
{
    if (config.payments == "sandbox") {
        configured() = std::make_unique<SandboxProvider>();
        sender().start(webhook_base(config));
    } else {
        configured().reset();
    }
}

std::vector<Route> sandbox_provider_routes()
{
    const auto page = public_page_route;
    return {
        page(Method::Get, "/sandbox-pay/{token}", handle_checkout_page,
            "The sandbox provider's checkout page: pay or cancel (no real money moves)", 200, "text/html"),
        page(Method::Post, "/sandbox-pay/{token}/pay", handle_pay,
            "Pay a sandbox checkout: its signed checkout.completed event goes to the marketplace, then back to the shop",
            303, "text/plain"),
        page(Method::Post, "/sandbox-pay/{token}/cancel", handle_cancel,
            "Cancel a sandbox checkout: checkout.cancelled goes to the marketplace, then back to the shop", 303,
            "text/plain"),
        page(Method::Post, "/sandbox-pay/{token}/resend", handle_resend,
            "Send a finished sandbox checkout's event again (the same event id: a replay)", 303, "text/plain"),
        page(Method::Get, "/sandbox-pay/checkout.css", handle_stylesheet, "The sandbox checkout page's stylesheet",
            200, "text/css"),
    };
}

} // namespace learnloop::server
