// What the course studio's two files share: studio_tab.cpp draws the list,
// a course's face, price and status; studio_outline.cpp its modules, lessons
// and their files.
#pragma once

#include "marketplace/studio_tab.hpp"
#include "net/api.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace learnloop::client {

// "/api/marketplace/studio/courses/7"
[[nodiscard]] std::string studio_course_path(std::int64_t id);
// Loads the open course's page (again).
void load_studio_course(AppState& state, StudioTabState& tab);
// After a change the server answers with the course's page: shown as it is,
// unless another course was opened meanwhile.
void take_studio_page(StudioTabState& tab, const ApiAnswer& answer);
// A labelled combo whose items `items` draws.
void draw_studio_choice(const char* label, const char* id, const std::string& preview,
    const std::function<void()>& items);
// The course's modules and lessons: their order, a lesson's form and files,
// adding and deleting.
void draw_studio_outline(AppState& state, StudioTabState& tab, const Json& course);
// The lesson `id` of a course's page; null when it has none.
[[nodiscard]] const Json* studio_lesson(const Json& course, std::int64_t id);

} // namespace learnloop::client
