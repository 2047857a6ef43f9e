#include "assessment/assess.hpp"

#include <stdexcept>

#include "assessment/subject_rules.hpp"
#include "assessment/tt22/tt22.hpp"
#include "assessment/tt27/tt27.hpp"
#include "assessment/tt58/tt58.hpp"

namespace hocvu::assessment {

void Assess(const StudentYear& student, Assessment& result) {
    if (student.subjects.size() > static_cast<std::size_t>(kMaxSubjects)) {
        throw std::length_error("a student-year has more subjects than the engine supports");
    }
    switch (student.regulation) {
        case Regulation::kTt22:
            tt22::Assess(student, result);
            return;
        case Regulation::kTt27:
            tt27::Assess(student, result);
            return;
        case Regulation::kTt58:
        case Regulation::kTt26:
            tt58::Assess(student, result);
            return;
    }
}

}  // namespace hocvu::assessment
