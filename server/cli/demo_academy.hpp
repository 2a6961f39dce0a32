// The demo academy (`learnloop seed demo`, after the tutoring business):
// Summit Test Prep, a GRE-style test-prep academy in New York with its
// logins, two instructors, forty students (some with a parent linked) and a
// few questions of its own beside the shared exam bank. Courses, quizzes
// and their history join it as the academy's screens arrive.
#pragma once

#include "cli/demo_school.hpp"
#include "cli/demo_tutoring.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <span>

namespace learnloop::server {

struct AcademyDemoReport {
    int instructors = 0;
    int students = 0;
    int parents = 0;
    int own_questions = 0;   // in the academy's own bank
    int courses = 0, quizzes = 0, attempts = 0;   // added by this run (the full demo, once)
    int assignments = 0, marked = 0;               // course work marked with rubrics, and the work marked
};

// Creates whatever of the demo academy is missing, in one transaction;
// running it again changes nothing. Minimal: the logins (admin, moderator,
// instructor, student, parent). Full: both instructors and all forty
// students, three courses with their quizzes and six weeks of attempts
// (the student login has quizzes left to try), and two rubric-marked
// assignments a course (server/cli/demo_course_work). Users are audited as
// user.create, the bank as bank.import, the courses' history as one
// demo.academy_history row.
[[nodiscard]] Result<AcademyDemoReport> seed_demo_academy(pqxx::connection& connection, const DemoOptions& options);

[[nodiscard]] std::span<const DemoLoginLine> academy_demo_logins();

} // namespace learnloop::server
