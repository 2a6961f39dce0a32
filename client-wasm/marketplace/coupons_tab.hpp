// Coupons for the office and instructors of a marketplace: a paged list of
// the coupons they made (what each takes off, for which courses, how often
// it was used, until when, and where it stands), a form to make one (the
// office for any course or every course, an instructor for chosen courses of
// their own), changing one's last day and usage limit, and ending one after
// a confirmation. The form's rules are
// shared-domain marketplace/pricing's read_coupon_request, so the browser
// refuses what the server would.
#pragma once

#include "app.hpp"
#include "ui/paged_list.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace learnloop::client {

struct CouponsTabState {
    ui::PagedList coupons;          // GET /api/marketplace/coupons
    bool making = false;            // the form is open
    char code[33] = "";
    int kind = 0;                   // 0 a percentage, 1 an amount
    char percent[4] = "";
    char amount[16] = "";
    char currency[4] = "";
    char last_day[11] = "";         // YYYY-MM-DD, or empty for never
    char usage_limit[8] = "";       // empty for any number
    int every_course = 1;           // the office: 1 every course, 0 chosen ones
    std::set<std::int64_t> chosen;  // the chosen courses
    Remote courses;                 // GET /api/marketplace/coupons/courses: what may be chosen
    std::vector<Error> errors;      // the form's, by field
    Outcome make;
    // Changing one: its last day and how often it may be used.
    std::int64_t changing = 0;      // the coupon being changed; 0: none
    std::string changing_code;
    std::int64_t changing_used = 0; // its uses so far: the least a limit may be
    char change_last_day[11] = "";  // YYYY-MM-DD, or empty for none
    char change_limit[8] = "";      // empty for any number
    std::vector<Error> change_errors;
    Outcome change;
    std::int64_t ending = 0;        // the coupon a confirmation is open for
    bool ask_end = false;           // open the confirmation next frame
    std::string ending_code;
    Outcome end;
};

void draw_coupons_tab(AppState& state, CouponsTabState& tab);
[[nodiscard]] Json coupons_tab_summary(const CouponsTabState& tab);

} // namespace learnloop::client
