// An instructor's course as they write it (course_editing.hpp).
#include "marketplace/course_editing.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <set>

namespace learnloop {

namespace {

// An optional text field: "" when absent or null.
Result<std::string> optional_text(JsonObjectReader& reader, std::string_view key, std::string_view label,
    std::size_t most, TextLines lines)
{
    const auto* value = reader.find(key);
    if (!value || value->is_null())
        return std::string();
    const auto path = reader.path(key);
    return validate_text(TRY(json_string_at(*value, path)), path, label, 0, most, lines);
}

// ASCII capitals to small letters; other scripts are kept as typed.
std::string lower_ascii(std::string text)
{
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

Result<std::vector<std::string>> read_tags(JsonObjectReader& reader)
{
    std::vector<std::string> tags;
    const auto* value = reader.find("tags");
    if (!value || value->is_null())
        return tags;
    const auto* list = TRY(json_array_at(*value, "tags", 0, k_course_tags_most));
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto path = json_index_path("tags", i);
        auto tag = lower_ascii(TRY(validate_text(TRY(json_string_at((*list)[i], path)), path, "A tag", 1,
            k_course_tag_most, TextLines::Single)));
        if (std::find(tags.begin(), tags.end(), tag) == tags.end())
            tags.push_back(std::move(tag));
    }
    return tags;
}

// Where a lesson sits: its module's index and its index there.
struct Place {
    std::size_t module = 0;
    std::size_t lesson = 0;
};

std::optional<Place> place_of(const Outline& outline, std::int64_t lesson_id)
{
    for (std::size_t m = 0; m < outline.size(); ++m)
        for (std::size_t l = 0; l < outline[m].lessons.size(); ++l)
            if (outline[m].lessons[l] == lesson_id)
                return Place { m, l };
    return std::nullopt;
}

} // namespace

Result<CourseFace> read_course_face(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    CourseFace face;
    face.title = TRY(validate_text(TRY(json_string_at(*TRY(reader.require("title")), "title")), "title", "The title",
        1, k_title_max_length, TextLines::Single));
    face.slug = TRY(check_slug(TRY(json_string_at(*TRY(reader.require("slug")), "slug"))));
    face.subtitle = TRY(optional_text(reader, "subtitle", "The subtitle", k_course_subtitle_most, TextLines::Single));
    face.description = TRY(optional_text(reader, "description", "The description", k_course_description_most,
        TextLines::Multiple));
    face.prerequisites = TRY(optional_text(reader, "prerequisites", "What learners need first",
        k_course_prerequisites_most, TextLines::Multiple));
    if (const auto* category = reader.find("category_id"); category && !category->is_null()) {
        face.category_id = TRY(json_int_at(*category, "category_id"));
        if (face.category_id <= 0)
            return make_error(ErrorCode::InvalidArgument, "Choose a category from the list", "category_id");
    }
    if (const auto* level = reader.find("level"); level && !level->is_null())
        face.level = TRY(parse_course_level(TRY(json_string_at(*level, "level"))));
    if (const auto* language = reader.find("language"); language && !language->is_null())
        face.language = TRY(check_language(TRY(json_string_at(*language, "language"))));
    face.tags = TRY(read_tags(reader));
    face.price = TRY(read_price(*TRY(reader.require("price")), "price"));
    reader.find("instructor_id");   // the server's to read
    TRY(reader.reject_unknown("a course"));
    return face;
}

Json course_face_json(const CourseFace& face)
{
    Json json { { "title", face.title }, { "slug", face.slug }, { "subtitle", face.subtitle },
        { "description", face.description }, { "language", face.language }, { "tags", face.tags },
        { "prerequisites", face.prerequisites }, { "price", price_to_json(face.price) } };
    json["category_id"] = face.category_id > 0 ? Json(face.category_id) : Json(nullptr);
    json["level"] = face.level ? Json(std::string(course_level_name(*face.level))) : Json(nullptr);
    return json;
}

Result<std::string> read_module_title(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    auto title = TRY(validate_text(TRY(json_string_at(*TRY(reader.require("title")), "title")), "title",
        "A module's title", 1, k_title_max_length, TextLines::Single));
    TRY(reader.reject_unknown("a module"));
    return title;
}

std::string_view lesson_kind_name(LessonKind kind)
{
    switch (kind) {
    case LessonKind::Text: return "text";
    case LessonKind::Video: return "video";
    case LessonKind::Quiz: return "quiz";
    }
    return "text";
}

Result<LessonKind> parse_lesson_kind(std::string_view name)
{
    for (auto kind : { LessonKind::Text, LessonKind::Video, LessonKind::Quiz })
        if (lesson_kind_name(kind) == name)
            return kind;
    return make_error(ErrorCode::InvalidArgument, "A lesson is a reading (text), a video or a quiz", "kind");
}

Result<LessonDraft> read_lesson_draft(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    LessonDraft draft;
    draft.title = TRY(validate_text(TRY(json_string_at(*TRY(reader.require("title")), "title")), "title",
        "A lesson's title", 1, k_title_max_length, TextLines::Single));
    draft.kind = TRY(parse_lesson_kind(TRY(json_string_at(*TRY(reader.require("kind")), "kind"))));
    if (const auto* minutes = reader.find("minutes"); minutes && !minutes->is_null()) {
        const auto value = TRY(json_int_at(*minutes, "minutes"));
        if (value < 0 || value > k_lesson_minutes_most)
            return make_error(ErrorCode::InvalidArgument, "A lesson takes 0 to 600 minutes", "minutes");
        draft.minutes = static_cast<int>(value);
    }
    draft.body = TRY(optional_text(reader, "body", "The lesson's text", k_lesson_body_most, TextLines::Multiple));
    draft.video_url = TRY(optional_text(reader, "video_url", "The video's address", k_video_url_most,
        TextLines::Single));
    if (draft.kind == LessonKind::Video) {
        if (draft.video_url.empty())
            return make_error(ErrorCode::InvalidArgument, "A video lesson needs the video's address", "video_url");
        if (draft.video_url.rfind("https://", 0) != 0 || draft.video_url.size() <= 8
            || draft.video_url.find_first_of(" \"<>") != std::string::npos)
            return make_error(ErrorCode::InvalidArgument, "A video's address starts with https://", "video_url");
    } else if (!draft.video_url.empty()) {
        return make_error(ErrorCode::InvalidArgument, "Only a video lesson has a video's address", "video_url");
    }
    if (const auto* quiz = reader.find("quiz_id"); quiz && !quiz->is_null()) {
        if (draft.kind != LessonKind::Quiz)
            return make_error(ErrorCode::InvalidArgument, "Only a quiz lesson has a quiz", "quiz_id");
        draft.quiz_id = TRY(json_int_at(*quiz, "quiz_id"));
        if (draft.quiz_id <= 0)
            return make_error(ErrorCode::InvalidArgument, "Choose one of the course's quizzes", "quiz_id");
    } else if (draft.kind == LessonKind::Quiz) {
        return make_error(ErrorCode::InvalidArgument, "A quiz lesson needs one of the course's quizzes", "quiz_id");
    }
    TRY(reader.reject_unknown("a lesson"));
    return draft;
}

Json lesson_draft_json(const LessonDraft& draft)
{
    Json json { { "title", draft.title }, { "kind", lesson_kind_name(draft.kind) }, { "minutes", draft.minutes },
        { "body", draft.body } };
    if (draft.kind == LessonKind::Video)
        json["video_url"] = draft.video_url;
    if (draft.kind == LessonKind::Quiz)
        json["quiz_id"] = draft.quiz_id;
    return json;
}

// [SECTION] The order of modules and lessons

Result<Outline> read_outline(const Json& json)
{
    auto reader = TRY(JsonObjectReader::open(json, ""));
    const auto* modules = TRY(json_array_at(*TRY(reader.require("modules")), "modules", 0, k_course_modules_most));
    Outline outline;
    for (std::size_t m = 0; m < modules->size(); ++m) {
        const auto path = json_index_path("modules", m);
        auto module_reader = TRY(JsonObjectReader::open((*modules)[m], path));
        OutlineModule module;
        module.id = TRY(json_int_at(*TRY(module_reader.require("id")), module_reader.path("id")));
        const auto lessons_path = module_reader.path("lessons");
        const auto* lessons = TRY(json_array_at(*TRY(module_reader.require("lessons")), lessons_path, 0,
            k_module_lessons_most));
        for (std::size_t l = 0; l < lessons->size(); ++l)
            module.lessons.push_back(TRY(json_int_at((*lessons)[l], json_index_path(lessons_path, l))));
        TRY(module_reader.reject_unknown("a module"));
        outline.push_back(std::move(module));
    }
    TRY(reader.reject_unknown("an outline"));
    return outline;
}

Json outline_json(const Outline& outline)
{
    Json modules = Json::array();
    for (const auto& module : outline)
        modules.push_back({ { "id", module.id }, { "lessons", module.lessons } });
    return { { "modules", std::move(modules) } };
}

Result<void> check_same_parts(const Outline& now, const Outline& asked)
{
    const auto changed = [] {
        return make_error(ErrorCode::FailedPrecondition,
            "The course's modules or lessons changed meanwhile; load it again and move them once more");
    };
    if (now.size() != asked.size())
        return changed();
    std::set<std::int64_t> modules;
    std::set<std::int64_t> lessons;
    std::size_t lesson_count = 0;
    for (const auto& module : now) {
        modules.insert(module.id);
        lessons.insert(module.lessons.begin(), module.lessons.end());
        lesson_count += module.lessons.size();
    }
    std::set<std::int64_t> seen_modules;
    std::set<std::int64_t> seen_lessons;
    std::size_t asked_lessons = 0;
    for (const auto& module : asked) {
        if (!modules.count(module.id) || !seen_modules.insert(module.id).second)
            return changed();
        for (auto lesson : module.lessons)
            if (!lessons.count(lesson) || !seen_lessons.insert(lesson).second)
                return changed();
        asked_lessons += module.lessons.size();
    }
    if (asked_lessons != lesson_count)
        return changed();
    return {};
}

Outline move_lesson(Outline outline, std::int64_t lesson_id, int step)
{
    const auto place = place_of(outline, lesson_id);
    if (!place || (step != -1 && step != 1))
        return outline;
    auto& lessons = outline[place->module].lessons;
    if (step == -1) {
        if (place->lesson > 0) {
            std::swap(lessons[place->lesson], lessons[place->lesson - 1]);
        } else if (place->module > 0) {
            lessons.erase(lessons.begin());
            outline[place->module - 1].lessons.push_back(lesson_id);
        }
    } else {
        if (place->lesson + 1 < lessons.size()) {
            std::swap(lessons[place->lesson], lessons[place->lesson + 1]);
        } else if (place->module + 1 < outline.size()) {
            lessons.pop_back();
            auto& next = outline[place->module + 1].lessons;
            next.insert(next.begin(), lesson_id);
        }
    }
    return outline;
}

Outline move_module(Outline outline, std::int64_t module_id, int step)
{
    for (std::size_t m = 0; m < outline.size(); ++m) {
        if (outline[m].id != module_id)
            continue;
        if (step == -1 && m > 0)
            std::swap(outline[m], outline[m - 1]);
        else if (step == 1 && m + 1 < outline.size())
            std::swap(outline[m], outline[m + 1]);
        break;
    }
    return outline;
}

Result<void> check_publishable(std::int64_t lessons)
{
    if (lessons < 1)
        return make_error(ErrorCode::FailedPrecondition, "Add a lesson before you publish the course");
    return {};
}

} // namespace learnloop
