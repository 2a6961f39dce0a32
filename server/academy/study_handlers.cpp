// Skills, weak spots, study plans and the parent's summary (study_handlers.hpp).
#include "academy/study_handlers.hpp"

#include "academy/progress.hpp"
#include "academy/study.hpp"
#include "access/access.hpp"
#include "audit/audit_log.hpp"
#include "tutoring/tutoring_requests.hpp"
#include "tracker/due_status.hpp"
#include "tutoring/zone.hpp"

namespace learnloop::server {

namespace {

const char* k_student_not_found = "Student not found";

// The student a request names (?student_id=; a student may leave it out for
// themself) within the caller's reach for `action`, with their name.
struct Student {
    std::int64_t id = 0;
    std::string name;
};
Result<Student> student_of(const httplib::Request& req, pqxx::work& txn, const Caller& caller, Action action)
{
    const auto id = TRY(requested_student(req, txn, caller, action));
    auto rows = exec_named(txn, "access/person", id);
    if (rows.empty())
        return make_error(ErrorCode::NotFound, k_student_not_found);
    return Student { id, rows[0]["name"].as<std::string>() };
}

// The student's graded quiz answers, as the study plan and the points read them.
struct Answers {
    std::vector<SkillAnswer> skills;
    std::vector<ProgressAnswer> progress;
};
Answers answers_of(pqxx::transaction_base& txn, std::int64_t student)
{
    Answers answers;
    for (const auto& row : exec_named(txn, "academy/skill_answers", student)) {
        const auto score = row["score"].as<double>();
        const auto hints = row["hints_used"].as<int>();
        const auto at = row["answered_unix"].as<std::int64_t>();
        answers.skills.push_back(
            { row["skill"].as<std::string>(), row["category"].as<std::string>(), score, hints, at });
        answers.progress.push_back({ row["code"].as<std::string>(), score, hints, at });
    }
    return answers;
}

Json progress_json(const StudyProgress& p)
{
    Json badges = Json::array();
    for (const auto& b : p.badges)
        badges.push_back({ { "key", b.key }, { "name", b.name }, { "description", b.description },
            { "earned", b.earned }, { "progress", b.progress } });
    return { { "xp", p.xp }, { "xp_this_week", p.xp_this_week }, { "streak", p.streak },
        { "streak_text", streak_for_people(p.streak) }, { "longest_streak", p.longest_streak },
        { "studied_today", p.studied_today }, { "freeze_used_this_week", p.freeze_used_this_week },
        { "badges", badges } };
}

std::optional<StudyGoal> study_goal(pqxx::transaction_base& txn, std::int64_t student)
{
    auto rows = exec_named(txn, "academy/study_goal", student);
    if (rows.empty())
        return std::nullopt;
    return StudyGoal { rows[0]["exam_day"].as<std::string>(), rows[0]["minutes_per_day"].as<int>() };
}

Json goal_json(const std::optional<StudyGoal>& goal)
{
    if (!goal)
        return nullptr;
    return { { "exam_day", goal->exam_day }, { "minutes_per_day", goal->minutes_per_day } };
}

// The tenant's today, in its zone.
Result<std::string> today_of(const Caller& caller)
{
    auto zone = TRY(tenant_zone(caller));
    return local_day_text(to_local(unix_now(), *zone));
}

} // namespace

// GET /api/academy/study?student_id=: the student's skills (estimate,
// level, whether weak), weak spots, goal and study plan.
Result<ApiResponse> handle_study(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto student = TRY(student_of(req, txn, caller, Action::MasteryRead));
    // One zone and one clock for the plan's today and the streak's.
    const auto zone = TRY(tenant_zone(caller));
    const auto now = unix_now();
    const auto today = local_day_text(to_local(now, *zone));
    const BktParams params;
    const auto answers = answers_of(txn, student.id);
    const auto skills = estimate_skills(answers.skills, params, now - 7 * 86400);
    const auto goal = study_goal(txn, student.id);
    const auto weak = study_weak_spots(skills);

    Json skill_list = Json::array();
    for (const auto& s : skills) {
        const bool is_weak = std::any_of(weak.begin(), weak.end(), [&](const auto& w) { return w.skill == s.skill; });
        skill_list.push_back({ { "skill", s.skill }, { "name", skill_for_people(s.skill) },
            { "topic", topic_for_people(s.category) }, { "known", s.known }, { "known_week_ago", s.known_before },
            { "attempts", s.attempts }, { "level", mastery_level_name(s.level()) },
            { "level_label", mastery_level_for_people(s.level()) }, { "weak", is_weak } });
    }
    Json weak_list = Json::array();
    for (const auto& w : weak)
        weak_list.push_back({ { "skill", w.skill }, { "name", skill_for_people(w.skill) } });
    const auto plan = plan_study(skills, today, goal, params);
    std::vector<ProgressQuiz> handed_in;
    for (const auto& row : exec_named(txn, "academy/handed_in_attempts", student.id))
        handed_in.push_back({ row["quiz_id"].as<std::int64_t>(), row["share"].as<double>(),
            row["submitted_unix"].as<std::int64_t>() });
    const auto proficient = std::count_if(skills.begin(), skills.end(),
        [](const SkillEstimate& s) { return s.known >= level_threshold(MasteryLevel::Proficient); });
    const auto progress = study_progress(answers.progress, std::move(handed_in), static_cast<int>(proficient), *zone, now);
    Json days = Json::array();
    for (const auto& day : plan.days) {
        Json items = Json::array();
        int questions = 0;
        for (const auto& item : day.items) {
            questions += item.questions;
            items.push_back({ { "skill", item.skill }, { "name", skill_for_people(item.skill) },
                { "questions", item.questions }, { "review", item.review } });
        }
        days.push_back({ { "day", day.day }, { "minutes", questions * k_minutes_per_question },
            { "label", study_day_for_people(day) }, { "items", items } });
    }
    return json_response(200, { { "student_id", student.id }, { "name", student.name }, { "today", today },
                                  { "goal", goal_json(goal) }, { "skills", skill_list }, { "weak_spots", weak_list },
                                  { "plan", { { "summary", plan.summary }, { "fits", plan.fits }, { "days", days } } },
                                  { "progress", progress_json(progress) } });
}

// PUT /api/academy/study/goal?student_id= {exam_day, minutes_per_day}.
Result<ApiResponse> handle_set_study_goal(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto body = TRY(parse_json_body(req));
    const auto today = TRY(today_of(caller));
    auto goal = TRY(read_study_goal(body, today));
    auto student = TRY(student_of(req, txn, caller, Action::StudyGoalSet));
    const auto before = study_goal(txn, student.id);
    exec_named(txn, "academy/save_study_goal", caller.tenant_id, student.id, goal.exam_day, goal.minutes_per_day,
        caller.user_id);
    append_audit(txn, { caller.tenant_id, caller.actor(), "study.goal", "user", std::to_string(student.id),
                          goal_json(before), goal_json(goal) });
    return json_response(200, { { "message", "Exam day saved" }, { "goal", goal_json(goal) } });
}

// GET /api/academy/summary?student_id=: what a parent reads about a child.
Result<ApiResponse> handle_study_summary(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto student = TRY(student_of(req, txn, caller, Action::MasteryRead));
    const auto today = TRY(today_of(caller));
    const auto now = unix_now();
    auto summary = summary_for_parents(student.name, answers_of(txn, student.id).skills, study_goal(txn, student.id),
        today, now, BktParams {});
    // The course work due around now, each with the student's due status
    // (tracker/due_status: the same rule their own list follows).
    Json due = Json::array();
    for (const auto& row : exec_named(txn, "academy/course_work_due", student.id, caller.time_zone)) {
        const auto status = due_status(now, row["due_unix"].as<std::int64_t>(), row["submitted"].as<bool>(),
            row["graded"].as<bool>());
        due.push_back({ { "assignment_id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
            { "course_title", row["course_title"].as<std::string>() }, { "due_date", row["due_date"].as<std::string>() },
            { "status", due_status_name(status) } });
    }
    return json_response(200, { { "student_id", student.id }, { "name", student.name }, { "week", summary.week },
                                  { "needs_work", summary.needs_work }, { "upcoming", summary.upcoming },
                                  { "due", due } });
}

} // namespace learnloop::server
