// The school's Audit log tab (see audit_tab.hpp).
#include "school/audit_tab.hpp"

#include "net/api.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace learnloop::client {

namespace {

constexpr int k_audit_page = 25;

void load_audit(AppState& state, AuditTabState& tab)
{
    std::string path = "/api/audit?limit=" + std::to_string(k_audit_page) + "&offset=" + std::to_string(tab.offset);
    if (tab.filter[0])
        path += "&action=" + std::string(tab.filter);   // action names are [a-z._]: safe in a URL
    api_load(state, tab.audit, path);
}

void draw_paging(AppState& state, AuditTabState& tab)
{
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ui::input_text_with_hint("##audit_filter", "Filter by action, e.g. submission.grade", tab.filter,
            sizeof tab.filter, ImGuiInputTextFlags_CharsNoBlank | ImGuiInputTextFlags_EnterReturnsTrue)) {
        tab.offset = 0;
        load_audit(state, tab);
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.offset == 0);
    if (ui::button(state, "Newer", "admin.audit_newer")) {
        tab.offset = std::max<std::int64_t>(0, tab.offset - k_audit_page);
        load_audit(state, tab);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!tab.audit.data.is_array() || tab.audit.data.size() < static_cast<std::size_t>(k_audit_page));
    if (ui::button(state, "Older", "admin.audit_older")) {
        tab.offset += k_audit_page;
        load_audit(state, tab);
    }
    ImGui::EndDisabled();
}

} // namespace

void draw_audit_tab(AppState& state, AuditTabState& tab)
{
    if (tab.audit.phase == Phase::Idle)
        load_audit(state, tab);
    draw_paging(state, tab);
    if (ui::remote_status(state, tab.audit, "admin.audit"))
        load_audit(state, tab);
    if (!tab.audit.data.is_array())
        return;
    if (tab.audit.data.empty())
        ui::text_colored(ui::k_muted, "No audit entries match.");
    if (ui::begin_table("audit", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("When (UTC)");
        ImGui::TableSetupColumn("Who");
        ImGui::TableSetupColumn("Outcome");
        ImGui::TableSetupColumn("Entity");
        ImGui::TableSetupColumn("Change");
        ui::table_headers_row();
        for (const auto& e : tab.audit.data) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(e.value("created_at", "").substr(0, 19).c_str());
            ui::table_next_column();
            ui::text_unformatted(e.value("actor", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(e.value("action", "").c_str());
            ui::table_next_column();
            ui::text("%s %s", e.value("entity", "").c_str(), e["entity_id"].is_string() ? e["entity_id"].get<std::string>().c_str() : "");
            ui::table_next_column();
            ui::text_wrapped("%s", (e["before"].is_null() ? std::string() : e["before"].dump() + " \xE2\x86\x92 ").append(
                e["after"].is_null() ? "removed" : e["after"].dump()).c_str());
        }
        ui::end_table();
    }
}

Json audit_tab_summary(const AuditTabState& tab)
{
    Json audit = Json::array();
    if (tab.audit.data.is_array())
        for (const auto& e : tab.audit.data)
            audit.push_back(e.value("action", ""));
    return { { "audit", audit } };
}

} // namespace learnloop::client
