#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hocvu::schooling {

/// Học kì I or II of a year.
struct Semester {
    int number = 1;
    std::string starts_on;  ///< YYYY-MM-DD
    std::string ends_on;
};

/// A school's year (năm học), e.g. "2026-2027" (SCH-14).
struct SchoolYear {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::string name;
    std::string starts_on;
    std::string ends_on;
    std::string status;  ///< "open" or "closed"
    std::vector<Semester> semesters;
};

/// How a subject is learnt in the 2018 programme.
enum class SubjectKind { kCompulsory, kOptional, kElective, kTopic };
std::string_view Name(SubjectKind kind);

/// A subject of the 2018 programme at one level, with periods per year by grade (0 where not taught).
struct CatalogueSubject {
    std::string level;  ///< TH, THCS, THPT
    std::string code;   ///< the assessment engine's code ("TOAN", "VAN", …), "CD…" for THPT chuyên đề
    std::string name;
    SubjectKind kind = SubjectKind::kCompulsory;
    bool scored = true;  ///< false: assessed by comment (Đạt / Chưa đạt)
    std::vector<int> grades;
    std::vector<int> periods;  ///< periods per year, parallel to `grades`
};

/// A subject in a school's curriculum for a grade in a year.
struct CurriculumEntry {
    int grade = 0;
    std::string subject_code;
    std::string subject_name;
    int periods_per_year = 0;
    bool scored = true;
    SubjectKind kind = SubjectKind::kCompulsory;
};

/// A class (lớp) of a year. `session` is "morning", "afternoon" or "full_day".
struct ClassInfo {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t year_id = 0;
    int grade = 0;
    std::string name;
    std::string session;
    std::optional<std::int64_t> homeroom_staff_id;
    std::string homeroom_name;
    std::int64_t student_count = 0;
    std::vector<std::string> electives;  ///< THPT electives and chuyên đề chosen for the class
};

/// Phân công giảng dạy: a teacher teaches a subject to a class in one semester (SCH-9).
struct TeachingAssignment {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t class_id = 0;
    std::string class_name;
    std::string subject_code;
    int semester = 1;
    std::int64_t staff_id = 0;
    std::string staff_name;
};

/// A student in a class, from `started_on` until `ended_on` (empty while active).
struct Enrolment {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t student_id = 0;
    std::int64_t class_id = 0;
    std::int64_t year_id = 0;
    std::string class_name;
    std::string status;  ///< active, transferred (class transfer), left (transfer out/dropout), promoted, retained,
                         ///< graduated
    std::string started_on;
    std::string ended_on;
    std::string end_reason;
};

/// Miễn giảm môn học: a student exempt from a subject in a semester (SCH-8).
struct Exemption {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
    std::int64_t student_id = 0;
    std::int64_t year_id = 0;
    int semester = 1;
    std::string subject_code;
    std::string reason;
};

}  // namespace hocvu::schooling
