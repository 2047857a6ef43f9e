#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <time.h>

#include "assessment/assess.hpp"
#include "assessment/explain.hpp"
#include "province.hpp"

// Assesses a province (200,000 student-years of 2025-2026) in-process and prints student-years per second:
// once for the engine (results with their structured deciding facts) and once with the Vietnamese explanation
// lines rendered too. Student-years are generated in batches outside the timed region. The machine is shared,
// so each batch is timed three times on the thread's CPU clock and the fastest run counts (wall-clock figures
// are printed too).
// `assess_bench --emit-jsonl FILE [N]` writes the same province as `hocvu assess` input instead (for run.sh).
namespace {

std::chrono::nanoseconds ThreadCpuTime() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

/// The fastest of three runs of `work`, on the thread CPU clock and on the wall clock.
template <typename Work>
std::pair<std::chrono::nanoseconds, std::chrono::nanoseconds> BestOfThree(Work&& work) {
    std::chrono::nanoseconds best_cpu = std::chrono::nanoseconds::max();
    std::chrono::nanoseconds best_wall = std::chrono::nanoseconds::max();
    for (int run = 0; run < 3; ++run) {
        const auto cpu_start = ThreadCpuTime();
        const auto wall_start = std::chrono::steady_clock::now();
        work();
        best_cpu = std::min(best_cpu, ThreadCpuTime() - cpu_start);
        best_wall = std::min<std::chrono::nanoseconds>(best_wall, std::chrono::steady_clock::now() - wall_start);
    }
    return {best_cpu, best_wall};
}

}  // namespace

int main(int argc, char** argv) {
    using hocvu::assessment::Assessment;
    using hocvu::assessment::StudentYear;
    constexpr std::uint64_t kSeed = 2025;
    std::size_t total = 200'000;
    if (argc >= 3 && std::string_view(argv[1]) == "--emit-jsonl") {
        if (argc >= 4) {
            total = static_cast<std::size_t>(std::strtoull(argv[3], nullptr, 10));
        }
        std::ofstream out(argv[2]);
        hocvu::bench::ProvinceGenerator generator(kSeed);
        for (std::size_t i = 0; i < total; ++i) {
            hocvu::bench::ProvinceGenerator::WriteJsonLine(generator.Next(), i + 1, out);
        }
        return out ? 0 : 1;
    }
    if (argc >= 2) {
        total = static_cast<std::size_t>(std::strtoull(argv[1], nullptr, 10));
    }
    constexpr std::size_t kBatch = 10'000;
    hocvu::bench::ProvinceGenerator generator(kSeed);
    Assessment result;
    std::vector<std::string> lines;
    std::vector<StudentYear> batch;
    std::chrono::nanoseconds engine_cpu{0};
    std::chrono::nanoseconds engine_wall{0};
    std::chrono::nanoseconds explained_cpu{0};
    std::chrono::nanoseconds explained_wall{0};
    std::array<std::size_t, 6> outcomes{};
    std::size_t explanation_lines = 0;
    for (std::size_t done = 0; done < total; done += batch.size()) {
        batch.clear();
        for (std::size_t i = 0; i < kBatch && done + i < total; ++i) {
            batch.push_back(generator.Next());
        }
        for (const StudentYear& student : batch) {
            hocvu::assessment::Assess(student, result);
            ++outcomes[static_cast<std::size_t>(result.outcome)];
        }
        const auto [cpu, wall] = BestOfThree([&] {
            for (const StudentYear& student : batch) {
                hocvu::assessment::Assess(student, result);
            }
        });
        engine_cpu += cpu;
        engine_wall += wall;
        explanation_lines = 0;
        const auto [explain_cpu, explain_wall] = BestOfThree([&] {
            for (const StudentYear& student : batch) {
                hocvu::assessment::Assess(student, result);
                lines.clear();
                hocvu::assessment::Explain(student, result, lines);
                explanation_lines += lines.size();
            }
        });
        explained_cpu += explain_cpu;
        explained_wall += explain_wall;
    }
    const auto rate = [&](std::chrono::nanoseconds elapsed) {
        return static_cast<double>(total) / std::chrono::duration<double>(elapsed).count();
    };
    std::cout << "student-years: " << total << " (45% TT27 primary, 35% THCS and 20% THPT under TT22)\n";
    std::cout << "outcomes: promoted " << outcomes[0] << ", retained " << outcomes[1] << ", reassessment "
              << outcomes[2] << ", summer_training " << outcomes[3] << ", principal_decision " << outcomes[4]
              << ", incomplete " << outcomes[5] << "\n";
    std::cout << "engine (in-process, one core): " << static_cast<long long>(rate(engine_cpu))
              << " student-years/s of CPU time (wall clock: " << static_cast<long long>(rate(engine_wall)) << ")\n";
    std::cout << "engine + Vietnamese explanation lines: " << static_cast<long long>(rate(explained_cpu))
              << " student-years/s of CPU time (wall clock: " << static_cast<long long>(rate(explained_wall))
              << "; about " << explanation_lines / 3 / batch.size() << " lines per student-year)\n";
    return 0;
}
