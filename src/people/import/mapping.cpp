#include "people/import/mapping.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "org/vn_text.hpp"

namespace hocvu::people::import {
namespace {

/// Lower-case ASCII words: "Ngày sinh (dd/mm/yyyy)" → "ngay sinh dd mm yyyy".
std::string HeaderKey(std::string_view text) {
    std::string folded = org::FoldAscii(text);
    std::string out;
    for (char c : folded) {
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word)
            out.push_back(c);
        else if (!out.empty() && out.back() != ' ')
            out.push_back(' ');
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::optional<std::string_view> FieldOf(const std::string& key, const std::vector<ColumnSpec>& specs) {
    if (key.empty())
        return std::nullopt;
    for (const ColumnSpec& spec : specs) {
        for (std::string_view h : spec.headers) {
            if (key == h)
                return spec.field;
        }
    }
    // "Ngày sinh (dd/mm/yyyy)": a header that starts with a known name and adds a note.
    for (const ColumnSpec& spec : specs) {
        for (std::string_view h : spec.headers) {
            if (h.size() >= 6 && key.size() > h.size() && key.starts_with(h) && key[h.size()] == ' ')
                return spec.field;
        }
    }
    return std::nullopt;
}

bool Blank(const std::vector<std::string>& cells) {
    return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return std::all_of(c.begin(), c.end(), [](char ch) { return ch == ' ' || ch == '\t'; });
    });
}

std::string Get(const MappedRow& row, const char* field) {
    auto it = row.values.find(field);
    return it == row.values.end() ? std::string() : it->second;
}

}  // namespace

const std::vector<ColumnSpec>& StudentColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"stt", {"stt", "so thu tu", "tt"}},
        {"code", {"ma hoc sinh", "ma hs", "ma dinh danh hoc sinh", "ma dinh danh", "ma dinh danh bo gd dt"}},
        {"full_name", {"ho va ten", "ho ten", "ho va ten hoc sinh", "ho ten hoc sinh"}},
        {"family_name", {"ho"}},
        {"middle_name", {"ten dem", "ten lot", "dem"}},
        {"given_name", {"ten"}},
        {"birth_date", {"ngay sinh", "ngay thang nam sinh"}},
        {"gender", {"gioi tinh"}},
        {"ethnicity", {"dan toc"}},
        {"birthplace", {"noi sinh"}},
        {"address",
         {"dia chi", "dia chi thuong tru", "noi o hien nay", "cho o hien nay", "dia chi thuong tru hien nay"}},
        {"priority", {"dien uu tien", "doi tuong uu tien", "uu tien"}},
        {"policy", {"dien chinh sach", "doi tuong chinh sach", "chinh sach", "che do chinh sach"}},
        {"class", {"lop", "ten lop", "lop hoc"}},
        {"father_name", {"ho ten cha", "ho va ten cha"}},
        {"father_phone", {"dien thoai cha", "sdt cha", "so dien thoai cha"}},
        {"mother_name", {"ho ten me", "ho va ten me"}},
        {"mother_phone", {"dien thoai me", "sdt me", "so dien thoai me"}},
        {"guardian_name", {"ho ten nguoi giam ho", "nguoi giam ho", "ho ten phu huynh", "phu huynh"}},
        {"guardian_phone",
         {"dien thoai nguoi giam ho", "sdt nguoi giam ho", "so dien thoai phu huynh", "sdt phu huynh", "so dien thoai",
          "dien thoai", "sdt", "dien thoai lien he"}},
        {"guardian_email", {"email phu huynh", "email", "e mail"}},
    };
    return specs;
}

const std::vector<ColumnSpec>& StaffColumns() {
    static const std::vector<ColumnSpec> specs = {
        {"stt", {"stt", "so thu tu", "tt"}},
        {"full_name", {"ho va ten", "ho ten", "ho va ten can bo", "ho ten giao vien"}},
        {"family_name", {"ho"}},
        {"middle_name", {"ten dem", "ten lot", "dem"}},
        {"given_name", {"ten"}},
        {"birth_date", {"ngay sinh", "ngay thang nam sinh"}},
        {"gender", {"gioi tinh"}},
        {"ethnicity", {"dan toc"}},
        {"phone", {"so dien thoai", "dien thoai", "sdt", "di dong"}},
        {"email", {"email", "e mail", "thu dien tu"}},
        {"position", {"chuc vu", "vi tri viec lam", "chuc danh"}},
        {"subjects", {"mon day", "mon giang day", "ma mon day"}},
        {"qualification", {"trinh do chuyen mon", "trinh do dao tao", "trinh do"}},
        {"professional_rank", {"hang chuc danh nghe nghiep", "hang chuc danh", "chuc danh nghe nghiep", "hang"}},
    };
    return specs;
}

