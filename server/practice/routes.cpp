// The practice area's routes (the mastery engine): the curriculum, target
// assignment, personalised task sets, answers and mastery.
#include "practice/routes.hpp"

#include "http/handlers.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

AreaApi practice_api()
{
    AreaApi api { "practice", "Learning targets, personalised practice and mastery", {}, Json::object() };
    api.routes = {
        { Method::Get, "/api/curriculum/targets", Action::CurriculumRead, handle_list_targets, nullptr,
            "Search and browse learning targets (shared and the school's own), paged", "", "", 200,
            { page_limit_param(), page_offset_param(), { "q", string_schema(), "Words in the code, title or description" },
                { "subject", string_schema(), "Only this subject" }, { "strand", string_schema(), "Only this strand" } } },
        { Method::Post, "/api/curriculum/targets", Action::CurriculumManage, handle_create_target, nullptr,
            "Add one of the school's own learning targets", "", "", 201 },
        { Method::Post, "/api/curriculum/templates", Action::CurriculumManage, handle_create_template, nullptr,
            "Add a task template to a learning target", "", "", 201 },
        { Method::Post, "/api/target-assignments", Action::TargetAssign, handle_assign_targets, nullptr,
            "Assign learning targets to a student, a class or the author of marked work", "", "", 201 },
        { Method::Post, "/api/task-sets", Action::PracticeAnswer, handle_create_task_set, nullptr,
            "A new personalised set of tasks for the signed-in student", "", "", 201 },
        { Method::Post, "/api/task-responses", Action::PracticeAnswer, handle_answer_task, nullptr,
            "Answer a task: graded again on the server, mastery updated (idempotent by client id)", "", "", 201 },
        { Method::Get, "/api/mastery", Action::MasteryRead, handle_student_mastery, nullptr,
            "A student's mastery per target with history and weak spots", "", "", 200,
            { { "student_id", id_schema(), "Whose mastery (staff and parents)" },
                { "history_limit", integer_schema(), "Answers of history to return (1-500)" },
                { "history_offset", integer_schema(), "Answers of history to skip" } } },
        { Method::Get, "/api/practice/stats", Action::PracticeStatsRead, handle_practice_stats, nullptr,
            "Answers received and client/server grade disagreements", "", "", 200 },
        { Method::Get, "/api/classes/{id}/mastery", Action::ClassMasteryRead, handle_class_mastery, nullptr,
            "A class's mastery heatmap and who needs help", "", "", 200,
            { page_limit_param(), page_offset_param() } },
    };
    return api;
}

} // namespace learnloop::server
