// The academy area's routes: the exam bank, courses, quizzes and attempts.
#include "academy/routes.hpp"

#include "academy/bank_handlers.hpp"
#include "academy/course_handlers.hpp"
#include "academy/quiz_handlers.hpp"
#include "academy/study_handlers.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

AreaApi academy_api()
{
    AreaApi api { "academy",
        "A test-prep academy: the exam bank, courses with their students, and quizzes drawn from the bank",
        {}, Json::object() };
    auto& s = api.schemas;
    const auto kind = enum_schema(
        { "single_choice", "multiple_select", "numeric", "short_text", "true_false", "quant_comparison" });
    const auto summary = object_schema(
        {
            { "id", id_schema() },
            { "code", string_schema("The question's id in its bank (a GIFT [id:...])") },
            { "version", integer_schema("1, then one more for each change of its content") },
            { "shared", boolean_schema("The platform's shared bank, else the academy's own") },
            { "kind", kind },
            { "kind_label", string_schema("The kind in words: \"Quantitative comparison\"") },
            { "skill", string_schema("Empty when the question has no skill tag") },
            { "difficulty", integer_schema("1 (easy) to 5") },
            { "category", string_schema() },
            { "text", string_schema("The question, plain text with new lines") },
        },
        { "id", "code", "version", "shared", "kind", "kind_label", "skill", "difficulty", "category", "text" });
    s["BankQuestionSummary"] = summary;
    s["BankQuestionList"] = array_of(schema_ref("BankQuestionSummary"));
    // One question: the summary's fields and its answers, hints and explanation.
    auto detail = summary;
    const Json more = object_schema(
        {
            { "current", boolean_schema("Not replaced by a later version") },
            { "versions", integer_schema("How many versions its code has") },
            { "tags", array_of(string_schema()) },
            { "hints", array_of(string_schema("The tutor's ladder: a nudge, a strategy, a step of a similar problem")) },
            { "explanation", string_schema() },
            { "choices", array_of(object_schema({ { "text", string_schema() },
                                                    { "weight", number_schema("Percent of the mark, -100 to 100") },
                                                    { "feedback", string_schema() } },
                             { "text", "weight", "feedback" })) },
            { "numeric", array_of(object_schema({ { "value", number_schema() }, { "tolerance", number_schema() },
                                                    { "weight", number_schema() } },
                             { "value", "tolerance", "weight" })) },
            { "truth", boolean_schema("True or false questions: the right answer") },
        },
        { "current", "versions", "tags", "hints", "explanation", "choices", "numeric" });
    detail["properties"].update(more["properties"]);
    for (const auto& name : more["required"])
        detail["required"].push_back(name);
    s["BankQuestion"] = std::move(detail);

    s["BankTopics"] = array_of(object_schema(
        { { "topic", string_schema("\"exam-bank/quant\" takes the questions of every category under it") },
            { "questions", integer_schema() } },
        { "topic", "questions" }));
    s["Regrade"] = message_schema({ { "checked", integer_schema("Answers to earlier versions found") },
        { "regraded", integer_schema("Carried to this version and re-scored") },
        { "unanswered_moved", integer_schema("Questions not yet answered, now asking this version") },
        { "skipped", integer_schema("Left as they were: the option picked is gone, or the kind changed") },
        { "changed", array_of(object_schema({ { "attempt_id", id_schema() }, { "student_name", string_schema() },
                                                { "quiz_title", string_schema() }, { "question_number", integer_schema() },
                                                { "before", number_schema() }, { "after", number_schema() } },
                         { "attempt_id", "student_name", "quiz_title", "question_number", "before", "after" })) } });
    s["Course"] = object_schema(
        { { "id", id_schema() }, { "title", string_schema() }, { "description", string_schema() },
            { "status", enum_schema({ "draft", "active", "archived" }) }, { "instructor_id", id_schema() },
            { "instructor_name", string_schema() }, { "students", integer_schema("Enrolled") },
            { "quizzes", integer_schema() }, { "leaderboard", boolean_schema("Students see the course's leaderboard") },
            { "join_code", nullable(string_schema("For its instructor and administrators only: \"KQ7M-X2PA\", or "
                                                  "null while joining by code is off")) } },
        { "id", "title", "description", "status", "instructor_id", "instructor_name", "students", "quizzes" });
    s["Leaderboard"] = object_schema(
        { { "course_id", id_schema() }, { "title", string_schema() }, { "enabled", boolean_schema() },
            { "rows", array_of(object_schema({ { "rank", integer_schema() }, { "name", string_schema() },
                                                   { "xp", integer_schema() }, { "xp_this_week", integer_schema() },
                                                   { "you", boolean_schema() }, { "student_id", id_schema() } },
                          { "rank", "name", "xp", "xp_this_week", "you" })) } },
        { "course_id", "title", "enabled", "rows" });
    s["LeaderboardSwitch"] = request_schema({ { "enabled", boolean_schema() } }, { "enabled" });
    s["LeaderboardSet"] = message_schema({ { "enabled", boolean_schema() } });
    s["CourseList"] = array_of(schema_ref("Course"));
    s["NewCourse"] = request_schema({ { "title", string_schema("1 to 200 characters") },
                                        { "description", string_schema("Up to 4,000 characters, lines allowed") },
                                        { "instructor_id", id_schema() } },
        { "title" });
    s["CourseCreated"] = message_schema({ { "id", id_schema() } });
    s["CourseStudents"] = array_of(object_schema(
        { { "id", id_schema() }, { "name", string_schema() }, { "enrolled_at", utc_timestamp_schema() },
            { "handed_in", integer_schema("Hand-ins of the course's quizzes") },
            { "last_active", nullable(utc_timestamp_schema()) } },
        { "id", "name", "enrolled_at", "handed_in", "last_active" }));
    s["JoinCode"] = message_schema(
        { { "join_code", nullable(string_schema("Eight letters and digits shown in two halves: \"KQ7M-X2PA\"")) } });
    s["Join"] = request_schema({ { "code", string_schema("As typed: any case, spaces and dashes allowed") } }, { "code" });
    s["Joined"] = message_schema({ { "course_id", id_schema() }, { "title", string_schema() } });
    s["EnrolCandidates"] = array_of(object_schema({ { "id", id_schema() }, { "name", string_schema() } }, { "id", "name" }));
    s["Enrolment"] = request_schema({ { "student_ids", array_of(id_schema()) } }, { "student_ids" });
    s["Enrolled"] = message_schema({ { "enrolled", array_of(id_schema()) } });
    s["CourseDone"] = message_schema();
    s["DeletedCourseList"] = array_of(object_schema({ { "id", id_schema() }, { "title", string_schema() },
                                                        { "instructor_name", string_schema() },
                                                        { "deleted_at", utc_timestamp_schema() } },
        { "id", "title", "instructor_name", "deleted_at" }));

    const auto mode = enum_schema({ "practice", "exam" });
    s["CourseQuizzes"] = object_schema(
        { { "course_id", id_schema() }, { "course_title", string_schema() },
            { "quizzes", array_of(object_schema(
                             { { "id", id_schema() }, { "title", string_schema() }, { "mode", mode },
                                 { "mode_label", string_schema() }, { "question_count", integer_schema() },
                                 { "time_limit_minutes", integer_schema("0: none") },
                                 { "attempts_allowed", integer_schema("0: any number") },
                                 { "tutor", boolean_schema() },
                                 { "hints_given", integer_schema("Staff: the tutor's hints in all attempts") },
                                 { "attempts_used", integer_schema("Students: their own") },
                                 { "best_score", nullable(string_schema("Students: \"14 of 20 (70%)\"")) },
                                 { "open_attempt_id", nullable(id_schema()) },
                                 { "may_start", boolean_schema() },
                                 { "submitted_attempts", integer_schema("Staff: everyone's") },
                                 { "average_score", nullable(string_schema()) } },
                             { "id", "title", "mode", "mode_label", "question_count", "time_limit_minutes",
                                 "attempts_allowed" })) } },
        { "course_id", "course_title", "quizzes" });
    s["NewQuiz"] = request_schema(
        { { "title", string_schema() }, { "mode", mode },
            { "fixed", array_of(string_schema("A bank question's code")) },
            { "draws", array_of(object_schema({ { "topic", string_schema("A bank category and those under it; empty: any") },
                                                  { "skill", string_schema("Empty: any") },
                                                  { "min_difficulty", integer_schema() },
                                                  { "max_difficulty", integer_schema() },
                                                  { "count", integer_schema() } },
                           { "count" })) },
            { "shuffle", boolean_schema() }, { "tutor", boolean_schema("Practice only: the tutor's hints, never the answer") },
            { "time_limit_minutes", integer_schema("0 to 600; 0: none") },
            { "attempts_allowed", integer_schema("0 to 100; 0: any number") } },
        { "title", "mode" });
    s["QuizCreated"] = message_schema({ { "id", id_schema() }, { "question_count", integer_schema() } });
    s["Attempt"] = object_schema(
        { { "id", id_schema() }, { "quiz_id", id_schema() }, { "quiz_title", string_schema() },
            { "course_id", id_schema() }, { "course_title", string_schema() }, { "mode", mode },
            { "number", integer_schema("The student's first, second, ... attempt") },
            { "time_limit_minutes", integer_schema() }, { "tutor", boolean_schema() }, { "submitted", boolean_schema() },
            { "seconds_left", nullable(integer_schema("Until the time limit; null: none, or handed in")) },
            { "score", number_schema() }, { "score_text", string_schema("\"12.5 of 20 (63%)\"") },
            { "answered", integer_schema() }, { "correct", integer_schema() },
            { "questions", array_of(object_schema(
                               { { "number", integer_schema() },
                                   { "task", any_object() },
                                   { "answered", boolean_schema() }, { "answer", any_object() },
                                   { "hints_used", integer_schema() },
                                   { "verdict", enum_schema({ "correct", "partial", "incorrect", "unanswered" }) },
                                   { "score", number_schema() }, { "feedback", string_schema() },
                                   { "explanation", string_schema() },
                                   { "answer_text", string_schema("The right answer in words, once it may be seen") } },
                               { "number", "task", "answered" })) } },
        { "id", "quiz_id", "quiz_title", "course_id", "course_title", "mode", "number", "time_limit_minutes",
            "submitted", "seconds_left", "questions" });
    s["QuizResults"] = object_schema(
        { { "quiz_id", id_schema() }, { "title", string_schema() }, { "question_count", integer_schema() },
            { "attempts", integer_schema("Handed in") },
            { "questions", array_of(object_schema(
                               { { "code", string_schema() }, { "text", string_schema() }, { "asked", integer_schema() },
                                   { "average", number_schema("0 to 1: the share of the mark students got") },
                                   { "discrimination", nullable(number_schema("-1 to 1; null under 5 attempts")) },
                                   { "hints_given", integer_schema() },
                                   { "flag", string_schema("What to check, in words; empty when nothing") } },
                               { "code", "text", "asked", "average", "discrimination", "hints_given", "flag" })) },
            { "students", array_of(object_schema(
                              { { "student_id", id_schema() }, { "name", string_schema() },
                                  { "attempts", integer_schema() }, { "best_score", string_schema() },
                                  { "best", number_schema() }, { "last_handed_in", string_schema() } },
                              { "student_id", "name", "attempts", "best_score", "best", "last_handed_in" })) } },
        { "quiz_id", "title", "question_count", "attempts", "questions", "students" });
    s["TutorAsk"] = request_schema({ { "message", string_schema("1 to 500 characters") } }, { "message" });
    s["TutorReply"] = object_schema({ { "reply", string_schema() },
                                        { "hint", boolean_schema("A new hint was given") },
                                        { "hints_used", integer_schema("On this question so far") } },
        { "reply", "hint", "hints_used" });
    s["QuizAnswer"] = request_schema({ { "answer", any_object() },
                                         { "client_verdict", enum_schema({ "correct", "partial", "incorrect" }) } },
        { "answer" });
    s["QuizAnswerResult"] = message_schema({ { "number", integer_schema() },
        { "verdict", enum_schema({ "correct", "partial", "incorrect" }) }, { "score", number_schema() },
        { "feedback", string_schema() }, { "explanation", string_schema() }, { "hints_used", integer_schema() },
        { "answer_text", string_schema("The right answer in words") },
        { "disagreement", boolean_schema("The browser graded it otherwise; the server's grade counts") } });

    // Study plans: made from the student's quiz answers on every read.
    const auto goal = object_schema({ { "exam_day", string_schema("YYYY-MM-DD, the academy's calendar") },
                                        { "minutes_per_day", integer_schema("10 to 300") } },
        { "exam_day", "minutes_per_day" });
    s["StudyGoal"] = request_schema({ { "exam_day", string_schema("YYYY-MM-DD: today or later, within two years") },
                                        { "minutes_per_day", integer_schema("Whole minutes, 10 to 300") } },
        { "exam_day", "minutes_per_day" });
    s["StudyGoalSaved"] = message_schema({ { "goal", goal } });
    s["Study"] = object_schema(
        { { "student_id", id_schema() }, { "name", string_schema() },
            { "today", string_schema("The academy's day, YYYY-MM-DD") }, { "goal", nullable(goal) },
            { "skills", array_of(object_schema(
                            { { "skill", string_schema() }, { "name", string_schema("The skill in words") },
                                { "topic", string_schema("Its bank category in words") },
                                { "known", number_schema("The mastery engine's estimate, 0 to 1") },
                                { "known_week_ago", number_schema() }, { "attempts", integer_schema() },
                                { "level", enum_schema({ "not_started", "attempted", "familiar", "proficient",
                                               "mastered" }) },
                                { "level_label", string_schema() },
                                { "weak", boolean_schema("Answered three times or more, still below familiar") } },
                            { "skill", "name", "topic", "known", "attempts", "level", "level_label", "weak" })) },
            { "weak_spots", array_of(object_schema({ { "skill", string_schema() }, { "name", string_schema() } },
                                { "skill", "name" })) },
            { "plan", object_schema(
                          { { "summary", string_schema("The plan in words") },
                              { "fits", boolean_schema("Every weak skill reaches proficient in time") },
                              { "days", array_of(object_schema(
                                            { { "day", string_schema() }, { "label", string_schema() },
                                                { "minutes", integer_schema() },
                                                { "items", array_of(object_schema(
                                                               { { "skill", string_schema() },
                                                                   { "name", string_schema() },
                                                                   { "questions", integer_schema() },
                                                                   { "review", boolean_schema() } },
                                                               { "skill", "name", "questions", "review" })) } },
                                            { "day", "label", "minutes", "items" })) } },
                          { "summary", "fits", "days" }) } },
        { "student_id", "name", "today", "goal", "skills", "weak_spots", "plan", "progress" });
    s["Study"]["properties"]["progress"] = object_schema(
        { { "xp", integer_schema("10 a question's first right answer (less after hints), 20 a quiz's first hand-in, "
                                 "30 its first perfect one") },
            { "xp_this_week", integer_schema() }, { "streak", integer_schema("Days in a row, on the academy's calendar") },
            { "streak_text", string_schema() }, { "longest_streak", integer_schema() },
            { "studied_today", boolean_schema() },
            { "freeze_used_this_week", boolean_schema("This week's missed day was bridged") },
            { "badges", array_of(object_schema({ { "key", string_schema() }, { "name", string_schema() },
                                                   { "description", string_schema() }, { "earned", boolean_schema() },
                                                   { "progress", string_schema("How far along, when not earned") } },
                            { "key", "name", "description", "earned", "progress" })) } },
        { "xp", "xp_this_week", "streak", "streak_text", "longest_streak", "studied_today", "freeze_used_this_week",
            "badges" });
    s["StudySummary"] = object_schema(
        { { "student_id", id_schema() }, { "name", string_schema() },
            { "week", string_schema("What was studied and what improved this week") },
            { "needs_work", array_of(string_schema("A weak skill in words")) },
            { "upcoming", string_schema("The exam day and the plan's next day") },
            { "due", array_of(object_schema(
                         { { "assignment_id", id_schema() }, { "title", string_schema() },
                             { "course_title", string_schema() },
                             { "due_date", string_schema("YYYY-MM-DDTHH:MM:SS on the academy's clock") },
                             { "status", enum_schema({ "upcoming", "due_soon", "overdue", "submitted", "graded" }) } },
                         { "assignment_id", "title", "course_title", "due_date", "status" })) } },
        { "student_id", "name", "week", "needs_work", "upcoming", "due" });

    api.routes = {
        { Method::Get, "/api/academy/bank", Action::BankRead, handle_search_bank, nullptr,
            "The current questions the academy can draw on, the shared bank's and its own, in category order (paged)", "",
            "BankQuestionList", 200,
            { page_limit_param(), page_offset_param(), { "skill", string_schema(), "Only this skill" },
                { "difficulty", integer_schema(), "Only this difficulty, 1 to 5" },
                { "kind", kind, "Only this kind" },
                { "q", string_schema(), "Only questions containing these words (any case)" } } },
        { Method::Get, "/api/academy/bank/topics", Action::BankRead, handle_bank_topics, nullptr,
            "The topics a quiz can draw from: each category of the bank and those above it, with how many questions",
            "", "BankTopics", 200 },
        { Method::Get, "/api/academy/bank/{id}", Action::BankRead, handle_bank_question, nullptr,
            "One question, any version, with its answers, hints and explanation", "", "BankQuestion", 200 },
        { Method::Post, "/api/academy/bank/{id}/regrade", Action::QuizManage, handle_regrade_question, nullptr,
            "Re-scores the answers given to earlier versions of a question with this, its newest version (in the "
            "courses the caller runs), and says whose changed",
            "", "Regrade", 200 },
        { Method::Get, "/api/academy/courses", Action::CourseRead, handle_list_courses, nullptr,
            "The live courses the caller reaches: all (administrators, moderators), taught or enrolled in (paged)", "",
            "CourseList", 200, { page_limit_param(), page_offset_param() } },
        { Method::Post, "/api/academy/courses", Action::CourseManage, handle_create_course, nullptr,
            "A new course, taught by its instructor (administrators name the instructor)", "NewCourse", "CourseCreated", 201 },
        { Method::Get, "/api/academy/courses/deleted", Action::DeletedRestore, handle_deleted_courses, nullptr,
            "The recently deleted courses, the latest first (paged)", "", "DeletedCourseList", 200,
            { page_limit_param(), page_offset_param() } },
        { Method::Delete, "/api/academy/courses/{id}", Action::CourseManage, handle_delete_course, nullptr,
            "Deletes a course softly: an administrator can restore it", "", "CourseDone", 200 },
        { Method::Post, "/api/academy/courses/{id}/restore", Action::DeletedRestore, handle_restore_course, nullptr,
            "Brings a deleted course back with its students, quizzes and attempts", "", "CourseDone", 200 },
        { Method::Get, "/api/academy/courses/{id}/students", Action::CourseManage, handle_course_students, nullptr,
            "The course's students, by name, with their hand-ins and when they were last active", "", "CourseStudents", 200 },
        { Method::Post, "/api/academy/courses/{id}/students", Action::CourseManage, handle_enrol_students, nullptr,
            "Enrols the academy's students (those already enrolled stay as they are)", "Enrolment", "Enrolled", 200 },
        { Method::Delete, "/api/academy/courses/{id}/students/{student_id}", Action::CourseManage,
            handle_unenrol_student, nullptr,
            "Takes a student out of the course; their attempts and results stay", "", "CourseDone", 200 },
        { Method::Put, "/api/academy/courses/{id}/join-code", Action::CourseManage, handle_new_join_code, nullptr,
            "A new join code for the course (an older one stops working)", "", "JoinCode", 200 },
        { Method::Delete, "/api/academy/courses/{id}/join-code", Action::CourseManage, handle_remove_join_code, nullptr,
            "Turns joining the course with a code off", "", "JoinCode", 200 },
        { Method::Post, "/api/academy/join", Action::CourseJoin, handle_join_course, nullptr,
            "Enrols the student in the course of their academy with this join code", "Join", "Joined", 200 },
        { Method::Get, "/api/academy/courses/{id}/candidates", Action::CourseManage, handle_enrol_candidates, nullptr,
            "A page of the academy's students not enrolled in the course, by name (paged)", "", "EnrolCandidates", 200,
            { page_limit_param(), page_offset_param(), { "q", string_schema(), "Only names holding this (any case)" } } },
        { Method::Get, "/api/academy/courses/{id}/leaderboard", Action::CourseRead, handle_course_leaderboard, nullptr,
            "The course's students by the XP earned in its quizzes: students read the top ten and their own row "
            "(short names; none while it is off), staff every row",
            "", "Leaderboard", 200 },
        { Method::Put, "/api/academy/courses/{id}/leaderboard", Action::CourseManage, handle_set_course_leaderboard,
            nullptr, "Turns the course's leaderboard on or off for its students", "LeaderboardSwitch", "LeaderboardSet",
            200 },
        { Method::Get, "/api/academy/courses/{id}/quizzes", Action::CourseRead, handle_course_quizzes, nullptr,
            "The course's quizzes, with a student's own attempts or, for staff, how the course did", "",
            "CourseQuizzes", 200 },
        { Method::Post, "/api/academy/courses/{id}/quizzes", Action::QuizManage, handle_create_quiz, nullptr,
            "A quiz of fixed bank questions and draws by skill and difficulty; refused when the bank cannot fill it",
            "NewQuiz", "QuizCreated", 201 },
        { Method::Get, "/api/academy/quizzes/{id}/results", Action::QuizManage, handle_quiz_results, nullptr,
            "How a quiz went: each question's average and discrimination with what to check, each student's best",
            "", "QuizResults", 200 },
        { Method::Post, "/api/academy/quizzes/{id}/attempts", Action::QuizTake, handle_start_attempt, nullptr,
            "Starts an attempt (201), or returns the one still open (200); practice attempts carry the key, exam "
            "attempts none",
            "", "Attempt", 201 },
        { Method::Get, "/api/academy/attempts/{id}", Action::QuizTake, handle_attempt, nullptr,
            "One's own attempt: the key and grades once they may be seen", "", "Attempt", 200 },
        { Method::Put, "/api/academy/attempts/{id}/answers/{number}", Action::QuizTake, handle_answer_question, nullptr,
            "Answers question {number} (from 1): practice grades it at once, an exam keeps it until handed in",
            "QuizAnswer", "QuizAnswerResult", 200 },
        { Method::Post, "/api/academy/attempts/{id}/questions/{number}/help", Action::QuizTake, handle_tutor_help,
            nullptr,
            "Asks the tutor about question {number} of a practice quiz with the tutor: the next hint or a refusal, "
            "never the answer; each hint lowers the credit of the answer that follows",
            "TutorAsk", "TutorReply", 200 },
        { Method::Post, "/api/academy/attempts/{id}/submit", Action::QuizTake, handle_submit_attempt, nullptr,
            "Hands the attempt in and returns it graded, with the key and explanations", "", "Attempt", 200 },
        { Method::Get, "/api/academy/study", Action::MasteryRead, handle_study, nullptr,
            "A student's skills from their quiz answers (the mastery engine's estimates), weak spots, exam goal and "
            "study plan, made afresh on every read",
            "", "Study", 200, { { "student_id", id_schema(), "The student (a student may leave it out for themself)" } } },
        { Method::Put, "/api/academy/study/goal", Action::StudyGoalSet, handle_set_study_goal, nullptr,
            "Sets a student's exam day and minutes a day; the plan follows", "StudyGoal", "StudyGoalSaved", 200,
            { { "student_id", id_schema(), "The student (a student may leave it out for themself)" } } },
        { Method::Get, "/api/academy/summary", Action::MasteryRead, handle_study_summary, nullptr,
            "What a parent reads about a child: the week's quiz questions, the biggest step forward, what needs work "
            "and what is coming; never answers or tutor conversations",
            "", "StudySummary", 200, { { "student_id", id_schema(), "The student (a student may leave it out for themself)" } } },
    };
    return api;
}

} // namespace learnloop::server
