// The school's "Sign-up" tab (see approvals_tab.hpp).
// [SECTION] policy, [SECTION] waiting staff
#include "identity/approvals_tab.hpp"

#include "identity/signup_policy.hpp"
#include "net/api.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <iterator>

namespace learnloop::client {

namespace {

constexpr int k_policy_count = static_cast<int>(std::size(k_all_signup_policies));

// [SECTION] policy ---------------------------------------------------------------

void load_policy(AppState& state, ApprovalsTabState& tab)
{
    tab.chosen = -1;
    api_load(state, tab.policy, "/api/school/signup-policy");
}

// The loaded policy's index, or -1.
int loaded_policy(const ApprovalsTabState& tab)
{
    if (tab.policy.phase != Phase::Done || !tab.policy.data.is_object())
        return -1;
    auto policy = parse_signup_policy(tab.policy.data.value("policy", ""));
    for (int i = 0; policy.ok() && i < k_policy_count; ++i)
        if (k_all_signup_policies[i] == policy.value())
            return i;
    return -1;
}

void draw_policy(AppState& state, ApprovalsTabState& tab)
{
    ui::text_unformatted("Who may create their own account");
    if (ui::remote_status(state, tab.policy, "admin.signup_policy"))
        load_policy(state, tab);
    const int saved = loaded_policy(tab);
    if (saved < 0)
        return;
    if (tab.chosen < 0)
        tab.chosen = saved;
    ui::begin_radio_group("Who may create their own account");
    for (int i = 0; i < k_policy_count; ++i) {
        auto policy = k_all_signup_policies[i];
        ui::radio_button(std::string(signup_policy_label(policy)).c_str(), &tab.chosen, i);
        ui::remember(state, "admin.signup_policy." + std::string(signup_policy_name(policy)));
    }
    ui::end_radio_group();
    ImGui::BeginDisabled(tab.chosen == saved || tab.policy_action.phase == Phase::Loading);
    if (ui::button(state, "Save sign-up policy", "admin.signup_policy.save")) {
        tab.policy_action = { Phase::Loading, {}, false };
        api_call(state, "PUT", "/api/school/signup-policy",
            { { "policy", signup_policy_name(k_all_signup_policies[tab.chosen]) } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.policy_action = outcome_of(answer, "Sign-up policy saved");
                if (answer.ok())
                    load_policy(state, tab);
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.policy_action);
}

// [SECTION] waiting staff --------------------------------------------------------

void reload_pending(AppState& state, ApprovalsTabState& tab)
{
    api_load(state, tab.pending, "/api/staff-approvals?limit=200");
}

void decide(AppState& state, ApprovalsTabState& tab, std::int64_t id, const char* verb, const char* done)
{
    tab.decision = { Phase::Loading, {}, false };
    api_call(state, "POST", "/api/users/" + std::to_string(id) + "/" + verb, nullptr,
        [&tab, done](AppState& state, const ApiAnswer& answer) {
            tab.decision = outcome_of(answer, done);
            reload_pending(state, tab);
        });
}

void draw_pending(AppState& state, ApprovalsTabState& tab)
{
    ui::text_unformatted("Staff waiting for approval");
    ui::text_colored(ui::k_muted,
        "They can set and mark their own work, but see no student's details or progress until you approve them.");
    if (ui::remote_status(state, tab.pending, "admin.pending"))
        reload_pending(state, tab);
    if (!tab.pending.data.is_array())
        return;
    if (tab.pending.data.empty())
        ui::text_colored(ui::k_muted, "\xE2\x9C\x93 Nobody is waiting.");
    else if (ui::begin_table("pending", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Email");
        ImGui::TableSetupColumn("Role");
        ImGui::TableSetupColumn("Signed up (UTC)");
        ImGui::TableSetupColumn("");
        ui::table_headers_row();
        for (const auto& account : tab.pending.data) {
            auto id = account.value("id", std::int64_t(0));
            auto email = account.value("email", "");
            auto tag = std::to_string(id);
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(account.value("name", "").c_str());
            ui::table_next_column();
            ui::text_unformatted(email.c_str());
            ui::table_next_column();
            ui::text_unformatted(ui::role_label(account.value("role", ""), state.session.tenant_kind).c_str());
            ui::table_next_column();
            auto when = account.value("signed_up_at", "");
            ui::text_unformatted(when.substr(0, 16).replace(std::min<std::size_t>(10, when.size()), 1, " ").c_str());
            ui::table_next_column();
            ImGui::BeginDisabled(tab.decision.phase == Phase::Loading);
            if (ui::button(state, ("Approve##" + tag).c_str(), "admin.approve." + email))
                decide(state, tab, id, "approve", "Account approved");
            ImGui::SameLine();
            if (ui::button(state, ("Refuse##" + tag).c_str(), "admin.refuse." + email)) {
                tab.confirm_refuse_id = id;
                ui::open_confirm("Refuse account?");
            }
            ImGui::EndDisabled();
        }
        ui::end_table();
    }
    if (ui::confirm_dialog(state, "Refuse account?",
            "The account will be deactivated and signed out. The person can no longer sign in.", "Refuse"))
        decide(state, tab, tab.confirm_refuse_id, "refuse", "Account refused");
    ui::action_status(tab.decision);
}

} // namespace

void draw_approvals_tab(AppState& state, ApprovalsTabState& tab)
{
    if (tab.policy.phase == Phase::Idle)
        load_policy(state, tab);
    if (tab.pending.phase == Phase::Idle)
        reload_pending(state, tab);
    draw_policy(state, tab);
    ImGui::Separator();
    draw_pending(state, tab);
}

Json approvals_tab_summary(const ApprovalsTabState& tab)
{
    Json pending = Json::array();
    if (tab.pending.data.is_array())
        for (const auto& account : tab.pending.data)
            pending.push_back(account.value("email", ""));
    int saved = loaded_policy(tab);
    return { { "signup_policy", saved < 0 ? "" : std::string(signup_policy_name(k_all_signup_policies[saved])) },
        { "pending_staff", pending }, { "pending_phase", tab.pending.phase == Phase::Done ? "done" : "loading" },
        { "decision", tab.decision.message } };
}

} // namespace learnloop::client
