// The TZif bytes of the zones the domain tests use, embedded at build time
// from Debian's tzdata (cmake/embed_tzif.cmake) so the WASM run has them too.
#pragma once

#include <cstddef>
#include <string_view>

// Empty when `name` ("Europe/London") was not embedded.
std::string_view embedded_tzif(std::string_view name);
