#include <set>

#include "common/error.hpp"
#include "org/audit.hpp"
#include "org/passwords.hpp"
#include "org/policy.hpp"
#include "org/service.hpp"
#include "org/vn_text.hpp"
#include "people/service.hpp"

namespace hocvu::people {
namespace {

struct Checked {
    ImportReport report;
    std::vector<StaffInput> records;
};

Checked Check(std::string_view file) {
    import::Mapping mapping = import::MapSheets(import::ReadTable(file), import::StaffColumns(), {"full_name"});
    Checked out;
    out.report.sheet = mapping.sheet;
    out.report.header_row = mapping.header_row;
    out.report.columns = mapping.columns;
    out.report.rows = mapping.rows.size();
    std::set<std::string> seen;
    for (const import::MappedRow& row : mapping.rows) {
        CheckedStaff checked = CheckStaff(import::StaffRowOf(row));
        import::AddProblems(out.report.problems, mapping, row.row, checked.problems);
        if (!checked.clean.email.empty() && !seen.insert("e:" + checked.clean.email).second) {
            import::AddProblems(out.report.problems, mapping, row.row,
                                {{ "email",
                                   "e-mail trùng với một dòng phía trên" }});
        }
        out.records.push_back(checked.clean);
    }
    if (mapping.rows.empty())
        out.report.problems.push_back({mapping.sheet, 0, "", "", "tệp không có dòng dữ liệu nào"});
    return out;
}

}  // namespace

ImportReport PreviewStaffImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id,
                                std::string_view file) {
    ctx.db.Read([&](storage::Tx& tx) { org::Require(actor, kManageRecords, org::UnitScope(SchoolOf(tx, unit_id))); });
    return Check(file).report;
}

ImportReport CommitStaffImport(app::Context& ctx, const org::Actor& actor, std::int64_t unit_id, std::string_view file,
                               std::string_view client_address) {
    ctx.db.Read([&](storage::Tx& tx) { org::Require(actor, kManageRecords, org::UnitScope(SchoolOf(tx, unit_id))); });
    Checked checked = Check(file);
    if (!checked.report.problems.empty())
        return checked.report;
    std::vector<std::string> passwords, hashes;
    for (std::size_t i = 0; i < checked.records.size(); ++i) {
        passwords.push_back(org::RandomPassword());
        hashes.push_back(org::HashPassword(passwords.back()));
    }
    ctx.db.Write([&](storage::Tx& tx) {
        org::Unit school = SchoolOf(tx, unit_id);
        org::Require(actor, kManageRecords, org::UnitScope(school));
        org::EnsureUnlocked(tx, school.id, "accounts");
        checked.report.created.clear();
        for (std::size_t i = 0; i < checked.records.size(); ++i) {
            StaffMember s = InsertStaffTx(tx, ctx, school, checked.records[i], hashes[i], true);
            checked.report.created.push_back({std::to_string(s.id), s.full_name, s.username, passwords[i]});
        }
        org::AppendAudit(tx, ctx.ids, ctx.clock,
                         {school.id,
                          actor.account_id,
                          "people.staff_imported",
                          "unit:" + std::to_string(school.id),
                          std::string(client_address),
                          {{"rows", std::to_string(checked.records.size())}}});
    });
    checked.report.committed = true;
    return checked.report;
}

}  // namespace hocvu::people
