// A portal's tabs as data: each tab is a label, the name tests find it by,
// the permission-matrix action that shows it, a draw function and what it
// adds to the test hook. `Context` is whatever holds the tabs' state.
#pragma once

#include "app.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <optional>
#include <span>

namespace learnloop::client::ui {

template <class Context>
struct Tab {
    const char* label;
    const char* name;                              // the tab's rectangle in the test hook
    std::optional<learnloop::Action> needs;        // shown only to roles the matrix allows; empty: always
    void (*draw)(AppState&, Context&);
    Json (*summary)(const AppState&, const Context&);   // merged into the portal's summary; may be null
};

// Draws the tabs the signed-in role may see. A portal of one tab is drawn as
// that tab's page, without a tab bar (a lone tab would only push it down).
template <class Context>
void draw_tabs(AppState& state, const char* id, std::span<const Tab<Context>> tabs, Context& context)
{
    if (tabs.size() == 1) {
        tabs.front().draw(state, context);
        return;
    }
    if (!ImGui::BeginTabBar(id, tab_bar_flags()))
        return;
    // The tabs first, then the chosen tab's page below the bar, so the
    // accessible tab list holds only tabs (its page follows it).
    semantics::begin(semantics::Role::TabList, "");
    const Tab<Context>* chosen = nullptr;
    for (const auto& tab : tabs) {
        if (tab.needs && !can(state, *tab.needs))
            continue;
        if (ui::tab(state, tab.label, tab.name)) {
            chosen = &tab;
            ImGui::EndTabItem();
        }
    }
    semantics::end_through(semantics::Role::TabList);
    ImGui::EndTabBar();
    if (chosen) {
        ImGui::PushID(chosen->name);
        chosen->draw(state, context);
        ImGui::PopID();
    }
}

// Every tab's summary in one object (hidden tabs too: a key a test reads is
// there for every role of the portal).
template <class Context>
Json tabs_summary(const AppState& state, std::span<const Tab<Context>> tabs, const Context& context)
{
    Json summary = Json::object();
    for (const auto& tab : tabs)
        if (tab.summary)
            summary.update(tab.summary(state, context));
    return summary;
}

} // namespace learnloop::client::ui
