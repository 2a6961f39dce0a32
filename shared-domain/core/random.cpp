// SplitMix64 with unbiased rejection sampling, and the seed helpers built on it.
#include "core/random.hpp"

namespace learnloop {

namespace {

constexpr std::uint64_t k_golden_gamma = 0x9E3779B97F4A7C15ULL;

std::uint64_t splitmix_finalise(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

std::uint64_t SeededRandom::next()
{
    m_state += k_golden_gamma;
    return splitmix_finalise(m_state);
}

std::uint64_t SeededRandom::below(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Reject the low values that would make `r % bound` favour small results.
    std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        std::uint64_t r = next();
        if (r >= threshold)
            return r % bound;
    }
}

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b)
{
    return splitmix_finalise(a ^ splitmix_finalise(b + k_golden_gamma));
}

std::uint64_t hash_text(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace learnloop
