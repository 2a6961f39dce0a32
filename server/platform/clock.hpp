// The wall clock as the server's rules read it: whole seconds since 1970
// (UTC), the unit shared-domain takes for "now".
#pragma once

#include <cstdint>
#include <ctime>

namespace learnloop::server {

[[nodiscard]] inline std::int64_t unix_now()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

} // namespace learnloop::server
