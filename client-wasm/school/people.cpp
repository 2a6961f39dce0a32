// The school's users, shared by the school tabs (see people.hpp).
#include "school/people.hpp"

#include "net/api.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

void reload_users(AppState& state, Remote& users)
{
    api_load(state, users, "/api/users?limit=200");
}

std::vector<const Json*> users_with_role(const Remote& users, Role role)
{
    std::vector<const Json*> out;
    if (users.data.is_array())
        for (const auto& u : users.data)
            if (u.value("role", "") == role_name(role) && u.value("active", false))
                out.push_back(&u);
    return out;
}

void person_combo(const char* id, const std::vector<const Json*>& people, int& choice, const char* anyone)
{
    const bool picked = choice >= 0 && choice < static_cast<int>(people.size());
    std::string current = picked ? people[choice]->value("name", "") : anyone ? anyone : "Choose\xE2\x80\xA6";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    // As tall as the screen allows: more people at a glance, fewer scrolled out of reach.
    if (ui::begin_combo(id, current.c_str(), ImGuiComboFlags_HeightLargest)) {
        if (anyone && ui::selectable(anyone, !picked))
            choice = -1;
        for (std::size_t i = 0; i < people.size(); ++i)
            if (ui::selectable((people[i]->value("name", "") + "##p" + std::to_string(i)).c_str(), choice == static_cast<int>(i)))
                choice = static_cast<int>(i);
        ui::end_combo();
    }
}

} // namespace learnloop::client
