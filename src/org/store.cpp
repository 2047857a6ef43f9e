#include "org/store.hpp"

#include <string>

namespace hocvu::org::store {

std::string JoinLevels(const std::vector<std::string>& levels) {
    std::string out;
    for (const std::string& level : levels) {
        if (!out.empty()) out.push_back(',');
        out += level;
    }
    return out;
}

std::vector<std::string> SplitLevels(std::string_view text) {
    std::vector<std::string> levels;
    while (!text.empty()) {
        std::size_t comma = text.find(',');
        if (comma != 0) levels.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return levels;
}

Unit ReadUnit(const storage::Row& row) {
    Unit unit;
    unit.id = row.Int(0);
    unit.parent_id = row.OptInt(1);
    unit.path = row.Text(2);
    unit.kind = ParseUnitKind(row.Text(3)).value_or(UnitKind::kSchool);
    unit.code = row.Text(4);
    unit.name = row.Text(5);
    unit.district_code = row.Text(6);
    unit.levels = SplitLevels(row.Text(7));
    unit.status = row.Text(8);
    unit.totp_required = row.Int(9) != 0;
    return unit;
}

Account ReadAccount(const storage::Row& row) {
    Account a;
    a.id = row.Int(0);
    a.unit_id = row.Int(1);
    a.username = row.Text(2);
    a.kind = row.Text(3);
    a.family_name = row.Text(4);
    a.middle_name = row.Text(5);
    a.given_name = row.Text(6);
    a.full_name = row.Text(7);
    a.status = row.Text(8);
    a.must_change_password = row.Int(9) != 0;
    a.totp_enabled = row.Int(10) != 0;
    a.created_at = row.Int(11);
    return a;
}

Grant ReadGrant(const storage::Row& row, std::size_t first) {
    Grant g;
    g.id = row.Int(first);
    g.unit_id = row.Int(first + 1);
    g.account_id = row.Int(first + 2);
    g.role = ParseRole(row.Text(first + 3)).value_or(Role::kStudent);
    g.class_id = row.OptInt(first + 4);
    g.subject = row.OptText(first + 5);
    g.student_id = row.OptInt(first + 6);
    return g;
}

std::optional<Unit> FindUnit(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne("SELECT " + std::string(kUnitColumns) + " FROM units WHERE id = $1", {id});
    if (!row) return std::nullopt;
    return ReadUnit(*row);
}

std::optional<Account> FindAccount(storage::Tx& tx, std::int64_t id) {
    auto row = tx.QueryOne("SELECT " + std::string(kAccountColumns) + " FROM accounts WHERE id = $1", {id});
    if (!row) return std::nullopt;
    return ReadAccount(*row);
}

std::optional<Account> FindAccountByUsername(storage::Tx& tx, std::string_view username) {
    auto row = tx.QueryOne("SELECT " + std::string(kAccountColumns) + " FROM accounts WHERE username = $1",
                           {std::string(username)});
    if (!row) return std::nullopt;
    return ReadAccount(*row);
}

bool UsernameTaken(storage::Tx& tx, std::string_view username) {
    return tx.QueryOne("SELECT 1 FROM accounts WHERE username = $1", {std::string(username)}).has_value();
}

}  // namespace hocvu::org::store
