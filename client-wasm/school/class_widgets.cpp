// Shared class widgets (see class_widgets.hpp).
#include "school/class_widgets.hpp"

#include "navigation.hpp"
#include "net/api.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

bool pick_class(AppState& state, const Remote& classes, std::int64_t& chosen, Remote& remote, const std::string& view,
    const std::function<std::string()>& query, const std::function<void()>& on_choose)
{
    auto load = [&] {
        api_load(state, remote, "/api/classes/" + std::to_string(chosen) + "/" + view + (query ? query() : ""));
    };
    // The first class is shown at once, so the tab never opens blank; its
    // address replaces the tab's own ("#/teacher/mastery" becomes ".../3").
    if (chosen == 0 && classes.data.is_array() && !classes.data.empty()) {
        chosen = classes.data.front().value("id", std::int64_t(0));
        if (on_choose)
            on_choose();
        load();
        replace_location(state);
    }
    ui::text_unformatted("Class");
    ImGui::SameLine();
    ui::begin_radio_group("Class");
    for (const auto& c : classes.data) {
        auto id = c.value("id", std::int64_t(0));
        if (&c != &classes.data.front())
            ImGui::SameLine();
        if (ui::radio_button((c.value("name", "") + "##" + view + std::to_string(id)).c_str(), chosen == id)) {
            chosen = id;
            if (on_choose)
                on_choose();
            load();
        }
        ui::remember(state, "teacher." + view + "_class." + c.value("name", ""));
    }
    ui::end_radio_group();
    if (ui::remote_status(state, remote, "teacher." + view))
        load();
    return remote.phase == Phase::Done;
}

void load_members(AppState& state, Remote& members, std::int64_t class_id)
{
    api_load(state, members, "/api/classes/" + std::to_string(class_id) + "/members?limit=200");
}

ui::TabPlace class_place(const Remote& classes, std::int64_t class_id)
{
    const Json* shown = find_by_id(classes, class_id);
    return { class_id, {}, 0, shown ? shown->value("name", "") : "" };
}

bool open_class(std::int64_t& class_id, Remote& members, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id != class_id) {
        class_id = route.id;
        forget(members);
    }
    return true;
}

} // namespace learnloop::client
