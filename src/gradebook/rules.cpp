#include "gradebook/rules.hpp"

#include <algorithm>
#include <cstdio>

#include "assessment/tt22/tt22.hpp"
#include "assessment/tt27/tt27.hpp"
#include "assessment/tt58/tt58.hpp"

namespace hocvu::gradebook {

std::string_view ItemKindCode(ItemKind kind) {
    switch (kind) {
        case ItemKind::kRegular: return "tx";
        case ItemKind::kMidterm: return "gk";
        case ItemKind::kFinal: return "ck";
    }
    return "tx";
}

std::optional<ItemKind> ParseItemKind(std::string_view code) {
    if (code == "tx") return ItemKind::kRegular;
    if (code == "gk") return ItemKind::kMidterm;
    if (code == "ck") return ItemKind::kFinal;
    return std::nullopt;
}

std::string_view CellStatusCode(CellStatus status) {
    switch (status) {
        case CellStatus::kEntered: return "entered";
        case CellStatus::kMakeup: return "makeup";
        case CellStatus::kNoMakeup: return "no_makeup";
        case CellStatus::kPending: return "pending";
    }
    return "entered";
}

std::optional<CellStatus> ParseCellStatus(std::string_view code) {
    if (code == "entered") return CellStatus::kEntered;
    if (code == "makeup") return CellStatus::kMakeup;
    if (code == "no_makeup") return CellStatus::kNoMakeup;
    if (code == "pending") return CellStatus::kPending;
    return std::nullopt;
}

std::string_view CellTypeCode(CellType type) {
    switch (type) {
        case CellType::kScore: return "score";
        case CellType::kComment: return "comment";
        case CellType::kLevel: return "level";
        case CellType::kWholeScore: return "whole_score";
    }
    return "score";
}

std::string CellValue::Text() const {
    if (score) return score->ToString();
    if (pass) return *pass ? "Đ" : "CĐ";
    if (level) return *level >= 2 ? "HTT" : *level == 1 ? "HT" : "CHT";
    return "";
}

std::vector<Column> SheetColumns(assessment::SubjectKind kind, int periods_per_year, int topics) {
    std::vector<Column> columns;
    const int regular = assessment::tt22::RequiredRegularCount(kind, periods_per_year, topics);
    for (int i = 1; i <= regular; ++i) {
        bool topic = i > regular - topics;
        std::string label = "TX" + std::to_string(i);
        if (topic) label += " (CĐ)";
        columns.push_back({"tx" + std::to_string(i), ItemKind::kRegular, label, topic});
    }
    columns.push_back({"gk", ItemKind::kMidterm, "GK", false});
    columns.push_back({"ck", ItemKind::kFinal, "CK", false});
    return columns;
}

std::vector<Column> Tt58Columns(bool scored, int periods_per_year) {
    const CellType type = scored ? CellType::kScore : CellType::kComment;
    std::vector<Column> columns;
    const int regular = assessment::tt58::RequiredRegularCount(assessment::Regulation::kTt58, periods_per_year);
    for (int i = 1; i <= regular + 2; ++i) {
        columns.push_back({"tx" + std::to_string(i), ItemKind::kRegular, "HS1-" + std::to_string(i), false, type,
                           i > regular});
    }
    for (int i = 1; i <= 3; ++i) {
        columns.push_back({"gk" + std::to_string(i), ItemKind::kMidterm, "HS2-" + std::to_string(i), false, type,
                           i > 1});
    }
    columns.push_back({"ck", ItemKind::kFinal, "HK", false, type, false});
    return columns;
}

std::vector<Column> Tt27Columns(std::string_view code, int grade) {
    assessment::SubjectInput subject;
    subject.code = std::string(code);
    const bool final_test = assessment::tt27::HasYearTest(subject, grade);
    const bool mid_test = grade >= 4 && (code == "TV" || code == "TOAN");
    std::vector<Column> columns;
    columns.push_back({"gk_muc", ItemKind::kMidterm, "Mức GK", false, CellType::kLevel, false});
    if (mid_test) columns.push_back({"gk_kt", ItemKind::kMidterm, "KT GK", false, CellType::kWholeScore, false});
    columns.push_back({"ck_muc", ItemKind::kFinal, "Mức CK", false, CellType::kLevel, false});
    if (final_test) columns.push_back({"ck_kt", ItemKind::kFinal, "KT CK", false, CellType::kWholeScore, false});
    return columns;
}

std::optional<CellValue> ParseColumnValue(CellType type, std::string_view text) {
    switch (type) {
        case CellType::kScore: return ParseCellValue(true, text);
        case CellType::kComment: return ParseCellValue(false, text);
        case CellType::kWholeScore: {
            auto value = ParseCellValue(true, text);
            if (!value || (value->score && value->score->tenths() % 10 != 0)) return std::nullopt;
            return value;
        }
        case CellType::kLevel: break;
    }
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return CellValue{};
    std::string upper;
    for (char c : text) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    CellValue value;
    if (upper == "T" || upper == "HTT") {
        value.level = 2;
    } else if (upper == "H" || upper == "HT") {
        value.level = 1;
    } else if (upper == "C" || upper == "CHT") {
        value.level = 0;
    } else {
        return std::nullopt;
    }
    return value;
}

std::string_view InvalidValueMessage(CellType type) {
    switch (type) {
        case CellType::kScore: return "điểm là số từ 0 đến 10, tối đa một chữ số thập phân";
        case CellType::kComment: return "nhập Đ hoặc CĐ";
        case CellType::kLevel: return "nhập T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành)";
        case CellType::kWholeScore: return "điểm bài kiểm tra định kì là số nguyên từ 0 đến 10";
    }
    return "";
}

std::optional<ItemKind> KindOfItem(std::string_view item) {
    if (item == "gk" || item == "gk_muc" || item == "gk_kt") return ItemKind::kMidterm;
    if (item == "ck" || item == "ck_muc" || item == "ck_kt") return ItemKind::kFinal;
    if (item.size() == 3 && item.starts_with("gk") && item[2] >= '1' && item[2] <= '6') return ItemKind::kMidterm;
    if (item.size() < 3 || item.size() > 4 || !item.starts_with("tx")) return std::nullopt;
    for (char c : item.substr(2)) {
        if (c < '0' || c > '9') return std::nullopt;
    }
    int n = std::stoi(std::string(item.substr(2)));
    if (n < 1 || n > assessment::SemesterMarks::kMaxRegular || item[2] == '0') return std::nullopt;
    return ItemKind::kRegular;
}

std::optional<CellValue> ParseCellValue(bool scored, std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.empty()) return CellValue{};
    if (scored) {
        auto score = Tenths::ParseScore(text);
        if (!score) return std::nullopt;
        return CellValue{score, std::nullopt, std::nullopt};
    }
    std::string upper;
    for (char c : text) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (upper == "Đ" || upper == "đ" || upper == "D") return CellValue{std::nullopt, true, std::nullopt};
    if (upper == "CĐ" || upper == "Cđ" || upper == "CD") return CellValue{std::nullopt, false, std::nullopt};
    return std::nullopt;
}

