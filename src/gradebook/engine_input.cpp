#include "gradebook/engine_input.hpp"

#include <map>
#include <set>
#include <tuple>

#include "gradebook/rules.hpp"
#include "gradebook/store.hpp"

namespace hocvu::gradebook::detail {

const std::vector<std::string>& QualityItems() {
    static const std::vector<std::string> items = {
        "yeu_nuoc", "nhan_ai",   "cham_chi", "trung_thuc", "trach_nhiem",  // phẩm chất
        "tu_chu",   "giao_tiep", "gqvd_sang_tao",                           // năng lực chung
        "ngon_ngu", "tinh_toan", "khoa_hoc", "cong_nghe", "tin_hoc", "tham_mi", "the_chat"};  // năng lực đặc thù
    return items;
}

std::vector<StudentInput> ClassInputs(storage::Tx& tx, const ClassSetup& setup) {
    const std::int64_t unit = setup.cls.unit_id;
    const bool primary = setup.regulation == assessment::Regulation::kTt27;
    // (subject, semester, student) → cells
    std::map<std::tuple<std::string, int, std::int64_t>, std::vector<Cell>> cells;
    for (const storage::Row& row : tx.Query(store::kClassCells, {unit, setup.cls.id})) {
        Cell c;
        c.student_id = row.Int(2);
        c.item = row.Text(3);
        if (auto score = row.OptInt(4)) c.value.score = Tenths::FromTenths(static_cast<std::int32_t>(*score));
        if (auto pass = row.OptInt(5)) c.value.pass = *pass != 0;
        if (auto level = row.OptInt(6)) c.value.level = static_cast<int>(*level);
        cells[{row.Text(0), static_cast<int>(row.Int(1)), c.student_id}].push_back(std::move(c));
    }
    std::set<std::tuple<std::string, int, std::int64_t>> exempt;
    for (const storage::Row& row : tx.Query(store::kYearExemptions, {unit, setup.cls.year_id})) {
        exempt.insert({row.Text(2), static_cast<int>(row.Int(1)), row.Int(0)});
    }
    // TT27: the year-end ratings (semester 2, end of term) and the class's recognition, by student.
    std::map<std::int64_t, std::vector<assessment::QualityRating>> qualities;
    std::set<std::int64_t> outstanding;
    if (primary) {
        const std::vector<std::string>& items = QualityItems();
        for (const storage::Row& row : tx.Query(store::kYearEndQualities, {unit, setup.cls.id})) {
            const std::int64_t student = row.Int(0);
            const std::string item = row.Text(1);
            if (item == kOutstandingItem) {
                outstanding.insert(student);
                continue;
            }
            for (std::size_t i = 0; i < items.size(); ++i) {
                if (items[i] != item) continue;
                auto& ratings = qualities[student];
                ratings.resize(items.size(), assessment::QualityRating::kMissing);
                const std::int64_t r = row.Int(2);
                ratings[i] = r >= 2   ? assessment::QualityRating::kTot
                             : r == 1 ? assessment::QualityRating::kDat
                                      : assessment::QualityRating::kCanCoGang;
            }
        }
    }
    std::vector<StudentInput> out;
    for (people::Student& student : Roster(tx, setup.cls)) {
        StudentInput in;
        assessment::StudentYear& year = in.year;
        year.regulation = setup.regulation;
        year.level = setup.level;
        year.grade = setup.cls.grade;
        year.school_year_start = setup.school_year_start;
        for (const SubjectSetup& s : setup.subjects) {
            assessment::SubjectInput input;
            input.code = s.code;
            input.periods_per_year = static_cast<std::int16_t>(s.periods_per_year);
            if (primary) {
                // TT27 Điều 9: the year-end level of each subject and its end-of-year test.
                if (exempt.contains({s.code, 2, student.id})) continue;
                FillPrimaryYear(cells[{s.code, 2, student.id}], input);
                const CellValue* hk1 = FindValue(cells[{s.code, 1, student.id}], "ck_muc");
                in.hk1_levels.push_back(hk1 ? hk1->Text() : "");
                year.subjects.push_back(std::move(input));
                continue;
            }
            input.kind = s.scored ? assessment::SubjectKind::kScored : assessment::SubjectKind::kComment;
            input.topics = static_cast<std::uint8_t>(s.topics);
            for (int semester = 1; semester <= 2; ++semester) {
                assessment::SemesterMarks& marks = semester == 1 ? input.hk1 : input.hk2;
                if (exempt.contains({s.code, semester, student.id})) {
                    marks = assessment::SemesterMarks{};
                    continue;
                }
                FillSemesterMarks(s.columns, cells[{s.code, semester, student.id}], marks);
            }
            year.subjects.push_back(std::move(input));
        }
        if (primary) {
            if (auto q = qualities.find(student.id); q != qualities.end()) year.qualities = q->second;
            year.outstanding = outstanding.contains(student.id);
        }
        in.student = std::move(student);
        out.push_back(std::move(in));
    }
    return out;
}

}  // namespace hocvu::gradebook::detail
