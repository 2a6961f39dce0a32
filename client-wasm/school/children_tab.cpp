// The parent's page (see children_tab.hpp).
#include "school/children_tab.hpp"

#include "navigation.hpp"
#include "net/api.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

void load_children(AppState& state, ChildrenTabState& tab)
{
    api_load(state, tab.children, "/api/children");
}

// Shows `child_id`: their assignments and their mastery.
void load_child(AppState& state, ChildrenTabState& tab, std::int64_t child_id)
{
    tab.child_id = child_id;
    load_child_mastery(state, tab.mastery, child_id);
    load_child_assignments(state, tab.assignments, child_id);
}

std::string child_name(const ChildrenTabState& tab)
{
    std::string name;
    for (const auto& c : tab.children.data)
        if (c.value("id", std::int64_t(0)) == tab.child_id)
            name = c.value("name", "");
    return name;
}

} // namespace

// A code from the school links this parent to a student.
std::int64_t draw_child_picker(AppState& state, const Remote& children, std::int64_t chosen)
{
    std::int64_t picked = 0;
    if (!children.data.is_array())
        return picked;
    ui::text_unformatted("Child:");
    ImGui::SameLine();
    ui::begin_radio_group("Child");
    for (const auto& child : children.data) {
        const auto id = child.value("id", std::int64_t(0));
        if (&child != &children.data.front())
            ImGui::SameLine();
        if (ui::radio_button((child.value("name", "") + "##child" + std::to_string(id)).c_str(), chosen == id))
            picked = id;
        ui::remember(state, "parent.child." + child.value("name", ""));
    }
    ui::end_radio_group();
    return picked;
}

void draw_link_child(AppState& state, ChildrenTabState& tab)
{
    ui::text_unformatted(state.session.tenant_kind == TenantKind::Academy ? "Link code from the academy:"
                                                                          : "Link code from the school:");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ui::input_text("##link_code", tab.link_code, sizeof tab.link_code, ImGuiInputTextFlags_CharsNoBlank);
    ui::remember(state, "parent.link_code");
    ImGui::SameLine();
    ImGui::BeginDisabled(!tab.link_code[0] || tab.redeem.phase == Phase::Loading);
    if (ui::button(state, "Link my child", "parent.redeem")) {
        tab.redeem = { Phase::Loading, {}, false };
        api_call(state, "POST", "/api/parent-links/redeem", { { "code", tab.link_code } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.redeem = outcome_of(answer, "Linked");
                if (answer.ok()) {
                    tab.link_code[0] = '\0';
                    tab.child_id = 0;
                    load_children(state, tab);
                }
            });
    }
    ImGui::EndDisabled();
    ui::action_status(tab.redeem);
}

void draw_children_tab(AppState& state, ChildrenTabState& tab)
{
    if (tab.children.phase == Phase::Idle)
        load_children(state, tab);
    if (ui::remote_status(state, tab.children, "parent.children"))
        load_children(state, tab);
    if (tab.children.phase != Phase::Done)
        return;
    if (tab.children.data.empty()) {
        ui::text_wrapped("No children are linked to your account yet. Ask the school for a link code.");
        draw_link_child(state, tab);
        return;
    }
    if (tab.child_id == 0) {
        // The first child, chosen for the parent: "#/parent/children" becomes
        // that child's address without a history entry of its own.
        load_child(state, tab, tab.children.data[0].value("id", std::int64_t(0)));
        replace_location(state);
    }
    const bool known = find_by_id(tab.children, tab.child_id) != nullptr;
    if (known && tab.assignments.assignments.phase == Phase::Idle)
        load_child(state, tab, tab.child_id);   // opened from the address

    if (auto picked = draw_child_picker(state, tab.children, tab.child_id))
        load_child(state, tab, picked);
    ImGui::SameLine();
    if (ui::button(state, "Refresh", "parent.refresh"))
        load_child(state, tab, tab.child_id);
    if (!known) {
        if (ui::missing_item(state, "This child is not linked to your account.", "Show my first child",
                "parent.not_found"))
            tab.child_id = 0;
        ImGui::Separator();
        draw_link_child(state, tab);
        return;
    }

    if (ui::remote_status(state, tab.assignments.assignments, "parent.assignments"))
        load_child(state, tab, tab.child_id);
    if (!draw_child_assignments(tab.assignments))
        return;
    draw_child_mastery(state, tab.mastery, tab.child_id, child_name(tab));
    ImGui::Separator();
    draw_link_child(state, tab);
}

ui::TabPlace children_tab_place(const ChildrenTabState& tab)
{
    const Json* shown = find_by_id(tab.children, tab.child_id);
    return { tab.child_id, {}, 0, shown ? shown->value("name", "") : "" };
}

bool open_children_tab(ChildrenTabState& tab, const ui::Route& route)
{
    // One page shows a child's assignments and mastery; a link to either part
    // ("#/parent/children/5/mastery") opens that page.
    if ((!route.detail.empty() && route.detail != "assignments" && route.detail != "mastery") || route.detail_id)
        return false;
    if (route.id != tab.child_id) {
        tab.child_id = route.id;
        forget(tab.assignments.assignments);
        forget(tab.mastery.mastery);
    }
    return true;
}

Json children_tab_summary(const ChildrenTabState& tab)
{
    Json summary = { { "children", tab.children.data }, { "child_id", tab.child_id } };
    summary.update(child_assignments_summary(tab.assignments));
    summary.update(child_mastery_summary(tab.mastery));
    return summary;
}

} // namespace learnloop::client
