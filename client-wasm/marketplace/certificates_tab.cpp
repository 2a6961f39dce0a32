// Certificates for the office and instructors (certificates_tab.hpp).
#include "marketplace/certificates_tab.hpp"

#include "net/api.hpp"
#include "platform/location.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <iterator>

namespace learnloop::client {

namespace {

const char* const k_status_keys[] = { "", "valid", "revoked" };
const char* const k_status_words[] = { "Every certificate", "Valid", "Revoked" };

std::string list_path(const CertificatesTabState& tab)
{
    std::string path = "/api/marketplace/certificates";
    if (tab.status_filter > 0)
        path += std::string("?status=") + k_status_keys[tab.status_filter];
    return path;
}

// Valid or revoked as a chip: a shape and a word, never colour alone.
void status_chip(const Json& certificate)
{
    const auto word = text_field(certificate, "status_label");
    if (text_field(certificate, "status") == "revoked")
        ui::chip(ICON_BAN, word.c_str(), ui::k_error, ui::k_error_tint);
    else
        ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint);
}

void draw_rows(AppState& state, CertificatesTabState& tab)
{
    const bool may_revoke = ui::can(state, Action::CertificateRevoke);
    if (!ui::begin_table("certificates", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Learner", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("Course", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Issued");
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Actions");
    ui::table_headers_row();
    for (const auto& c : tab.certificates.remote.data) {
        const auto id = text_field(c, "id");
        ImGui::PushID(id.c_str());
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(text_field(c, "learner_name").c_str());
        ui::table_next_column();
        ui::text_unformatted(text_field(c, "course_title").c_str());
        ui::table_next_column();
        ui::text_unformatted(ui::date_for_people(state, text_field(c, "issued_at")).c_str());
        ui::table_next_column();
        status_chip(c);
        if (const auto reason = text_field(c, "revoked_reason"); !reason.empty())
            ui::text_colored(ui::k_muted, "%s", reason.c_str());
        ui::table_next_column();
        const auto learner = text_field(c, "learner_name");
        if (ui::button(state, ("Public page##" + id).c_str(), "certificates.open." + id))
            open_in_new_tab(text_field(c, "url"));
        if (may_revoke && text_field(c, "status") == "valid") {
            ImGui::SameLine();
            if (ui::button(state, ("Revoke...##" + id).c_str(), "certificates.revoke." + id)) {
                tab.revoking = id;
                tab.revoking_text = learner + "'s certificate for " + text_field(c, "course_title");
                tab.reason[0] = '\0';
                tab.revoke = {};
            }
        }
        ImGui::PopID();
    }
    ui::end_table();
}

void draw_revoking(AppState& state, CertificatesTabState& tab)
{
    if (tab.revoking.empty())
        return;
    ui::heading("Revoke a certificate", 3);
    ui::note(("Revoking " + tab.revoking_text + " tells anyone who checks it that it no longer stands, with your "
              "reason. The learner can earn it again.").c_str());
    ui::labelled_input(state, "Reason", "Awarded by mistake", tab.reason, sizeof tab.reason, "certificates.reason", 24);
    ImGui::BeginDisabled(tab.reason[0] == '\0' || tab.revoke.phase == Phase::Loading);
    if (ui::primary_button(state, "Revoke certificate...", "certificates.revoke_confirm"))
        ui::open_confirm("Revoke this certificate?");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "certificates.revoke_cancel")) {
        tab.revoking.clear();
        tab.revoke = {};
    }
    if (ui::confirm_dialog(state, "Revoke this certificate?",
            "Revoke " + tab.revoking_text + "? Its public page will say it was revoked, and why. This cannot be undone.",
            "Revoke")) {
        tab.revoke = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/marketplace/certificates/" + tab.revoking + "/revoke", { { "reason", tab.reason } },
            [&tab](AppState& s, const ApiAnswer& answer) {
                tab.revoke = outcome_of(answer, text_field(answer.body, "message"));
                if (!answer.ok())
                    return;
                tab.revoking.clear();
                ui::reload_page(s, tab.certificates, list_path(tab));
            });
    }
}

} // namespace

void draw_certificates_tab(AppState& state, CertificatesTabState& tab)
{
    ui::heading("Certificates", 2);
    ui::note("A learner earns a course's certificate by meeting its rule (every lesson, unless the course says "
             "otherwise). Anyone can check one at its public page, which also says when one was revoked.");
    draw_revoking(state, tab);
    ui::action_status(tab.revoke);
    if (ui::list_filter("##certificate_status", k_status_words, static_cast<int>(std::size(k_status_words)),
            tab.status_filter))
        tab.certificates.offset = 0;
    const auto path = list_path(tab);
    if (ui::paged_list_begin(state, tab.certificates, path, "certificates", "No certificates here yet",
            "When a learner finishes a course, its certificate appears here."))
        draw_rows(state, tab);
    ui::paged_list_end(state, tab.certificates, path, "certificates");
}

Json certificates_tab_summary(const CertificatesTabState& tab)
{
    Json rows = Json::array();
    if (tab.certificates.remote.data.is_array())
        for (const auto& c : tab.certificates.remote.data)
            rows.push_back({ { "id", text_field(c, "id") }, { "learner", text_field(c, "learner_name") },
                { "course", text_field(c, "course_title") }, { "status", text_field(c, "status") } });
    return { { "certificates", rows }, { "certificates_revoke", tab.revoke.message },
        { "certificates_revoking", tab.revoking } };
}

} // namespace learnloop::client
