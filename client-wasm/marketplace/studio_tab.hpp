// The course studio: an instructor's own marketplace courses (the office's:
// every course), each opened to write its catalog face and price, its
// modules and lessons and their order, the files a lesson offers, and to
// publish or archive it. The
// forms are read by shared-domain marketplace/course_editing, as the server
// reads them; moving a lesson or a module sends the whole new order, made by
// the same rules (move_lesson, move_module).
#pragma once

#include "app.hpp"
#include "ui/paged_list.hpp"
#include "ui/route.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop::client {

// The face and price as typed.
struct CourseForm {
    char title[801] = "";          // up to 200 characters of UTF-8: 4 bytes each at most
    char slug[61] = "";
    char subtitle[641] = "";
    char description[16001] = "";
    char prerequisites[2001] = "";
    char tags[1300] = "";             // comma-separated
    int level = 0;                    // 0 any level, then beginner, intermediate, advanced
    int language = 0;                 // an index of catalog_languages()
    std::int64_t category_id = 0;     // 0: none
    std::int64_t instructor_id = 0;   // the office's new course: who teaches it
    int price_kind = 0;               // 0 free, 1 one payment, 2 subscription
    char amount[16] = "";
    char currency[4] = "";
    int period = 0;                   // 0 monthly, 1 yearly
};

// A lesson as typed (added to `module_id`, or changing `lesson_id`).
struct LessonForm {
    std::int64_t module_id = 0;
    std::int64_t lesson_id = 0;       // 0: a new lesson
    char title[801] = "";
    int kind = 0;                     // 0 reading, 1 video, 2 quiz
    char minutes[4] = "";
    char body[80001] = "";
    char video_url[2001] = "";
    std::int64_t quiz_id = 0;
};

// What a delete confirmation is open for.
enum class StudioPart { Module, Lesson, File };

struct StudioTabState {
    ui::PagedList courses;            // GET /api/marketplace/studio/courses
    Remote choices;                   // GET /api/marketplace/studio/choices
    bool making = false;              // the new course's form is open
    std::int64_t open = 0;            // the course being written; 0: the list
    std::int64_t filled_for = 0;      // the course the form was filled from
    Remote course;                    // GET /api/marketplace/studio/courses/{open}
    CourseForm form;
    std::vector<Error> errors;        // the course form's, by field
    Outcome save;                     // making or saving the course's face
    Outcome status;                   // publishing or archiving
    bool ask_archive = false;
    // Modules and lessons.
    char new_module[801] = "";
    std::int64_t renaming = 0;        // the module being renamed
    char rename[801] = "";
    bool lesson_open = false;         // the lesson form is open
    LessonForm lesson;
    std::vector<Error> part_errors;   // the module or lesson form's
    Outcome part;                     // the last change to a module or lesson, or the order
    // The open lesson's files: one chosen in the browser's chooser is checked
    // by the shared rule, then sent (POST .../lessons/{id}/attachments).
    std::int64_t choosing_for = 0;    // the lesson the chooser was opened for; 0: none open
    std::vector<Error> file_errors;   // a chosen file refused, by the rule or the server
    Outcome file;                     // the last file sent or deleted
    std::int64_t deleting = 0;        // the module, lesson or file a confirmation is open for
    StudioPart deleting_part = StudioPart::Lesson;
    std::string deleting_title;
    bool ask_delete = false;
};

void draw_studio_tab(AppState& state, StudioTabState& tab);
// The course open in the address: "#/studio/courses/7".
[[nodiscard]] ui::TabPlace studio_tab_place(const StudioTabState& tab);
bool open_studio_tab(AppState& state, StudioTabState& tab, const ui::Route& route);
[[nodiscard]] Json studio_tab_summary(const StudioTabState& tab);

} // namespace learnloop::client
