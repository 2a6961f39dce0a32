// A portal's tabs as data: each tab is a label, the name tests find it by
// (which is also its address), the permission-matrix action that shows it, a
// draw function, what it adds to the test hook and, for a tab that shows one
// item at a time, how that item is named in and opened from the address.
// `Context` is whatever holds the tabs' state.
#pragma once

#include "app.hpp"
#include "ui/route.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <optional>
#include <span>

namespace learnloop::client::ui {

template <class Context>
struct Tab {
    const char* label;
    // "<portal>.tab.<path>": the tab's rectangle in the test hook, and its
    // address "#/<portal>/<path>" (docs/routes.md).
    const char* name;
    std::optional<learnloop::Action> needs;        // shown only to roles the matrix allows; empty: always
    void (*draw)(AppState&, Context&);
    Json (*summary)(const AppState&, const Context&);   // merged into the portal's summary; may be null
    // The item the tab shows, for the address ("#/teacher/classes/3") and the
    // page's title; null for a tab without items.
    TabPlace (*place)(const AppState&, const Context&) = nullptr;
    // Shows the item an address names (route.id, 0 for none; route.detail,
    // route.detail_id). Returns false for a shape of address the tab does not
    // have; an id it cannot find is the tab's to show as not found.
    bool (*open)(AppState&, Context&, const Route&) = nullptr;
    // A count shown after the label ("2": two unread messages); empty: none.
    std::string (*badge)(const AppState&, const Context&) = nullptr;
};

// A tab's portal and path in the address, from its name ("teacher.tab.classes").
inline std::string_view tab_portal(const char* name)
{
    std::string_view text(name);
    return text.substr(0, text.find('.'));
}

inline std::string_view tab_path(const char* name)
{
    std::string_view text(name);
    return text.substr(text.rfind('.') + 1);
}

// Draws the tabs the signed-in role may see. A portal of one tab is drawn as
// that tab's page, without a tab bar (a lone tab would only push it down).
template <class Context>
void draw_tabs(AppState& state, const char* id, std::span<const Tab<Context>> tabs, Context& context)
{
    // The tab drawn is the screen's place in the address (navigation.cpp);
    // a tab the address asked for is selected until its bar has done so.
    auto& navigation = state.navigation;
    if (tabs.size() == 1) {
        navigation.drawn_tab = tabs.front().name;
        navigation.open_tab.clear();
        tabs.front().draw(state, context);
        return;
    }
    if (!ImGui::BeginTabBar(id, tab_bar_flags()))
        return;
    // The tabs first, then the chosen tab's page below the bar, so the
    // accessible tab list holds only tabs (its page follows it). Keyed by the
    // bar, so it stays the same element while the top bar changes (a focused
    // tab keeps its focus).
    semantics::begin(semantics::Role::TabList, "", ImGui::GetID("##tablist"));
    const Tab<Context>* chosen = nullptr;
    for (const auto& tab : tabs) {
        if (tab.needs && !can(state, *tab.needs))
            continue;
        // Asked once: a click on another tab meanwhile wins, as it comes later.
        bool select = navigation.open_tab_frames < 0 && navigation.open_tab == tab.name;
        if (select)
            navigation.open_tab_frames = 0;
        if (ui::tab(state, tab.label, tab.name, select, tab.badge ? tab.badge(state, context) : std::string())) {
            chosen = &tab;
            ImGui::EndTabItem();
        }
    }
    semantics::end_through(semantics::Role::TabList);
    ImGui::EndTabBar();
    if (chosen) {
        navigation.drawn_tab = chosen->name;
        if (navigation.open_tab == chosen->name)
            navigation.open_tab.clear();
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
