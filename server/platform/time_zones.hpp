// Zones of the system's tz database (Debian's tzdata) by IANA name, read
// from their TZif files once and kept: the server converts every tutoring
// session with them and sends their compact form to the browser.
#pragma once

#include "core/result.hpp"
#include "tutoring/zone.hpp"

#include <memory>
#include <string>

namespace learnloop::server {

// The zone named `name` ("Europe/London"); InvalidArgument on field `field`
// when the name is not one of this system's zones (names are checked before
// any file is opened, so no path can reach outside the database).
[[nodiscard]] Result<std::shared_ptr<const ZoneRules>> system_zone(const std::string& name,
    const std::string& field = "time_zone");

} // namespace learnloop::server
