// A certificate's public verification page (verify_page.hpp).
#include "marketplace/certificates/verify_page.hpp"

#include "core/calendar.hpp"
#include "core/validation.hpp"
#include "db/sql.hpp"
#include "http/html_page.hpp"
#include "marketplace/certificates/credential_proof.hpp"
#include "platform/crypto.hpp"

#include <qrencode.h>

#include <memory>
#include <optional>

namespace learnloop::server {

namespace {

const char* k_stylesheet_path = "/verify/verify.css";

enum class VerdictKind { Valid, Revoked, Invalid, UnknownIssuer, Unreadable };

struct Verdict {
    VerdictKind kind = VerdictKind::Unreadable;
    CredentialCheck check;
    std::string issuer_name;      // from Learnloop's records, when the key is one of its organisations'
    std::string revoked_at;       // UTC text, when revoked
    std::string revoked_reason;
    std::string problem;          // for people, when not valid
};

const char* kind_name(VerdictKind kind)
{
    switch (kind) {
    case VerdictKind::Valid: return "valid";
    case VerdictKind::Revoked: return "revoked";
    case VerdictKind::Invalid: return "invalid";
    case VerdictKind::UnknownIssuer: return "unknown_issuer";
    case VerdictKind::Unreadable: return "unreadable";
    }
    return "unreadable";
}

const char* kind_label(VerdictKind kind)
{
    switch (kind) {
    case VerdictKind::Valid: return "Valid certificate";
    case VerdictKind::Revoked: return "Revoked certificate";
    case VerdictKind::Invalid: return "Invalid certificate";
    case VerdictKind::UnknownIssuer: return "Not issued through Learnloop";
    case VerdictKind::Unreadable: return "Not a certificate";
    }
    return "";
}

// The stored certificate `id` for its page: its credential, revocation and key.
struct Stored {
    std::string credential;
    std::string public_key;
    std::string issuer_name;
    std::string revoked_at;
    std::string revoked_reason;
};

std::optional<Stored> stored_certificate(pqxx::work& txn, const std::string& id)
{
    auto rows = exec_named(txn, "marketplace/certificate_to_verify", id);
    if (rows.empty())
        return std::nullopt;
    const auto& row = rows[0];
    return Stored { row["credential"].as<std::string>(), row["public_key"].as<std::string>(),
        row["issuer_name"].as<std::string>(), row["revoked_at"].is_null() ? "" : row["revoked_at"].as<std::string>(),
        row["revoked_reason"].is_null() ? "" : row["revoked_reason"].as<std::string>() };
}

// The verdict on a credential's text: its signature, whose key it is, and
// what its issuer records of it: the certificate with its number must say
// exactly what the file says (a leaked key cannot re-sign a number with
// another name), and must not be revoked. `known`: the stored certificate,
// when the caller read it already.
Verdict judge(pqxx::work& txn, std::string_view text, std::optional<Stored> known = std::nullopt)
{
    Verdict verdict;
    verdict.check = check_credential(text);
    verdict.problem = verdict.check.problem;
    if (!verdict.check.readable)
        return verdict;
    verdict.kind = VerdictKind::Invalid;
    if (!verdict.check.valid)
        return verdict;
    auto issuer = exec_named(txn, "marketplace/issuer_of_key", verdict.check.public_key);
    if (issuer.empty()) {
        verdict.kind = VerdictKind::UnknownIssuer;
        verdict.problem = "The signature holds, but its key is not one any Learnloop organisation signs with, so "
                          "anyone could have made this file";
        return verdict;
    }
    verdict.issuer_name = issuer[0]["issuer_name"].as<std::string>();
    const auto stored = known ? known
        : verdict.check.record.id.empty() ? std::nullopt
                                           : stored_certificate(txn, verdict.check.record.id);
    if (!stored || stored->public_key != verdict.check.public_key) {
        verdict.problem = "Its issuer has no record of a certificate with this number";
        return verdict;
    }
    if (check_credential(stored->credential).document != verdict.check.document) {
        verdict.problem = "It does not say what its issuer's certificate with this number says";
        return verdict;
    }
    verdict.revoked_at = stored->revoked_at;
    verdict.revoked_reason = stored->revoked_reason;
    verdict.kind = stored->revoked_at.empty() ? VerdictKind::Valid : VerdictKind::Revoked;
    if (verdict.kind == VerdictKind::Revoked)
        verdict.problem = "Its issuer revoked it";
    return verdict;
}

std::string date_for_people(std::string_view utc)
{
    auto seconds = parse_utc_timestamp(utc);
    return seconds.ok() ? day_for_people(from_unix_seconds(seconds.value()), true) : std::string(utc);
}

// The address of this page as people reach it, for its QR code.
std::string page_address(const httplib::Request& req, const ServerConfig& config, const std::string& path)
{
    if (!config.public_url.empty())
        return config.public_url + path;
    auto host = req.get_header_value("Host");
    for (char c : host)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']'))
            return path;
    const auto scheme = req.get_header_value("X-Forwarded-Proto") == "https" ? "https" : "http";
    return host.empty() ? path : std::string(scheme) + "://" + host + path;
}

