// A learner's progress through a marketplace course: which lessons are done,
// how far along the course is, and where to continue. A progress mark is
// read the same way in the browser (which queues marks while offline) and on
// the server, and replaying one changes nothing: the time spent only grows,
// and the last position and completion are as sent.
//   course_progress({{1, 8}, {2, 12}, {3, 5}}, {{1, true, 480, 0, 100}}) -> 1 of 3 (33%), continue at 2
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

inline constexpr int k_progress_most_seconds = 360000;   // 100 hours in one lesson

// A lesson's kind as stored ("text", "video", "quiz") for people:
// "Reading", "Video", "Quiz".
[[nodiscard]] std::string_view lesson_kind_for_people(std::string_view kind);

struct LessonRef {
    std::int64_t id = 0;
    int minutes = 0;
};

// What is kept of one learner in one lesson.
struct LessonMark {
    std::int64_t lesson_id = 0;
    bool completed = false;
    int seconds_spent = 0;
    int position_seconds = 0;     // where a video or a reading was left
    std::int64_t updated_at = 0;  // when last changed, in any unit that orders marks (the server: microseconds since 1970)
};

struct CourseProgress {
    int completed = 0;
    int total = 0;
    int percent = 0;                   // rounded down: 100 only when every lesson is done
    std::int64_t continue_lesson = 0;  // where to go on; 0 when every lesson is done (or there are none)
    int continue_position = 0;         // and where in it
    bool finished = false;

    bool operator==(const CourseProgress&) const = default;
};

// `lessons` in the course's order; marks of lessons not in it are ignored.
// Continue: the lesson last worked in (of two marked at the same moment, the
// later in the course) when it is not done, else the first
// lesson after it that is not done, else the first not done at all.
[[nodiscard]] CourseProgress course_progress(const std::vector<LessonRef>& lessons, const std::vector<LessonMark>& marks);

// "3 of 12 lessons done (25%)", "Not started", "Finished".
[[nodiscard]] std::string progress_for_people(const CourseProgress& progress);

// A progress mark as sent: {"completed"?: bool, "seconds_spent"?: whole
// seconds in the lesson so far, "position_seconds"?: whole seconds}; at
// least one of them, each 0 to k_progress_most_seconds, no other field.
struct ProgressUpdate {
    std::optional<bool> completed;
    std::optional<int> seconds_spent;
    std::optional<int> position_seconds;
};
[[nodiscard]] Result<ProgressUpdate> read_progress_update(const Json& body);
[[nodiscard]] Json progress_update_to_json(const ProgressUpdate& update);

// The mark after an update: the time spent never shrinks (a replayed or
// late mark cannot take time away), the position and completion are as sent.
[[nodiscard]] LessonMark apply_progress(LessonMark mark, const ProgressUpdate& update, std::int64_t now);

} // namespace learnloop
