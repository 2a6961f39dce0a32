// A learner's progress through a course (progress.hpp).
#include "marketplace/progress.hpp"

#include <algorithm>
#include <map>

namespace learnloop {

std::string_view lesson_kind_for_people(std::string_view kind)
{
    return kind == "video" ? "Video" : kind == "quiz" ? "Quiz" : "Reading";
}

namespace {

Error invalid(const std::string& field, std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), field);
}

Result<int> seconds_at(const Json& value, const std::string& field)
{
    auto number = TRY(json_int_at(value, field));
    if (number < 0 || number > k_progress_most_seconds)
        return invalid(field, field + " must be from 0 to " + std::to_string(k_progress_most_seconds) + " seconds");
    return static_cast<int>(number);
}

} // namespace

CourseProgress course_progress(const std::vector<LessonRef>& lessons, const std::vector<LessonMark>& marks)
{
    std::map<std::int64_t, const LessonMark*> by_lesson;
    for (const auto& mark : marks)
        by_lesson[mark.lesson_id] = &mark;
    CourseProgress progress;
    progress.total = static_cast<int>(lessons.size());
    std::size_t last = lessons.size();   // the lesson last worked in
    std::int64_t last_at = -1;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        auto found = by_lesson.find(lessons[i].id);
        if (found == by_lesson.end())
            continue;
        if (found->second->completed)
            ++progress.completed;
        if (found->second->updated_at >= last_at) {
            last_at = found->second->updated_at;
            last = i;
        }
    }
    progress.percent = progress.total == 0 ? 0 : progress.completed * 100 / progress.total;
    progress.finished = progress.total > 0 && progress.completed == progress.total;
    auto done = [&](std::size_t i) {
        auto found = by_lesson.find(lessons[i].id);
        return found != by_lesson.end() && found->second->completed;
    };
    auto go_on = [&](std::size_t i) {
        progress.continue_lesson = lessons[i].id;
        auto found = by_lesson.find(lessons[i].id);
        progress.continue_position = found == by_lesson.end() ? 0 : found->second->position_seconds;
    };
    if (progress.finished || lessons.empty())
        return progress;
    if (last < lessons.size() && !done(last)) {
        go_on(last);
        return progress;
    }
    for (std::size_t i = last < lessons.size() ? last + 1 : 0; i < lessons.size(); ++i)
        if (!done(i)) {
            go_on(i);
            return progress;
        }
    for (std::size_t i = 0; i < lessons.size(); ++i)
        if (!done(i)) {
            go_on(i);
            return progress;
        }
    return progress;
}

std::string progress_for_people(const CourseProgress& progress)
{
    if (progress.finished)
        return "Finished";
    if (progress.completed == 0)
        return "Not started";
    return std::to_string(progress.completed) + " of " + std::to_string(progress.total) + " lessons done ("
        + std::to_string(progress.percent) + "%)";
}

Result<ProgressUpdate> read_progress_update(const Json& body)
{
    auto reader = TRY(JsonObjectReader::open(body, ""));
    ProgressUpdate update;
    if (const auto* completed = reader.find("completed")) {
        if (!completed->is_boolean())
            return invalid("completed", "completed must be true or false");
        update.completed = completed->get<bool>();
    }
    if (const auto* spent = reader.find("seconds_spent"))
        update.seconds_spent = TRY(seconds_at(*spent, "seconds_spent"));
    if (const auto* position = reader.find("position_seconds"))
        update.position_seconds = TRY(seconds_at(*position, "position_seconds"));
    TRY(reader.reject_unknown("a progress mark"));
    if (!update.completed && !update.seconds_spent && !update.position_seconds)
        return invalid("completed", "Send completed, seconds_spent or position_seconds");
    return update;
}

Json progress_update_to_json(const ProgressUpdate& update)
{
    Json json = Json::object();
    if (update.completed)
        json["completed"] = *update.completed;
    if (update.seconds_spent)
        json["seconds_spent"] = *update.seconds_spent;
    if (update.position_seconds)
        json["position_seconds"] = *update.position_seconds;
    return json;
}

LessonMark apply_progress(LessonMark mark, const ProgressUpdate& update, std::int64_t now)
{
    if (update.completed)
        mark.completed = *update.completed;
    if (update.seconds_spent)
        mark.seconds_spent = std::max(mark.seconds_spent, *update.seconds_spent);
    if (update.position_seconds)
        mark.position_seconds = *update.position_seconds;
    mark.updated_at = now;
    return mark;
}

} // namespace learnloop
