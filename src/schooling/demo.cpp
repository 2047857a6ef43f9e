#include "schooling/demo.hpp"

#include <map>

#include "org/demo.hpp"
#include "org/passwords.hpp"
#include "org/store.hpp"
#include "schooling/catalogue.hpp"
#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace {

struct DemoTeacher {
    std::string_view family, middle, given;
    std::string_view gender;
    std::vector<std::string> subjects;
    std::string_view existing_username;  ///< a teacher the org demo already made, linked instead of created
};

struct DemoSchool {
    std::string_view code;
    std::string_view code_prefix;  ///< student codes: prefix and a sequence number
    std::vector<std::pair<int, std::string>> classes;
    std::map<std::string, std::int64_t> fixed_ids;  ///< class name → id the org demo's grants use
    std::vector<DemoTeacher> teachers;
    std::vector<std::string> electives;  ///< THPT: of every class
};

const std::vector<DemoSchool>& Schools() {
    static const std::vector<DemoSchool> schools = {
        {"thcsledinhchinh",
         "6701",
         {{6, "6A1"}, {6, "6A2"}, {7, "7A1"}, {7, "7A2"}, {8, "8A1"}, {8, "8A2"}, {9, "9A1"}, {9, "9A2"}},
         {{"6A1", 201}},
         {{"Lý", "Minh", "Đức", "Nam", {"TOAN"}, "duclm.thcsledinhchinh"},
          {"Nguyễn", "Thị", "Hoa", "Nữ", {"TOAN"}, ""},
          {"Trần", "Văn", "Bình", "Nam", {"TOAN"}, ""},
          {"Lê", "Thị Thu", "Hương", "Nữ", {"VAN"}, ""},
          {"Phạm", "Ngọc", "Ánh", "Nữ", {"VAN"}, ""},
          {"Hoàng", "Thị Lan", "Anh", "Nữ", {"NN1"}, ""},
          {"Vũ", "Minh", "Châu", "Nam", {"NN1"}, ""},
          {"Đỗ", "Văn", "Dũng", "Nam", {"KHTN"}, ""},
          {"Bùi", "Thị", "Giang", "Nữ", {"KHTN"}, ""},
          {"Ngô", "Thị", "Hằng", "Nữ", {"LSDL"}, ""},
          {"Đinh", "Văn", "Khoa", "Nam", {"GDCD", "LSDL"}, ""},
          {"Trịnh", "Quốc", "Việt", "Nam", {"CN", "TIN"}, ""},
          {"Phan", "Văn", "Long", "Nam", {"GDTC"}, ""},
          {"Dương", "Thị", "Mỹ", "Nữ", {"NT"}, ""}},
         {}},
        {"thptchuvanan",
         "6801",
         {{10, "10A1"}, {10, "10A2"}, {11, "11A1"}, {11, "11A2"}, {12, "12A1"}, {12, "12A2"}},
         {{"10A1", 101}},
         {{"Ngô", "Văn", "Toàn", "Nam", {"VAN"}, "toannv2.thptchuvanan"},
          {"Phạm", "Thị Thu", "Hà", "Nữ", {"TOAN", "CDTOAN"}, "haptt.thptchuvanan"},
          {"Lương", "Văn", "Tâm", "Nam", {"TOAN", "CDTOAN"}, ""},
          {"Cao", "Thị", "Yến", "Nữ", {"VAN"}, ""},
          {"Tạ", "Minh", "Quân", "Nam", {"NN1"}, ""},
          {"Hồ", "Thị", "Ngân", "Nữ", {"NN1"}, ""},
          {"Kiều", "Văn", "Sơn", "Nam", {"SU"}, ""},
          {"Lâm", "Thị", "Oanh", "Nữ", {"LY", "CDLY"}, ""},
          {"Mạc", "Văn", "Phúc", "Nam", {"HOA", "CDHOA"}, ""},
          {"Quách", "Thị", "Thảo", "Nữ", {"SINH"}, ""},
          {"Âu", "Đức", "Thắng", "Nam", {"TIN"}, ""},
          {"La", "Văn", "Cường", "Nam", {"GDTC", "GDQPAN"}, ""}},
         {"LY", "HOA", "SINH", "TIN", "CDTOAN", "CDLY", "CDHOA"}},
        // One primary class (TT27 sheets, issue 6): the homeroom teacher teaches most subjects, as in most schools.
        {"thkimdong",
         "6601",
         {{4, "4A1"}},
         {{"4A1", 401}},
         {{"Trần", "Thị Bích", "Ngọc", "Nữ", {"TV", "TOAN", "DAODUC", "LSDL", "KH", "HDTRAINGHIEM"}, ""},
          {"Hoàng", "Văn", "Hải", "Nam", {"NN1", "TINCN"}, ""},
          {"Lê", "Thị", "Thủy", "Nữ", {"GDTC", "NT"}, ""}},
         {}},
    };
    return schools;
}

