#pragma once

#include <cstdint>
#include <ostream>
#include <random>
#include <vector>

#include "assessment/model.hpp"

namespace hocvu::bench {

/// Generates the student-years of a province for 2025-2026: 45 % primary (TT27), 35 % THCS and 20 % THPT
/// (TT22), with realistic score spreads, a few missing entries, failing subjects, re-assessments and
/// absences over the limit. Deterministic for a given seed.
class ProvinceGenerator {
public:
    explicit ProvinceGenerator(std::uint64_t seed) : rng_(seed) {}

    /// The next student-year.
    assessment::StudentYear Next();

    /// Writes a student-year as one `hocvu assess` input line.
    static void WriteJsonLine(const assessment::StudentYear& student, std::uint64_t id, std::ostream& out);

private:
    assessment::StudentYear Primary();
    assessment::StudentYear Secondary(bool upper);
    int Score(int base);

    std::mt19937_64 rng_;
};

}  // namespace hocvu::bench