// A QR code of `text` as an SVG drawing, its dark modules as one path.
std::string qr_svg(const std::string& text)
{
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return {};
    const int width = code->width;
    const int quiet = 4;
    std::string path;
    for (int y = 0; y < width; ++y)
        for (int x = 0; x < width; ++x)
            if (code->data[y * width + x] & 1)
                path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
    const auto size = std::to_string(width + 2 * quiet);
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
        + "\" role=\"img\" aria-label=\"QR code of this page's address\"><rect width=\"" + size + "\" height=\"" + size
        + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

std::string row(const std::string& label, const std::string& value)
{
    return "<dt>" + html_escaped(label) + "</dt><dd>" + html_escaped(value) + "</dd>";
}

// The verdict as a banner and the record as a list.
std::string verdict_html(const Verdict& verdict)
{
    const bool good = verdict.kind == VerdictKind::Valid;
    std::string html = "<div class=\"verdict " + std::string(good ? "ok" : "bad") + "\" role=\"status\"><p class=\"mark\""
        " aria-hidden=\"true\">" + (good ? "&#10003;" : "&#10007;") + "</p><div><h1>"
        + html_escaped(kind_label(verdict.kind)) + "</h1>";
    if (good)
        html += "<p>Signed by " + html_escaped(verdict.issuer_name) + " and unchanged since it was issued.</p>";
    else if (verdict.kind == VerdictKind::Revoked)
        html += "<p>" + html_escaped(verdict.issuer_name) + " revoked it on " + html_escaped(date_for_people(verdict.revoked_at))
            + (verdict.revoked_reason.empty() ? "" : ": " + html_escaped(verdict.revoked_reason)) + "</p>";
    else if (!verdict.problem.empty())
        html += "<p>" + html_escaped(verdict.problem) + ".</p>";
    html += "</div></div>\n";
    if (!verdict.check.readable)
        return html;
    const auto& record = verdict.check.record;
    html += "<dl>";
    html += row("Awarded to", record.learner_name.empty() ? "(no name given)" : record.learner_name);
    html += row("Course", record.course_title);
    html += row("Completed", date_for_people(record.valid_from));
    html += row("Issued by", record.issuer_name + (verdict.issuer_name.empty() || verdict.issuer_name == record.issuer_name
                                                          ? ""
                                                          : " (the key is " + verdict.issuer_name + "'s)"));
    if (!record.criteria.empty())
        html += row("Requirement", record.criteria);
    if (!record.id.empty())
        html += row("Certificate number", record.id);
    html += "</dl>\n";
    return html;
}

std::string check_form()
{
    return "<section aria-labelledby=\"check\"><h2 id=\"check\">Check a certificate file</h2>"
           "<form method=\"post\" action=\"/verify\"><label for=\"credential\">Paste the certificate file's text "
           "(JSON)</label><textarea id=\"credential\" name=\"credential\" rows=\"6\" required></textarea>"
           "<button type=\"submit\">Check this certificate</button></form></section>\n";
}

ApiResponse not_found_page()
{
    return html_page(404, "Certificate not found – Learnloop", k_stylesheet_path,
        "<h1>Certificate not found</h1>\n<p>No certificate has this address. Check the link, or check the "
        "certificate's file below.</p>\n" + check_form());
}

// [SECTION] handlers

Result<ApiResponse> handle_verify_page(const httplib::Request& req, const PublicContext& context)
{
    const std::string id = req.matches[1];
    struct Found {
        Stored stored;
        Verdict verdict;
    };
    auto found = TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<std::optional<Found>> {
        pqxx::work txn(connection);
        auto stored = stored_certificate(txn, id);
        if (!stored)
            return std::optional<Found>();
        auto verdict = judge(txn, stored->credential, stored);
        // The stored credential must be signed by the key it was issued with.
        if (verdict.check.readable && verdict.check.public_key != stored->public_key) {
            verdict.kind = VerdictKind::Invalid;
            verdict.problem = "It is not signed with its issuer's key";
        }
        return std::make_optional(Found { *stored, verdict });
    }));
    if (!found)
        return not_found_page();
    const auto& verdict = found->verdict;
    const auto path = "/verify/" + id;
    std::string body = verdict_html(verdict);
    body += "<div class=\"share\">" + qr_svg(page_address(req, context.config, path))
        + "<p>Scan to open this page, or share its address. <a href=\"" + html_escaped(path)
        + ".json\" download>Download the certificate file</a> (Open Badges 3.0) to keep or to check anywhere.</p>"
          "</div>\n";
    body += check_form();
    const auto title = verdict.check.readable ? verdict.check.record.course_title + " – " + kind_label(verdict.kind)
                                              : std::string(kind_label(verdict.kind));
    return html_page(200, title + " – Learnloop", k_stylesheet_path, body);
}

