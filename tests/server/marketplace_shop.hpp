// A small course marketplace for the marketplace's API tests: the fixture's
// school turned into one, with its fees, a paid course with a lesson, a free
// course and a subscription, all taught by the fixture's teacher.
#pragma once

#include "api_client.hpp"

#include <cstdint>

namespace learnloop::test {

struct Shop {
    std::int64_t paid = 0;      // £49.00, one-time, with a lesson
    std::int64_t free = 0;
    std::int64_t monthly = 0;   // a subscription
    std::int64_t lesson = 0;    // the paid course's
};

// Also names the tenant "Lumen & Co <Courses>" (a name to escape).
Shop make_shop(ApiFixture& f);

} // namespace learnloop::test
