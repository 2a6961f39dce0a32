// The demo academy's assignments (part of `learnloop seed demo`): two per
// course, each out of points and marked with a rubric. The older one is due
// and marked for most of the course (levels by each student's ability, a few
// marks adjusted with a reason, feedback in words); the newer one is due in
// the coming days with some work handed in and none marked, so an
// instructor has marking to do and the student login work to hand in.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <vector>

namespace learnloop::server {

struct CourseWorkCounts {
    int assignments = 0, submissions = 0, marked = 0;
};

// `course` is the course's place in the demo (0 to 2); `members` its
// students' ids and `ability` theirs (0 to 1); the student login has handed
// in (and been marked on) the older piece of work, not the newer; `today`
// is midnight UTC of the demo's day.
CourseWorkCounts seed_course_work(pqxx::work& txn, std::int64_t tenant_id, std::size_t course, std::int64_t course_id,
    std::int64_t instructor, const std::vector<std::int64_t>& members, const std::vector<double>& ability,
    std::int64_t student_login, std::int64_t today, std::uint64_t seed);

} // namespace learnloop::server