Result<ApiResponse> handle_verify_file(const httplib::Request& req, const PublicContext& context)
{
    const std::string id = req.matches[1];
    auto stored = TRY(context.pool.with_connection([&](pqxx::connection& connection) -> Result<std::optional<Stored>> {
        pqxx::work txn(connection);
        return stored_certificate(txn, id);
    }));
    if (!stored)
        return make_error(ErrorCode::NotFound, "Certificate not found");
    return attachment_response(stored->credential, "application/json", "certificate-" + id + ".json");
}

Result<Verdict> judge_text(const PublicContext& context, const std::string& text)
{
    return context.pool.with_connection([&](pqxx::connection& connection) -> Result<Verdict> {
        pqxx::work txn(connection);
        return judge(txn, text);
    });
}

// The form on the page: the pasted text, judged.
Result<ApiResponse> handle_verify_form(const httplib::Request& req, const PublicContext& context)
{
    const auto text = req.has_param("credential") ? req.get_param_value("credential") : std::string();
    if (trim(text).empty())
        return html_page(400, "Check a certificate – Learnloop", k_stylesheet_path,
            "<h1>Check a certificate</h1>\n<p role=\"alert\">Paste a certificate file's text to check it.</p>\n"
                + check_form());
    const auto verdict = TRY(judge_text(context, text));
    return html_page(200, std::string(kind_label(verdict.kind)) + " – Learnloop", k_stylesheet_path,
        verdict_html(verdict) + check_form());
}

