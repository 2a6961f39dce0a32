// The tz database, read on first use of each zone.
#include "platform/time_zones.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <mutex>

namespace learnloop::server {

namespace {

constexpr const char* k_zoneinfo = "/usr/share/zoneinfo/";

bool plain_zone_name(const std::string& name)
{
    return !name.empty() && name.size() <= 64 && name.front() != '/' && name.find("..") == std::string::npos
        && name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/")
        == std::string::npos;
}

} // namespace

Result<std::shared_ptr<const ZoneRules>> system_zone(const std::string& name, const std::string& field)
{
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const ZoneRules>> zones;
    {
        std::lock_guard lock(mutex);
        if (auto found = zones.find(name); found != zones.end())
            return found->second;
    }
    auto unknown = [&] {
        return make_error(ErrorCode::InvalidArgument, name.substr(0, 64) + " is not a time zone of this system", field);
    };
    if (!plain_zone_name(name))
        return unknown();
    std::ifstream file(k_zoneinfo + name, std::ios::binary);
    if (!file)
        return unknown();
    std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto parsed = parse_tzif(bytes, name);
    if (!parsed.ok())
        return unknown();
    auto zone = std::make_shared<const ZoneRules>(std::move(parsed).value());
    std::lock_guard lock(mutex);
    return zones.emplace(name, std::move(zone)).first->second;
}

} // namespace learnloop::server
