// Mastery answers read for people (see mastery_history.hpp).
#include "practice/mastery_history.hpp"

#include "core/calendar.hpp"
#include "ui/labels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

std::string target_title(const Json& targets, const std::string& target_id)
{
    if (targets.is_array())
        for (const auto& t : targets)
            if (t.is_object() && t.value("target_id", "") == target_id)
                return t.value("title", target_id);
    return target_id;
}

void draw_recent_answers(const Json& mastery, std::size_t limit)
{
    if (!mastery.is_object() || !mastery.contains("history") || !mastery["history"].is_array())
        return;
    const Json no_targets = Json::array();
    const Json& targets = mastery.contains("targets") ? mastery["targets"] : no_targets;
    std::size_t shown = 0;
    for (const auto& h : mastery["history"]) {
        if (++shown > limit || !h.is_object())
            break;
        // "2026-11-29 17:05" on the school's clock, read as "Sun 29 Nov 2026, 17:05".
        std::string local = h.value("answered_local", "");
        if (local.size() == 16 && local[10] == ' ')
            local = due_for_people(local.substr(0, 10) + "T" + local.substr(11) + ":00");
        ui::bullet_text("%s \xC2\xB7 %s \xC2\xB7 %s \xE2\x86\x92 mastery %s", local.c_str(),
            target_title(targets, h.value("target_id", "")).c_str(), ui::verdict_label(h.value("verdict", "")).c_str(),
            ui::format_percent(h.value("known", 0.0)).c_str());
    }
    if (mastery["history"].empty())
        ui::text_colored(ui::k_muted, "No practice answers yet.");
}

} // namespace learnloop::client
