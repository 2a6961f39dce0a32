// Reading a zone of the system's tz database (see system_zone.hpp).
#include "platform/system_zone.hpp"

#include <fstream>
#include <iterator>

namespace learnloop::server {

Result<ZoneRules> system_zone(const std::string& name)
{
    // Only names the database could hold: the name becomes a path, so
    // "../../etc/passwd" or an absolute path must never be opened.
    const bool plain = !name.empty() && name.size() <= 64 && name.front() != '/' && name.find("..") == std::string::npos
        && name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/") == std::string::npos;
    std::ifstream file(plain ? "/usr/share/zoneinfo/" + name : std::string(), std::ios::binary);
    if (!plain || !file)
        return make_error(ErrorCode::InvalidArgument, name.substr(0, 64) + " is not a time zone of this system", "zone");
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return parse_tzif(bytes, name);
}

} // namespace learnloop::server