Mapping MapSheets(const std::vector<Sheet>& sheets, const std::vector<ColumnSpec>& specs,
                  const std::vector<std::string_view>& required) {
    const Sheet* best_sheet = nullptr;
    std::size_t best_row = 0, best_score = 0;
    for (const Sheet& sheet : sheets) {
        for (std::size_t r = 0; r < sheet.rows.size() && r < 30; ++r) {
            std::size_t score = 0;
            std::vector<std::string_view> found;
            for (const std::string& cell : sheet.rows[r]) {
                if (auto f = FieldOf(HeaderKey(cell), specs)) {
                    ++score;
                    found.push_back(*f);
                }
            }
            bool has_required = std::all_of(required.begin(), required.end(), [&](std::string_view f) {
                return std::find(found.begin(), found.end(), f) != found.end();
            });
            if (has_required && score >= 2 && score > best_score) {
                best_sheet = &sheet;
                best_row = r;
                best_score = score;
            }
        }
    }
    if (best_sheet == nullptr) {
        throw Error(Code::kValidation,
                    "không tìm thấy dòng tiêu đề (cần các cột như Mã học sinh, Họ và tên, Ngày sinh)");
    }
    Mapping m;
    m.sheet = best_sheet->name;
    m.header_row = best_row + 1;
    const auto& header = best_sheet->rows[best_row];
    for (std::size_t c = 0; c < header.size(); ++c) {
        auto f = FieldOf(HeaderKey(header[c]), specs);
        if (!f || m.field_columns.contains(std::string(*f)))
            continue;
        m.field_columns[std::string(*f)] = c;
        m.field_headers[std::string(*f)] = org::CollapseSpaces(header[c]);
        m.columns.emplace_back(std::string(*f), ColumnLetter(c) + " (" + org::CollapseSpaces(header[c]) + ")");
    }
    for (std::size_t r = best_row + 1; r < best_sheet->rows.size(); ++r) {
        const auto& cells = best_sheet->rows[r];
        if (Blank(cells))
            continue;
        if (m.rows.size() >= kMaxRows)
            throw Error(Code::kPayloadTooLarge, "tệp có quá 5000 dòng dữ liệu");
        MappedRow row{r + 1, {}};
        for (const auto& [field, c] : m.field_columns) {
            if (c < cells.size())
                row.values[field] = cells[c];
        }
        m.rows.push_back(std::move(row));
    }
    return m;
}

std::string DateCell(std::string_view text) {
    std::string t = org::CollapseSpaces(text);
    if (t.ends_with(".0"))
        t.resize(t.size() - 2);
    if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return std::string(text);
    }
    long serial = std::stol(t);
    if (serial < 60 || serial > 80000)
        return std::string(text);
    // Days since 1899-12-30 (Excel's epoch, which counts a 29/02/1900 that never was).
    long z = serial - 25569 + 719468;  // days since 1970-01-01, shifted to 0000-03-01
    long era = z / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long mo = mp < 10 ? mp + 3 : mp - 9;
    if (mo <= 2)
        ++y;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02ld/%02ld/%04ld", d, mo, y);
    return buf;
}

StudentRow StudentRowOf(const MappedRow& row) {
    StudentRow out;
    out.row = row.row;
    out.student = {Get(row, "code"),        Get(row, "full_name"),  Get(row, "family_name"),
                   Get(row, "middle_name"), Get(row, "given_name"), DateCell(Get(row, "birth_date")),
                   Get(row, "gender"),      Get(row, "ethnicity"),  Get(row, "birthplace"),
                   Get(row, "address"),     Get(row, "priority"),   Get(row, "policy")};
    out.class_name = org::CollapseSpaces(Get(row, "class"));
    auto add = [&](const char* name_field, const char* phone_field, const char* relation, const char* email_field) {
        std::string name = Get(row, name_field);
        std::string phone = phone_field ? Get(row, phone_field) : "";
        if (org::CollapseSpaces(name).empty())
            return;
        out.guardians.push_back({name, relation, phone, email_field ? Get(row, email_field) : ""});
    };
    add("father_name", "father_phone", "Cha", nullptr);
    add("mother_name", "mother_phone", "Mẹ", nullptr);
    add("guardian_name", nullptr, "Người giám hộ", "guardian_email");
    std::string contact = Get(row, "guardian_phone");
    if (!org::CollapseSpaces(contact).empty()) {
        bool placed = false;
        for (GuardianInput& g : out.guardians) {
            if (org::CollapseSpaces(g.phone).empty()) {
                g.phone = contact;
                placed = true;
                break;
            }
        }
        if (!placed && out.guardians.empty())
            out.guardians.push_back({"Phụ huynh", "Phụ huynh", contact, ""});
    }
    return out;
}

StaffInput StaffRowOf(const MappedRow& row) {
    StaffInput s{Get(row, "full_name"),
                 Get(row, "family_name"),
                 Get(row, "middle_name"),
                 Get(row, "given_name"),
                 DateCell(Get(row, "birth_date")),
                 Get(row, "gender"),
                 Get(row, "ethnicity"),
                 Get(row, "phone"),
                 Get(row, "email"),
                 Get(row, "position"),
                 {},
                 Get(row, "qualification"),
                 Get(row, "professional_rank")};
    std::string subjects = Get(row, "subjects");
    std::string current;
    for (char c : subjects + ",") {
        if (c == ',' || c == ';') {
            std::string t = org::CollapseSpaces(current);
            if (!t.empty())
                s.subjects.push_back(t);
            current.clear();
        } else {
            current.push_back(c);
        }
    }
    return s;
}

void AddProblems(std::vector<RowProblem>& out, const Mapping& mapping, std::size_t row,
                 const std::vector<FieldProblem>& problems) {
    for (const FieldProblem& p : problems) {
        std::string field = p.field;
        if (field.starts_with("guardian."))
            field = "guardian_name";
        if ((field == "family_name" || field == "middle_name" || field == "given_name") &&
            !mapping.field_columns.contains(field)) {
            field = "full_name";
        }
        RowProblem rp{mapping.sheet, row, "", "", p.message};
        if (auto it = mapping.field_columns.find(field); it != mapping.field_columns.end()) {
            rp.column = ColumnLetter(it->second);
            rp.header = mapping.field_headers.at(field);
        }
        out.push_back(std::move(rp));
    }
}

}  // namespace hocvu::people::import
