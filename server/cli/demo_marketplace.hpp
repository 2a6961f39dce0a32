// The demo marketplace (`learnloop seed demo`, after the academy): Lumen
// Courses, a London course marketplace whose catalog is course-catalog/ (six
// instructors, their categories and twenty-five published courses with
// modules and lessons), with learners enrolled over the months since each
// course was published, their reviews, orders and refunds, the instructors'
// monthly payouts, and the certificates of those who finished.
#pragma once

#include "cli/demo_school.hpp"
#include "cli/demo_tutoring.hpp"
#include "core/result.hpp"

#include <pqxx/pqxx>

#include <span>
#include <string>

namespace learnloop::server {

struct MarketplaceDemoReport {
    int instructors = 0;
    int learners = 0;
    int categories = 0;
    int courses = 0, lessons = 0;          // added by this run
    int enrolments = 0, reviews = 0;       // added by this run
    int progress_marks = 0;                // lessons opened or done, added by this run
    int orders = 0, refunds = 0;           // paid courses bought (and given back), added by this run
    int payouts = 0;                       // monthly payouts to instructors, added by this run
    int certificates = 0;                  // earned by finishing a course (one revoked), added by this run
    int coupons = 0;                       // the office's and an instructor's, added by this run
};

// Creates whatever of the demo marketplace is missing, in one transaction;
// running it again changes nothing. Minimal: the logins (admin, moderator,
// instructor, student) and the catalog (`seed demo --minimal` does not call
// it: the API tests load what they need). Full: every learner, enrolments
// and reviews too. Every course, category and price is read with the same
// shared-domain rules an instructor's edits will meet; a file that breaks
// one is an error naming the file. Users are audited as user.create, the
// catalog as one demo.marketplace_catalog row.
[[nodiscard]] Result<MarketplaceDemoReport> seed_demo_marketplace(pqxx::connection& connection,
    const DemoOptions& options, const std::string& catalog_dir);

[[nodiscard]] std::string default_course_catalog_dir();
[[nodiscard]] std::span<const DemoLoginLine> marketplace_demo_logins();

} // namespace learnloop::server
