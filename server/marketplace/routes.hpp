// The marketplace area's API (routes and schemas), assembled by http/registry.cpp.
#pragma once

#include "http/route.hpp"

namespace learnloop::server {

[[nodiscard]] AreaApi marketplace_api();

} // namespace learnloop::server
