// Browser random numbers over Emscripten (see random.hpp).
#include "platform/random.hpp"

#include <emscripten.h>

namespace learnloop::client {

double random_unit()
{
    return emscripten_random();
}

} // namespace learnloop::client
