#include <map>
#include <set>

#include "schooling/internal.hpp"

namespace hocvu::schooling {
namespace {

struct Planned {
    people::StudentInput student;
    std::vector<people::GuardianInput> guardians;
    std::int64_t class_id = 0;
};

struct Checked {
    people::ImportReport report;
    std::vector<Planned> rows;
    std::int64_t year_id = 0;
};

/// Every check of the import, in a read transaction: header, each field, duplicate codes in the file and in the
/// school, and each row's class in the year.
Checked Check(storage::Tx& tx, std::int64_t unit_id, std::string_view year_text, std::optional<std::int64_t> class_id,
              std::string_view file) {
    std::optional<ClassInfo> fixed;
    std::optional<SchoolYear> year;
    if (class_id) {
        fixed = detail::LoadClass(tx, *class_id);
        if (fixed->unit_id != unit_id)
            throw Error(Code::kNotFound, "no such class in this school");
        year = FindYearTx(tx, fixed->year_id);
    } else {
        year = FindYearByNameTx(tx, unit_id, year_text);
        if (!year)
            throw Error(Code::kNotFound, "no such school year");
    }
    std::map<std::string, std::int64_t> classes;
    for (const storage::Row& row :
         tx.Query("SELECT name, id FROM classes WHERE unit_id = $1 AND year_id = $2", {unit_id, year->id})) {
        classes.emplace(row.Text(0), row.Int(1));
    }
    people::import::Mapping mapping =
        people::import::MapSheets(people::import::ReadTable(file), people::import::StudentColumns(), {"code"});
    Checked out;
    out.year_id = year->id;
    out.report.sheet = mapping.sheet;
    out.report.header_row = mapping.header_row;
    out.report.columns = mapping.columns;
    out.report.rows = mapping.rows.size();
    auto& problems = out.report.problems;
    if (!mapping.field_columns.contains("full_name") && !mapping.field_columns.contains("given_name")) {
        problems.push_back({mapping.sheet, mapping.header_row, "", "", "thiếu cột Họ và tên"});
    }
    if (!mapping.field_columns.contains("birth_date")) {
        problems.push_back({mapping.sheet, mapping.header_row, "", "", "thiếu cột Ngày sinh"});
    }
    if (!fixed && !mapping.field_columns.contains("class")) {
        problems.push_back(
            {mapping.sheet, mapping.header_row, "", "", "thiếu cột Lớp (hoặc chọn một lớp để nhập vào)"});
    }
    std::map<std::string, std::size_t> seen;
    for (const people::import::MappedRow& mapped : mapping.rows) {
        people::import::StudentRow row = people::import::StudentRowOf(mapped);
        people::CheckedStudent checked = people::CheckStudent(row.student);
        std::vector<people::FieldProblem> row_problems = checked.problems;
        Planned planned{checked.clean, {}, fixed ? fixed->id : 0};
        for (people::GuardianInput g : row.guardians) {
            auto gp = people::CheckGuardian(g);
            row_problems.insert(row_problems.end(), gp.begin(), gp.end());
            planned.guardians.push_back(g);
        }
        const std::string& code = checked.clean.code;
        if (!code.empty()) {
            if (auto it = seen.find(code); it != seen.end()) {
                row_problems.push_back({"code", "mã học sinh trùng với dòng " + std::to_string(it->second)});
            } else {
                seen.emplace(code, mapped.row);
                if (people::FindStudentByCodeTx(tx, unit_id, code)) {
                    row_problems.push_back({"code", "mã học sinh đã có trong trường"});
                }
            }
        }
        if (!fixed) {
            auto it = classes.find(row.class_name);
            if (row.class_name.empty()) {
                row_problems.push_back({"class", "thiếu tên lớp"});
            } else if (it == classes.end()) {
                row_problems.push_back(
                    {"class", "không có lớp " + people::CleanText(row.class_name) + " trong năm học " + year->name});
            } else {
                planned.class_id = it->second;
            }
        }
        people::import::AddProblems(problems, mapping, mapped.row, row_problems);
        out.rows.push_back(std::move(planned));
    }
    if (mapping.rows.empty())
        problems.push_back({mapping.sheet, 0, "", "", "tệp không có dòng dữ liệu nào"});
    return out;
}

}  // namespace

people::ImportReport PreviewStudentImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                          std::string_view year, std::optional<std::int64_t> class_id,
                                          std::string_view file) {
    return ctx.db.Read([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, kManageStudents, unit_id);
        return Check(tx, unit_id, year, class_id, file).report;
    });
}

people::ImportReport CommitStudentImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                         std::string_view year, std::optional<std::int64_t> class_id,
                                         std::string_view file, std::string_view client_address) {
    std::string day = detail::Today(ctx.clock);
    return ctx.db.Write([&](storage::Tx& tx) {
        detail::RequireOnSchool(tx, actor, kManageStudents, unit_id);
        Checked checked = Check(tx, unit_id, year, class_id, file);
        if (!checked.report.problems.empty())
            return checked.report;
        std::map<std::int64_t, ClassInfo> classes;
        for (const Planned& row : checked.rows) {
            auto it = classes.find(row.class_id);
            if (it == classes.end())
                it = classes.emplace(row.class_id, detail::LoadClass(tx, row.class_id)).first;
            people::Student s = people::InsertStudentTx(tx, ctx, unit_id, row.student);
            for (const people::GuardianInput& g : row.guardians)
                people::InsertGuardianTx(tx, ctx, unit_id, s.id, g);
            EnrolTx(tx, ctx, it->second, s.id, day);
            checked.report.created.push_back({std::to_string(s.id), s.code, s.full_name, it->second.name});
        }
        detail::Audit(tx, ctx, actor, unit_id, "schooling.students_imported", "unit:" + std::to_string(unit_id),
                      client_address, {{"rows", std::to_string(checked.rows.size())}});
        checked.report.committed = true;
        return checked.report;
    });
}

}  // namespace hocvu::schooling
