// The practice area's routes (the mastery engine): the curriculum, target
// assignment, personalised task sets, answers and mastery, with the schemas
// of what each accepts and returns.
#include "practice/routes.hpp"

#include "http/schema.hpp"
#include "practice/practice_handlers.hpp"

namespace learnloop::server {

namespace {

// `schema` with more of its properties required (message_schema requires only "message").
Json requiring(Json schema, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        schema["required"].push_back(name);
    return schema;
}

Json code_schema(std::string description) { return string_schema(std::move(description)); }

Json level_schema()
{
    return enum_schema({ "not_started", "attempted", "familiar", "proficient", "mastered" });
}

Json probability_schema(std::string description = {})
{
    auto schema = number_schema(std::move(description));
    schema["minimum"] = 0;
    schema["maximum"] = 1;
    return schema;
}

void add_curriculum_schemas(Json& s)
{
    s["TargetSummary"] = object_schema(
        {
            { "target_id", code_schema("The target's code") },
            { "subject", string_schema() },
            { "strand", string_schema() },
            { "title", string_schema() },
            { "description", string_schema() },
            { "templates", integer_schema("Live task templates") },
        },
        { "target_id", "subject", "strand", "title", "description", "templates" });
    s["TargetSummaryList"] = array_of(schema_ref("TargetSummary"));
    s["TargetRequest"] = request_schema(
        {
            { "id", code_schema("2-100 of a-z 0-9 . _ -, unique in the school's curriculum") },
            { "title", string_schema("1-200 characters") },
            { "description", string_schema("Up to 2000 characters") },
            { "subject", string_schema("1-50 characters") },
            { "strand", string_schema("1-50 characters") },
        },
        { "id", "title", "subject", "strand" });
    s["TargetCreated"] = requiring(message_schema({ { "target_id", code_schema("The new target's code") } }), { "target_id" });
    // A template as in a curriculum file; which fields a kind needs is
    // checked by the shared template rules (decode_task_template).
    s["TemplateRequest"] = request_schema(
        {
            { "id", code_schema("Unique in the school's curriculum") },
            { "target_id", code_schema("The learning target it practises") },
            { "kind", enum_schema({ "single_choice", "multiple_select", "numeric", "short_text", "cloze", "ordering",
                          "quantitative_comparison" }) },
            { "difficulty", integer_schema("1 (easiest) to 5") },
            { "prompt", string_schema() },
            { "explanation", string_schema() },
            { "variants", array_of(any_object()) },
            { "slots", array_of(any_object()) },
            { "options", array_of(any_object()) },
            { "mistakes", array_of(any_object()) },
            { "answer", Json::object() },
            { "tolerance", number_schema() },
            { "unit", string_schema() },
            { "answers", array_of(string_schema()) },
            { "text", string_schema() },
            { "gaps", Json { { "type", "array" } } },
            { "items", array_of(string_schema()) },
            { "quantity_a", string_schema() },
            { "quantity_b", string_schema() },
            { "compare", any_object() },
            { "feedback", any_object() },
        },
        { "id", "target_id", "kind", "difficulty", "prompt", "explanation" });
    s["TemplateCreated"] = requiring(message_schema({ { "template_id", code_schema("The new template's code") } }),
        { "template_id" });
    auto target_ids = array_of(code_schema("A learning target's code"));
    target_ids["minItems"] = 1;
    target_ids["maxItems"] = 50;
    s["TargetAssignmentRequest"] = request_schema(
        {
            { "target_ids", target_ids },
            { "student_id", id_schema() },
            { "class_id", id_schema() },
            { "submission_id", nullable(id_schema()) },
        },
        { "target_ids" });
    s["TargetsAssigned"] = requiring(message_schema({ { "assigned", integer_schema("Assignments added (existing ones are kept)") },
                                         { "students", integer_schema("Students the targets were for") } }),
        { "assigned", "students" });
}

void add_practice_schemas(Json& s)
{
    s["BktParams"] = object_schema({ { "prior", probability_schema() }, { "learn", probability_schema() },
                                       { "guess", probability_schema() }, { "slip", probability_schema() } },
        { "prior", "learn", "guess", "slip" });
    s["TargetState"] = object_schema(
        {
            { "target_id", code_schema("The target's code") },
            { "title", string_schema() },
            { "strand", string_schema() },
            { "known", probability_schema("The probability the target is known (BKT)") },
            { "attempts", integer_schema() },
            { "level", level_schema() },
            { "bkt", schema_ref("BktParams") },
            { "answers_to_proficient", integer_schema("Correct answers in a row to reach proficient") },
            { "answers_to_mastered", integer_schema("Correct answers in a row to reach mastered") },
        },
        { "target_id", "title", "strand", "known", "attempts", "level", "bkt", "answers_to_proficient",
            "answers_to_mastered" });
    s["TaskSetRequest"] = request_schema({});
    s["SetTask"] = object_schema(
        {
            { "task_id", id_schema() },
            { "target_id", code_schema("The target's code") },
            { "reason", enum_schema({ "practice", "review" }) },
            { "task", any_object() },
        },
        { "task_id", "target_id", "reason", "task" });
    s["TaskSet"] = object_schema(
        {
            { "set_id", nullable(id_schema()) },
            { "tasks", array_of(schema_ref("SetTask")) },
            { "targets", array_of(schema_ref("TargetState")) },
            { "message", string_schema("Why there are no tasks (no targets assigned)") },
        },
        { "set_id", "tasks", "targets" });
    auto client_id = string_schema("8-64 letters, digits, - or _, unique per answer");
    client_id["pattern"] = "^[A-Za-z0-9_-]{8,64}$";
    s["AnswerRequest"] = request_schema(
        {
            { "client_id", client_id },
            { "task_id", id_schema() },
            { "answer", any_object() },
            { "client_verdict", nullable(string_schema("The browser's verdict")) },
            { "answered_at", nullable(utc_timestamp_schema()) },
        },
        { "client_id", "task_id", "answer" });
    // 201 for a new answer; 200 with the stored verdict, score and known for a
    // client id sent again (duplicate true).
    s["AnswerResult"] = object_schema(
        {
            { "verdict", enum_schema({ "correct", "partial", "incorrect" }) },
            { "score", number_schema() },
            { "feedback", string_schema() },
            { "explanation", string_schema() },
            { "parts", array_of(boolean_schema()) },
            { "target", schema_ref("TargetState") },
            { "known_before", probability_schema() },
            { "known", probability_schema("A duplicate's mastery after the answer") },
            { "disagreement", boolean_schema("The browser's verdict differed from the server's") },
            { "duplicate", boolean_schema() },
        },
        { "verdict", "score", "duplicate" });
    s["PracticeStats"] = object_schema(
        { { "answers", integer_schema() }, { "disagreements", integer_schema() }, { "students", integer_schema() } },
        { "answers", "disagreements", "students" });
}

void add_mastery_schemas(Json& s)
{
    s["MasteryHistoryEntry"] = object_schema(
        {
            { "target_id", code_schema("The target's code") },
            { "known", probability_schema("Mastery after the answer") },
            { "verdict", enum_schema({ "correct", "partial", "incorrect" }) },
            { "answered_at", utc_timestamp_schema() },
            { "answered_local", string_schema("YYYY-MM-DD HH:MM in the school's zone") },
        },
        { "target_id", "known", "verdict", "answered_at", "answered_local" });
    s["StudentMastery"] = object_schema(
        {
            { "student_id", id_schema() },
            { "targets", array_of(schema_ref("TargetState")) },
            { "weak_spots", array_of(code_schema("A weak target's code")) },
            { "history", array_of(schema_ref("MasteryHistoryEntry")) },
            { "history_total", integer_schema("Every answer of the student") },
        },
        { "student_id", "targets", "weak_spots", "history", "history_total" });
    s["HeatmapCell"] = object_schema({ { "known", probability_schema() }, { "attempts", integer_schema() },
                                         { "level", level_schema() } },
        { "known", "attempts", "level" });
    s["ClassMastery"] = object_schema(
        {
            { "class_id", id_schema() },
            { "targets", array_of(object_schema({ { "target_id", code_schema("The target's code") },
                                                    { "title", string_schema() } },
                             { "target_id", "title" })) },
            { "rows", array_of(object_schema(
                          { { "student_id", id_schema() }, { "student_name", string_schema() },
                              { "cells", array_of(nullable(schema_ref("HeatmapCell"))) } },
                          { "student_id", "student_name", "cells" })) },
            { "total_students", integer_schema() },
            { "offset", integer_schema() },
            { "limit", integer_schema() },
            { "needs_help", array_of(object_schema({ { "student_id", id_schema() }, { "student_name", string_schema() },
                                                       { "weak_targets", integer_schema() } },
                                { "student_id", "student_name", "weak_targets" })) },
        },
        { "class_id", "targets", "rows", "total_students", "offset", "limit", "needs_help" });
}

} // namespace

AreaApi practice_api()
{
    AreaApi api { "practice", "Learning targets, personalised practice and mastery", {}, Json::object() };
    add_curriculum_schemas(api.schemas);
    add_practice_schemas(api.schemas);
    add_mastery_schemas(api.schemas);
    api.routes = {
        { Method::Get, "/api/curriculum/targets", Action::CurriculumRead, handle_list_targets, nullptr,
            "Search and browse learning targets (shared and the school's own), paged", "", "TargetSummaryList", 200,
            { page_limit_param(), page_offset_param(), { "q", string_schema(), "Words in the code, title or description" },
                { "subject", string_schema(), "Only this subject" }, { "strand", string_schema(), "Only this strand" } } },
        { Method::Post, "/api/curriculum/targets", Action::CurriculumManage, handle_create_target, nullptr,
            "Add one of the school's own learning targets", "TargetRequest", "TargetCreated", 201 },
        { Method::Post, "/api/curriculum/templates", Action::CurriculumManage, handle_create_template, nullptr,
            "Add a task template to a learning target", "TemplateRequest", "TemplateCreated", 201 },
        { Method::Post, "/api/target-assignments", Action::TargetAssign, handle_assign_targets, nullptr,
            "Assign learning targets to a student, a class or the author of marked work", "TargetAssignmentRequest",
            "TargetsAssigned", 201 },
        { Method::Post, "/api/task-sets", Action::PracticeAnswer, handle_create_task_set, nullptr,
            "A new personalised set of tasks for the signed-in student (the body may be left out); 200 with no tasks "
            "when no targets are assigned",
            "TaskSetRequest", "TaskSet", 201 },
        { Method::Post, "/api/task-responses", Action::PracticeAnswer, handle_answer_task, nullptr,
            "Answer a task: graded again on the server, mastery updated (idempotent by client id: 200 when sent again)",
            "AnswerRequest", "AnswerResult", 201 },
        { Method::Get, "/api/mastery", Action::MasteryRead, handle_student_mastery, nullptr,
            "A student's mastery per target with history and weak spots", "", "StudentMastery", 200,
            { { "student_id", id_schema(), "Whose mastery (staff and parents)" },
                { "history_limit", integer_schema(), "Answers of history to return (1-500)" },
                { "history_offset", integer_schema(), "Answers of history to skip" } } },
        reads_standby({ Method::Get, "/api/practice/stats", Action::PracticeStatsRead, handle_practice_stats, nullptr,
            "Answers received and client/server grade disagreements", "", "PracticeStats", 200 }),
        reads_standby({ Method::Get, "/api/classes/{id}/mastery", Action::ClassMasteryRead, handle_class_mastery,
            nullptr, "A class's mastery heatmap and who needs help", "", "ClassMastery", 200,
            { page_limit_param(), page_offset_param() } }),
    };
    return api;
}

} // namespace learnloop::server
