// The academy area's API (routes and schemas), assembled by http/registry.cpp.
#pragma once

#include "http/route.hpp"

namespace learnloop::server {

[[nodiscard]] AreaApi academy_api();

} // namespace learnloop::server