/// Deterministic choices, so that every `hocvu demo` makes the same students.
class Picker {
public:
    explicit Picker(std::uint64_t seed) : state_(seed) {}
    std::size_t Next(std::size_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>((state_ >> 33) % n);
    }
    template <class T>
    const T& Of(const std::vector<T>& items) {
        return items[Next(items.size())];
    }

private:
    std::uint64_t state_;
};

const std::vector<std::string_view> kFamilies = {"Nguyễn", "Trần", "Lê",   "Phạm", "Hoàng",  "Huỳnh", "Phan",
                                                 "Vũ",     "Võ",   "Đặng", "Bùi",  "Đỗ",     "Hồ",    "Ngô",
                                                 "Dương",  "Lý",   "Đinh", "Đoàn", "Trương", "Mai"};
const std::vector<std::string_view> kBoyMiddles = {"Văn", "Minh", "Đức", "Quốc", "Gia", "Hoàng", "Thành", "Anh", "Hữu"};
const std::vector<std::string_view> kGirlMiddles = {"Thị", "Ngọc", "Thu", "Khánh", "Bảo", "Phương", "Minh", "Thanh"};
const std::vector<std::string_view> kBoyGivens = {"An",    "Bảo",  "Cường", "Dũng", "Đạt",  "Hải",  "Hiếu", "Huy",
                                                  "Khang", "Khoa", "Lâm",   "Long", "Minh", "Nam",  "Phúc", "Quân",
                                                  "Sơn",   "Tài",  "Thắng", "Trí",  "Tuấn", "Việt", "Vinh", "Ân"};
const std::vector<std::string_view> kGirlGivens = {"Anh",   "Ánh",    "Châu",  "Chi",  "Diệp",  "Giang", "Hà",   "Hân",
                                                   "Hương", "Lan",    "Linh",  "Mai",  "My",    "Ngân",  "Ngọc", "Nhi",
                                                   "Oanh",  "Phương", "Quỳnh", "Thảo", "Trang", "Uyên",  "Vy",   "Ý"};
const std::vector<std::string_view> kEthnicities = {"Kinh", "Kinh",   "Kinh", "Kinh", "Kinh", "Kinh",
                                                    "Kinh", "M'Nông", "Ê Đê", "Tày",  "Nùng", "Mạ"};
const std::vector<std::string_view> kWards = {"Nghĩa Thành", "Nghĩa Đức",   "Nghĩa Phú", "Nghĩa Tân",
                                              "Nghĩa Trung", "Quảng Thành", "Đắk Nia"};

std::string Phone(Picker& pick) {
    static const std::vector<std::string_view> prefixes = {"090", "091", "097", "098", "086", "036", "035", "088"};
    std::string phone(pick.Of(prefixes));
    for (int i = 0; i < 7; ++i)
        phone.push_back(static_cast<char>('0' + pick.Next(10)));
    return phone;
}

people::StaffMember DemoTeacherRecord(storage::Tx& tx, app::Context& ctx, const org::Unit& school, const DemoTeacher& t,
                                      const std::string& hash, Picker& pick) {
    people::StaffInput input{"",
                             std::string(t.family),
                             std::string(t.middle),
                             std::string(t.given),
                             std::to_string(1970 + pick.Next(25)) + "-0" + std::to_string(1 + pick.Next(9)) + "-1" +
                                 std::to_string(pick.Next(10)),
                             t.gender == "Nam" ? "male" : "female",
                             "Kinh",
                             Phone(pick),
                             "",
                             "Giáo viên",
                             t.subjects,
                             "Đại học sư phạm",
                             "Hạng II"};
    input.full_name = org::CollapseSpaces(input.family_name + " " + input.middle_name + " " + input.given_name);
    if (t.existing_username.empty())
        return people::InsertStaffTx(tx, ctx, school, input, hash, false);
    people::StaffMember s = people::InsertStaffTx(tx, ctx, school, input, std::nullopt, false);
    auto account = org::store::FindAccountByUsername(tx, t.existing_username);
    if (!account)
        throw Error(Code::kInternal, "demo teacher account missing: " + std::string(t.existing_username));
    people::LinkStaffAccountTx(tx, school.id, s.id, account->id);
    return *people::FindStaffTx(tx, s.id);
}

}  // namespace

