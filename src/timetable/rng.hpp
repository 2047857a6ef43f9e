#pragma once

#include <cstdint>

namespace hocvu::timetable {

/// Small, fast and fully specified pseudo-random generator (xoshiro256**), so that a seed gives the same
/// timetable on every platform and standard library.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (std::uint64_t& word : state_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31U);
        }
    }

    /// Next 64 random bits.
    std::uint64_t Next() {
        const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17U;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = Rotl(state_[3], 45);
        return result;
    }

    /// Uniform integer in [0, bound); bound must be positive.
    int Below(int bound) {
        return static_cast<int>(((Next() >> 32U) * static_cast<std::uint64_t>(bound)) >> 32U);
    }

    /// Uniform real in [0, 1).
    double Uniform() { return static_cast<double>(Next() >> 11U) * 0x1.0p-53; }

private:
    static std::uint64_t Rotl(std::uint64_t x, int k) {
        return (x << static_cast<unsigned>(k)) | (x >> static_cast<unsigned>(64 - k));
    }

    std::uint64_t state_[4] = {};
};

}  // namespace hocvu::timetable
