// Icons of the portals' tabs (see icons.hpp).
#include "ui/icons.hpp"

#include <array>
#include <utility>

namespace learnloop::client::ui {

std::string_view tab_icon(std::string_view path)
{
    // By the tab's place, not its label: "Messages" and "My students" are the
    // same kind of place in every portal that has them.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> icons{ {
        { "home", ICON_HOME }, { "assignments", ICON_FILE_TEXT }, { "classes", ICON_USERS },
        { "mastery", ICON_BAR_CHART }, { "gradebook", ICON_LIST }, { "practice", ICON_LIGHTBULB },
        { "children", ICON_USERS }, { "users", ICON_USER }, { "parents", ICON_USERS }, { "signup", ICON_LOCK },
        { "audit", ICON_HISTORY }, { "calendar", ICON_CALENDAR }, { "money", ICON_MONEY }, { "people", ICON_USER },
        { "hours", ICON_CLOCK }, { "messages", ICON_ENVELOPE }, { "settings", ICON_COG }, { "courses", ICON_BOOK },
        { "bank", ICON_DATABASE }, { "deleted", ICON_TRASH }, { "study", ICON_LIST }, { "summary", ICON_BAR_CHART },
        { "week", ICON_CALENDAR }, { "students", ICON_USERS }, { "sessions", ICON_CALENDAR }, { "invoices", ICON_MONEY },
    } };
    for (const auto& [place, icon] : icons)
        if (place == path)
            return icon;
    return {};
}

} // namespace learnloop::client::ui