// The same for programs: the credential as the body, the verdict as JSON.
Result<ApiResponse> handle_verify_api(const httplib::Request& req, const PublicContext& context)
{
    TRY(parse_json_body(req));   // 400 for a body that is not a JSON object
    const auto verdict = TRY(judge_text(context, req.body));
    Json answer { { "status", kind_name(verdict.kind) }, { "status_label", kind_label(verdict.kind) },
        { "valid", verdict.kind == VerdictKind::Valid },
        { "problem", verdict.problem.empty() ? Json(nullptr) : Json(verdict.problem) },
        { "detail", verdict.check.detail.empty() ? Json(nullptr) : Json(verdict.check.detail) } };
    if (verdict.check.readable) {
        const auto& record = verdict.check.record;
        answer["certificate"] = { { "id", record.id.empty() ? Json(nullptr) : Json(record.id) },
            { "learner_name", record.learner_name }, { "course_title", record.course_title },
            { "issued_at", record.valid_from }, { "issuer_name", record.issuer_name },
            { "issuer_key", ed25519_did_key(bytes_of_hex(verdict.check.public_key).value()) },
            { "criteria", record.criteria } };
        answer["issuer_known"] = !verdict.issuer_name.empty();
    }
    if (verdict.kind == VerdictKind::Revoked)
        answer["revoked"] = { { "at", verdict.revoked_at }, { "reason", verdict.revoked_reason } };
    return json_response(200, std::move(answer));
}

const char* k_stylesheet = R"css(
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2433; }
main { max-width: 40rem; margin: 2rem auto; padding: 2rem; background: #fff; border-radius: 12px;
       box-shadow: 0 2px 12px rgba(0,0,0,.08); }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.verdict { display: flex; gap: 1rem; align-items: flex-start; padding: 1rem; border-radius: 10px; margin-bottom: 1.5rem; }
.verdict p { margin: 0; }
.verdict.ok { background: #e6f4ea; border: 1px solid #1e7b34; }
.verdict.bad { background: #fdecea; border: 1px solid #b3261e; }
.mark { font-size: 2rem; line-height: 1; font-weight: 700; }
.ok .mark { color: #1e7b34; }
.bad .mark { color: #b3261e; }
dl { display: grid; grid-template-columns: auto 1fr; gap: .5rem 1.2rem; margin: 0 0 1.5rem; }
dt { color: #4a5468; }
dd { margin: 0; overflow-wrap: anywhere; }
.share { display: flex; gap: 1.2rem; align-items: center; }
.qr { width: 132px; height: 132px; flex: none; }
label { display: block; margin-bottom: .3rem; }
textarea { width: 100%; box-sizing: border-box; font: 14px/1.4 ui-monospace, monospace; padding: .5rem;
           border: 1px solid #8a93a6; border-radius: 8px; }
button { margin-top: .6rem; min-height: 44px; padding: 0 1.2rem; font: inherit; font-weight: 600; border: 0;
         border-radius: 8px; background: #1f5fd1; color: #fff; cursor: pointer; }
a { color: #1f5fd1; }
@media (max-width: 480px) { main { margin: 0; border-radius: 0; min-height: 100vh; box-sizing: border-box; padding: 1.2rem; }
                            .share { flex-direction: column; align-items: flex-start; } }
)css";

Result<ApiResponse> handle_stylesheet(const httplib::Request&, const PublicContext&)
{
    return stylesheet_response(k_stylesheet);
}

} // namespace

std::vector<Route> certificate_verify_routes()
{
    return {
        public_page_route(Method::Get, "/verify/{uuid}", handle_verify_page,
            "A certificate's public page: whom it was awarded to, for what, when and by whom, whether it is valid, "
            "and a QR code to the page",
            200, "text/html"),
        public_page_route(Method::Get, "/verify/{uuid}.json", handle_verify_file,
            "A certificate's file: its Open Badges 3.0 credential, signed, exactly as issued", 200,
            "application/json"),
        public_page_route(Method::Post, "/verify", handle_verify_form,
            "Checks a certificate file pasted into the page's form (credential=<its text>)", 200, "text/html"),
        public_page_route(Method::Get, "/verify/verify.css", handle_stylesheet,
            "The verification page's stylesheet", 200, "text/css"),
        [] {
            auto route = public_page_route(Method::Post, "/api/certificates/verify", handle_verify_api,
                "Checks a certificate (the credential as the body): its signature, whose key signed it and whether "
                "it was revoked",
                200, "application/json");
            route.request = "AchievementCredential";
            route.response = "CertificateCheck";
            return route;
        }(),
    };
}

} // namespace learnloop::server
