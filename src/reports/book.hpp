#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "assessment/model.hpp"
#include "gradebook/model.hpp"
#include "gradebook/setup.hpp"
#include "homeroom/model.hpp"
#include "people/model.hpp"
#include "reports/model.hpp"
#include "storage/database.hpp"

/// A class's whole book read in one transaction: its setup (regulation, subjects, columns), roster, every stored
/// score and exemption, what the homeroom teacher recorded, and the engine's assessment of every student. Every
/// view of the reports domain is a projection of it. Not part of the domain's interface.
namespace hocvu::reports::detail {

struct StudentBook {
    people::Student student;
    /// subject code → cells of HK I and HK II
    std::map<std::string, std::array<std::vector<gradebook::Cell>, 2>> cells;
    std::set<std::pair<std::string, int>> exempt;  ///< (subject, semester)
    /// What the homeroom domain summarises for the period read with AddHomeroom: conduct, absences (A10),
    /// outcome, award and rank, with its explanation lines.
    std::optional<homeroom::SummaryRow> homeroom;
    assessment::StudentYear year;
    assessment::Assessment result;
};

struct ClassBook {
    gradebook::detail::ClassSetup setup;
    std::vector<StudentBook> students;  ///< in Vietnamese order
    bool has_homeroom = false;          ///< AddHomeroom was called
};

/// Reads and assesses the class. Throws kNotFound for an unknown class, kValidation for a regulation the gradebook
/// does not shape yet.
ClassBook LoadBook(storage::Tx& tx, std::int64_t class_id);

/// Adds the homeroom teacher's records of `period` (hk1, hk2, year) to every student: the homeroom domain's class
/// summary, computed in the same transaction.
void AddHomeroom(storage::Tx& tx, ClassBook& book, std::string_view period);

/// The homeroom teacher's semester comment (kind "semester") of `semester` (hk1, hk2), or "".
std::string SemesterComment(storage::Tx& tx, const ClassBook& book, std::int64_t student_id, std::string_view semester);

/// The ids of the classes of a school year, by grade and name.
std::vector<std::int64_t> ClassesOfYear(storage::Tx& tx, std::int64_t unit_id, std::int64_t year_id);

ClassRef RefOf(const gradebook::detail::ClassSetup& setup);
StudentRef RefOf(const people::Student& student);
SubjectColumns ColumnsOf(const gradebook::detail::SubjectSetup& subject);

/// "7.5", "Đ", "CĐ", "" (missing or none).
std::string MarkText(assessment::Mark mark);

/// The student's scores of `subject` in `semester` (1, 2) with the engine's average.
SemesterScores ScoresOf(const gradebook::detail::SubjectSetup& subject, const StudentBook& student, int semester,
                        const assessment::SubjectResult& result);

/// "hk1", "hk2", "year" → Period; throws kValidation otherwise.
assessment::Period ParsePeriod(std::string_view code);

/// Levels, decisions and absences of the student in `period`.
StudentStanding StandingOf(const ClassBook& book, const StudentBook& student, assessment::Period period);

}  // namespace hocvu::reports::detail
