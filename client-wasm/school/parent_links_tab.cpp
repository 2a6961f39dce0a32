// The school's Parents tab (see parent_links_tab.hpp).
#include "school/parent_links_tab.hpp"

#include "net/api.hpp"
#include "school/people.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

void reload_links(AppState& state, ParentLinksTabState& tab)
{
    api_load(state, tab.links, "/api/parent-links?limit=200");
}

} // namespace

void draw_parent_links_tab(AppState& state, ParentLinksTabState& tab, const Remote& users)
{
    if (tab.links.phase == Phase::Idle)
        reload_links(state, tab);
    if (ui::remote_status(state, tab.links, "admin.links"))
        reload_links(state, tab);
    if (tab.links.data.is_array()) {
        if (tab.links.data.empty())
            ui::text_colored(ui::k_muted, "No parents are linked yet: link one below, or give them a code to link themselves.");
        for (const auto& l : tab.links.data)
            ui::bullet_text("%s \xE2\x86\x92 %s", l.value("parent_name", "").c_str(), l.value("student_name", "").c_str());
    }
    ImGui::Separator();
    auto parents = users_with_role(users, Role::Parent);
    auto students = users_with_role(users, Role::Student);
    ui::text_unformatted("Link a parent to a student");
    person_combo("##link_parent", parents, tab.link_parent);
    ImGui::SameLine();
    person_combo("##link_student", students, tab.link_student);
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.link_parent < 0 || tab.link_student < 0);
    if (ui::button(state, "Link", "admin.link") && tab.link_parent >= 0 && tab.link_student >= 0) {
        api_call(state, "POST", "/api/parent-links",
            { { "parent_id", parents[tab.link_parent]->value("id", std::int64_t(0)) },
                { "student_id", students[tab.link_student]->value("id", std::int64_t(0)) } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.link_action = outcome_of(answer, "Parent linked");
                reload_links(state, tab);
            });
    }
    ImGui::EndDisabled();
    ImGui::BeginDisabled(tab.link_student < 0);
    if (ui::button(state, "Create a link code for this student", "admin.link_code") && tab.link_student >= 0) {
        api_call(state, "POST", "/api/parent-links/codes",
            { { "student_id", students[tab.link_student]->value("id", std::int64_t(0)) } },
            [&tab](AppState&, const ApiAnswer& answer) {
                tab.link_action = outcome_of(answer, "Code created");
                if (answer.ok())
                    tab.last_code = answer.body.value("code", "") + " (valid until " + answer.body.value("expires_at", "") + ")";
            });
    }
    ImGui::EndDisabled();
    if (!tab.last_code.empty())
        ui::text("Give this code to the parent: %s", tab.last_code.c_str());
    ui::action_status(tab.link_action);
}

} // namespace learnloop::client
