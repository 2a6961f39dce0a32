// Random numbers from the browser (Math.random), behind one header
// (implemented in random_web.cpp). Not for secrets: the server makes those.
#pragma once

namespace learnloop::client {

// A number in [0, 1).
[[nodiscard]] double random_unit();

} // namespace learnloop::client