assessment::Mark ToMark(const CellValue& value) {
    if (value.score) return assessment::Mark::Score(*value.score);
    if (value.pass) return assessment::Mark::Comment(*value.pass);
    return assessment::Mark::Missing();
}

void FillSemesterMarks(const std::vector<Column>& columns, const std::vector<Cell>& cells,
                       assessment::SemesterMarks& marks) {
    marks = assessment::SemesterMarks{};
    marks.taught = true;
    marks.midterm_count = 0;
    marks.final = assessment::Mark::Missing();
    auto find = [&](const std::string& item) -> assessment::Mark {
        for (const Cell& c : cells) {
            if (c.item == item) return ToMark(c.value);
        }
        return assessment::Mark::Missing();
    };
    for (const Column& col : columns) {
        const assessment::Mark mark = find(col.item);
        // TT58 (2011): a test beyond the minimum count takes part only when it was given.
        if (col.optional && mark.IsMissing()) continue;
        if (col.kind == ItemKind::kRegular) {
            if (marks.regular_count < assessment::SemesterMarks::kMaxRegular) {
                marks.regular[marks.regular_count++] = mark;
            }
        } else if (col.kind == ItemKind::kMidterm) {
            if (marks.midterm_count < assessment::SemesterMarks::kMaxMidterm) {
                marks.midterm[marks.midterm_count++] = mark;
            }
        } else {
            marks.final = mark;
        }
    }
    if (marks.midterm_count == 0) {
        marks.midterm_count = 1;
        marks.midterm[0] = assessment::Mark::Missing();
    }
}

namespace {

// Howard Hinnant's days-from-civil, proleptic Gregorian.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(yy + (m <= 2));
}

bool Digits(std::string_view text, std::size_t at, std::size_t n, int& out) {
    if (at + n > text.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

}  // namespace

std::optional<Micros> ParseTime(std::string_view text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!Digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !Digits(text, 5, 2, mo) || text[7] != '-' ||
        !Digits(text, 8, 2, d) || mo < 1 || mo > 12 || d < 1 || d > 31) {
        return std::nullopt;
    }
    std::int64_t days = DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    constexpr std::int64_t kSecond = 1000000;
    if (text.size() == 10) return (days * 86400 - 7 * 3600) * kSecond;
    if (text.size() != 20 || text[10] != 'T' || !Digits(text, 11, 2, h) || text[13] != ':' ||
        !Digits(text, 14, 2, mi) || text[16] != ':' || !Digits(text, 17, 2, s) || text[19] != 'Z' || h > 23 ||
        mi > 59 || s > 59) {
        return std::nullopt;
    }
    return (days * 86400 + h * 3600 + mi * 60 + s) * kSecond;
}

std::string FormatTime(Micros at) {
    std::int64_t seconds = at / 1000000;
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    int y = 0;
    unsigned m = 0, d = 0;
    CivilFromDays(days, y, m, d);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return buffer;
}

}  // namespace hocvu::gradebook
