// Time zones from the system's tz database (Debian's tzdata), read into the
// domain's ZoneRules: what the CLI and the demo convert wall times with.
#pragma once

#include "core/result.hpp"
#include "tutoring/zone.hpp"

#include <string>

namespace learnloop::server {

// The zone named by its IANA name ("Europe/London"). A name that is not a
// plain relative path of the database (absolute, "..", odd characters) or
// names no file is an InvalidArgument error: "<name> is not a time zone of
// this system".
[[nodiscard]] Result<ZoneRules> system_zone(const std::string& name);

} // namespace learnloop::server