void CreateDemoSchoolYear(storage::Tx& tx, app::Context& ctx) {
    std::string hash = org::HashPassword(org::kDemoPassword);
    Picker pick(20262027);
    for (const DemoSchool& demo : Schools()) {
        auto row = tx.QueryOne("SELECT id FROM units WHERE code = $1", {std::string(demo.code)});
        if (!row)
            throw Error(Code::kInternal, "demo school missing: " + std::string(demo.code));
        org::Unit school = people::SchoolOf(tx, row->Int(0));
        SchoolYear year = CreateYearTx(tx, ctx, school, NewYear{"2026-2027", {}, std::nullopt});
        std::vector<people::StaffMember> teachers;
        for (const DemoTeacher& t : demo.teachers)
            teachers.push_back(DemoTeacherRecord(tx, ctx, school, t, hash, pick));
        std::int64_t admin =
            tx.QueryOne("SELECT id FROM accounts WHERE unit_id = $1 AND kind = 'admin'", {school.id})->Int(0);
        std::map<std::string, std::size_t> next_teacher;  // subject → round-robin position
        int sequence = 0;
        for (std::size_t k = 0; k < demo.classes.size(); ++k) {
            const auto& [grade, name] = demo.classes[k];
            std::optional<std::int64_t> fixed;
            if (auto it = demo.fixed_ids.find(name); it != demo.fixed_ids.end())
                fixed = it->second;
            ClassInfo cls = CreateClassTx(tx, ctx, school.id, {year.id, grade, name, "morning"}, fixed);
            for (const std::string& e : demo.electives) {
                if (FindSubject(grade, e)) {
                    tx.Exec("INSERT INTO class_electives (unit_id, class_id, subject_code) VALUES ($1, $2, $3)",
                            {school.id, cls.id, e});
                }
            }
            cls = *FindClassTx(tx, cls.id);
            const people::StaffMember& homeroom = teachers[k % teachers.size()];
            AssignHomeroomTx(tx, ctx, cls, homeroom, admin);
            for (const std::string& subject : ClassSubjectsTx(tx, cls)) {
                std::vector<const people::StaffMember*> able;
                for (const people::StaffMember& t : teachers) {
                    if (std::find(t.subjects.begin(), t.subjects.end(), subject) != t.subjects.end())
                        able.push_back(&t);
                }
                // HĐTN-HN and local education content are usually taught by the homeroom teacher.
                const people::StaffMember* teacher = &homeroom;
                if (!able.empty() && subject != "HDTN" && subject != "GDDP") {
                    teacher = able[next_teacher[subject]++ % able.size()];
                }
                AssignTeachingTx(tx, ctx, cls, subject, *teacher, {1, 2}, admin);
            }
            int birth_year = 2026 - grade - 6;
            for (int i = 0; i < 30; ++i) {
                bool boy = pick.Next(2) == 0;
                people::StudentInput s;
                ++sequence;
                char code[32];
                std::snprintf(code, sizeof code, "%s%06d", std::string(demo.code_prefix).c_str(), sequence);
                s.code = code;
                s.family_name = std::string(kFamilies[pick.Next(kFamilies.size())]);
                s.middle_name = std::string(boy ? kBoyMiddles[pick.Next(kBoyMiddles.size())]
                                                : kGirlMiddles[pick.Next(kGirlMiddles.size())]);
                s.given_name = std::string(boy ? kBoyGivens[pick.Next(kBoyGivens.size())]
                                               : kGirlGivens[pick.Next(kGirlGivens.size())]);
                std::optional<std::int64_t> fixed_student;
                if (demo.code == "thptchuvanan" && name == "10A1" && i == 0) {
                    s.family_name = "Nguyễn";
                    s.middle_name = "Hoàng";
                    s.given_name = "Nam";
                    boy = true;
                    fixed_student = 9001;
                }
                s.full_name = s.family_name + " " + s.middle_name + " " + s.given_name;
                char birth[48];
                std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", birth_year, static_cast<int>(1 + pick.Next(12)),
                              static_cast<int>(1 + pick.Next(28)));
                s.birth_date = birth;
                s.gender = boy ? "male" : "female";
                s.ethnicity = std::string(kEthnicities[pick.Next(kEthnicities.size())]);
                s.birthplace = "Đắk Nông";
                s.address = "Phường " + std::string(kWards[pick.Next(kWards.size())]) + ", Gia Nghĩa, Đắk Nông";
                s.priority = s.ethnicity == "Kinh" ? "" : "Dân tộc thiểu số";
                people::Student student = people::InsertStudentTx(tx, ctx, school.id, s);
                if (fixed_student) {
                    tx.Exec("UPDATE students SET id = $3 WHERE unit_id = $1 AND id = $2",
                            {school.id, student.id, *fixed_student});
                    student.id = *fixed_student;
                }
                std::string father = std::string(s.family_name) + " " +
                                     std::string(kBoyMiddles[pick.Next(kBoyMiddles.size())]) + " " +
                                     std::string(kBoyGivens[pick.Next(kBoyGivens.size())]);
                std::string mother = std::string(kFamilies[pick.Next(kFamilies.size())]) + " Thị " +
                                     std::string(kGirlGivens[pick.Next(kGirlGivens.size())]);
                if (fixed_student)
                    mother = "Bùi Thị Mai";
                people::InsertGuardianTx(tx, ctx, school.id, student.id, {father, "Cha", Phone(pick), ""});
                people::Guardian mum =
                    people::InsertGuardianTx(tx, ctx, school.id, student.id, {mother, "Mẹ", Phone(pick), ""});
                if (fixed_student) {
                    if (auto mai = org::store::FindAccountByUsername(tx, "maibt.thptchuvanan")) {
                        people::LinkGuardianAccountTx(tx, school.id, mum.id, mai->id);
                    }
                }
                EnrolTx(tx, ctx, cls, student.id, year.starts_on);
            }
        }
    }
}

}  // namespace hocvu::schooling
