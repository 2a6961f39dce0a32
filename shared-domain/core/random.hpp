// Deterministic randomness that draws the same numbers natively and in WebAssembly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace learnloop {

// The standard library's distributions (std::uniform_int_distribution,
// std::shuffle) are implementation-defined, so libstdc++ and Emscripten's
// libc++ draw different numbers from the same engine. Everything random in the
// domain goes through this generator instead: SplitMix64 plus unbiased
// rejection sampling, integer arithmetic only.
//
//   SeededRandom rng(42);
//   auto die = 1 + rng.below(6);   // the same on every platform
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) { }

    std::uint64_t next();
    // Uniform in [0, bound); bound must be at least 1.
    std::uint64_t below(std::uint64_t bound);

    // Fisher–Yates over `items`, consuming one draw per position.
    template<typename T>
    void shuffle(std::vector<T>& items)
    {
        for (std::size_t i = items.size(); i > 1; --i) {
            auto j = static_cast<std::size_t>(below(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    std::uint64_t m_state;
};

// Combines two values into a well-mixed 64-bit seed (SplitMix64 finaliser).
[[nodiscard]] std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b);
// FNV-1a: a stable hash of text, for deriving seeds from ids.
[[nodiscard]] std::uint64_t hash_text(std::string_view text);

} // namespace learnloop
