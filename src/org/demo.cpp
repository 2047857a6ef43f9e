#include "org/demo.hpp"

#include <map>
#include <set>

#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/service.hpp"
#include "org/usernames.hpp"

namespace hocvu::org {
namespace {

struct DemoUnit {
    std::string_view parent_code;  ///< empty for the Sở
    UnitKind kind;
    std::string_view code;
    std::string_view name;
    std::string_view district;
    std::vector<std::string> levels;
};

struct DemoPerson {
    std::string_view unit_code;
    std::string_view family, middle, given;
    Role role;
    std::optional<std::int64_t> class_id;
    std::optional<std::string> subject;
    std::optional<std::int64_t> student_id;
    bool listed;  ///< printed as the demo login of its role
};

const std::vector<DemoUnit>& Units() {
    static const std::vector<DemoUnit> units = {
        {"", UnitKind::kProvince, "sgddt", "Sở Giáo dục và Đào tạo tỉnh Đắk Nông (demo)", "gianghia", {}},
        {"sgddt", UnitKind::kDistrict, "pgdgianghia", "Phòng Giáo dục và Đào tạo thành phố Gia Nghĩa", "gianghia", {}},
        {"sgddt", UnitKind::kDistrict, "pgddakmil", "Phòng Giáo dục và Đào tạo huyện Đắk Mil", "dakmil", {}},
        {"sgddt", UnitKind::kSchool, "thptchuvanan", "Trường THPT Chu Văn An", "gianghia", {"THPT"}},
        {"sgddt", UnitKind::kSchool, "thpttranphu", "Trường THPT Trần Phú", "dakmil", {"THPT"}},
        {"sgddt", UnitKind::kCentre, "ttgdtx", "Trung tâm GDTX tỉnh Đắk Nông", "gianghia", {"THCS", "THPT"}},
        {"pgdgianghia", UnitKind::kSchool, "thkimdong", "Trường Tiểu học Kim Đồng", "gianghia", {"TH"}},
        {"pgdgianghia", UnitKind::kSchool, "thcsledinhchinh", "Trường THCS Lê Đình Chinh", "gianghia", {"THCS"}},
        {"pgddakmil", UnitKind::kSchool, "thnguyentrai", "Trường Tiểu học Nguyễn Trãi", "dakmil", {"TH"}},
        {"pgddakmil", UnitKind::kSchool, "thcsnguyendu", "Trường THCS Nguyễn Du", "dakmil", {"THCS"}},
    };
    return units;
}

/// Class 101 is 10A1 of THPT Chu Văn An, student 9001 is Nguyễn Hoàng Nam in it (ids of the schooling domain
/// to come). Ngô Văn Toàn shows the collision rule: toannv2.thptchuvanan.
const std::vector<DemoPerson>& People() {
    static const std::vector<DemoPerson> people = {
        {"sgddt", "Lê", "Văn", "Hùng", Role::kAuthorityLeader, {}, {}, {}, true},
        {"sgddt", "Hoàng", "Thị Thu", "Trang", Role::kAuthorityStaff, {}, {}, {}, true},
        {"pgdgianghia", "Phạm", "Quốc", "Bảo", Role::kAuthorityLeader, {}, {}, {}, false},
        {"pgdgianghia", "Vũ", "Thị", "Hạnh", Role::kAuthorityStaff, {}, {}, {}, false},
        {"pgddakmil", "Y", "", "Bhiăm", Role::kAuthorityLeader, {}, {}, {}, false},
        {"thptchuvanan", "Nguyễn", "Văn", "Toàn", Role::kPrincipal, {}, {}, {}, true},
        {"thptchuvanan", "Trần", "Thị Hồng", "Nhung", Role::kVicePrincipal, {}, {}, {}, true},
        {"thptchuvanan", "Đỗ", "Quang", "Huy", Role::kAdminBoard, {}, {}, {}, true},
        {"thptchuvanan", "Ngô", "Văn", "Toàn", Role::kHomeroomTeacher, 101, {}, {}, true},
        {"thptchuvanan", "Phạm", "Thị Thu", "Hà", Role::kSubjectTeacher, 101, "toan", {}, true},
        {"thptchuvanan", "Võ", "Thị", "Lan", Role::kOffice, {}, {}, {}, true},
        {"thptchuvanan", "Bùi", "Thị", "Mai", Role::kParent, {}, {}, 9001, true},
        {"thptchuvanan", "Nguyễn", "Hoàng", "Nam", Role::kStudent, {}, {}, 9001, true},
        {"thpttranphu", "Đinh", "Công", "Tráng", Role::kPrincipal, {}, {}, {}, false},
        {"ttgdtx", "Mai", "Xuân", "Trường", Role::kPrincipal, {}, {}, {}, false},
        {"thkimdong", "Trịnh", "Thị Ngọc", "Ánh", Role::kPrincipal, {}, {}, {}, false},
        {"thcsledinhchinh", "Đặng", "Thị Ánh", "Tuyết", Role::kPrincipal, {}, {}, {}, false},
        {"thcsledinhchinh", "Lý", "Minh", "Đức", Role::kHomeroomTeacher, 201, {}, {}, false},
        {"thnguyentrai", "H'", "", "Liên", Role::kPrincipal, {}, {}, {}, false},
        {"thcsnguyendu", "Lương", "Thế", "Vinh", Role::kPrincipal, {}, {}, {}, false},
    };
    return people;
}

struct Planned {
    std::string username;
    const DemoPerson* person;
};

/// Usernames as the rule makes them in a fresh installation, in table order.
std::vector<Planned> Plan() {
    std::set<std::string> taken;
    std::vector<Planned> plan;
    for (const DemoPerson& p : People()) {
        PersonName name{std::string(p.family), std::string(p.middle), std::string(p.given)};
        std::string username =
            PickStaffUsername(name, p.unit_code, [&](const std::string& u) { return taken.contains(u); });
        taken.insert(username);
        plan.push_back({username, &p});
    }
    return plan;
}

std::string UnitName(std::string_view code) {
    for (const DemoUnit& u : Units()) {
        if (u.code == code) return std::string(u.name);
    }
    return {};
}

}  // namespace

std::string DemoLogin::JsonLine() const {
    return "{\"role\":" + JsonString(role) + ",\"username\":" + JsonString(username) + ",\"password\":" +
           JsonString(password) + ",\"unit\":" + JsonString(unit) + "}";
}

std::vector<DemoLogin> DemoLogins() {
    std::vector<DemoLogin> logins;
    for (std::string_view code : {"sgddt", "pgdgianghia", "thptchuvanan"}) {
        for (const DemoUnit& u : Units()) {
            if (u.code == code) {
                logins.push_back({"unit_admin", AdminUsername(u.district, u.code), kDemoPassword, std::string(u.name)});
            }
        }
    }
    for (const Planned& p : Plan()) {
        if (p.person->listed) {
            logins.push_back({std::string(Name(p.person->role)), p.username, kDemoPassword, UnitName(p.person->unit_code)});
        }
    }
    return logins;
}

std::vector<DemoLogin> CreateDemo(storage::Tx& tx, app::Context& ctx) {
    // One hash for every demo account keeps `hocvu demo` fast; real accounts each get their own salt.
    std::string hash = HashPassword(kDemoPassword);
    std::map<std::string, std::int64_t, std::less<>> unit_ids;
    auto id_of = [&](std::string_view code) { return unit_ids.find(code)->second; };
    for (const DemoUnit& u : Units()) {
        NewUnit input{u.parent_code.empty() ? 0 : id_of(u.parent_code), u.kind, std::string(u.code),
                      std::string(u.name), std::string(u.district), u.levels};
        CreatedUnit created = CreateRootUnit(tx, ctx, input, hash, false);
        unit_ids.emplace(std::string(u.code), created.unit.id);
    }
    for (const Planned& p : Plan()) {
        std::int64_t unit_id = id_of(p.person->unit_code);
        NewAccount name{unit_id, std::string(p.person->family), std::string(p.person->middle),
                        std::string(p.person->given)};
        Account account = InsertAccount(tx, ctx, unit_id, "person", p.username, name, hash, false);
        InsertGrant(tx, ctx, unit_id,
                    NewGrant{account.id, p.person->role, p.person->class_id, p.person->subject, p.person->student_id},
                    account.id);
    }
    return DemoLogins();
}

}  // namespace hocvu::org
