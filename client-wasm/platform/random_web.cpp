// Browser random numbers over Emscripten (see random.hpp).
#include "platform/random.hpp"

#include "platform/clock.hpp"

#include <emscripten.h>

#include <cstdio>

namespace learnloop::client {

double random_unit()
{
    return emscripten_random();
}

std::string new_client_id(char prefix)
{
    char id[40];
    std::snprintf(id, sizeof id, "%c%08x%08x%08x", prefix, static_cast<unsigned>(random_unit() * 4294967295.0),
        static_cast<unsigned>(random_unit() * 4294967295.0), static_cast<unsigned>(monotonic_ms()));
    return id;
}

} // namespace learnloop::client
