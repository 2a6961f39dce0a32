// Random numbers from the browser (Math.random), behind one header
// (implemented in random_web.cpp). Not for secrets: the server makes those.
#pragma once

#include <string>

namespace learnloop::client {

// A number in [0, 1).
[[nodiscard]] double random_unit();

// An id for something made offline that the server must apply once (an
// answer, an attendance log): `prefix` and 24 hex digits, random and from
// the clock.
[[nodiscard]] std::string new_client_id(char prefix);

} // namespace learnloop::client
