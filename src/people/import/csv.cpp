#include "common/error.hpp"
#include "people/import/table.hpp"

namespace hocvu::people::import {
namespace {

char GuessDelimiter(std::string_view text) {
    std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 4096));
    std::size_t comma = 0, semicolon = 0, tab = 0;
    bool quoted = false;
    for (char c : head) {
        if (c == '"')
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == ',')
            ++comma;
        if (c == ';')
            ++semicolon;
        if (c == '\t')
            ++tab;
    }
    if (semicolon > comma && semicolon >= tab)
        return ';';
    if (tab > comma)
        return '\t';
    return ',';
}

}  // namespace

std::string ColumnLetter(std::size_t index) {
    std::string out;
    ++index;
    while (index > 0) {
        std::size_t rem = (index - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + rem));
        index = (index - 1) / 26;
    }
    return out;
}

std::vector<Sheet> ReadCsv(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.remove_prefix(3);
    if (text.find('\0') != std::string_view::npos) {
        throw Error(Code::kValidation, "tệp không phải là bảng CSV hay Excel (.xlsx)");
    }
    char delimiter = GuessDelimiter(text);
    Sheet sheet{"CSV", {}};
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    bool any = false;
    auto end_cell = [&] {
        if (cell.size() > kMaxCellBytes)
            throw Error(Code::kValidation, "một ô dài quá 2000 byte");
        row.push_back(std::move(cell));
        cell.clear();
        if (row.size() > kMaxColumns)
            throw Error(Code::kValidation, "tệp có quá 200 cột");
    };
    auto end_row = [&] {
        end_cell();
        sheet.rows.push_back(std::move(row));
        row.clear();
        if (sheet.rows.size() > kMaxRows + 50)
            throw Error(Code::kPayloadTooLarge, "tệp có quá 5000 dòng");
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        any = true;
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell.push_back(c);
            }
        } else if (c == '"' && cell.empty()) {
            quoted = true;
        } else if (c == delimiter) {
            end_cell();
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            end_row();
            any = false;
        } else if (c == '\n') {
            end_row();
            any = false;
        } else {
            cell.push_back(c);
        }
    }
    if (quoted)
        throw Error(Code::kValidation, "tệp CSV có dấu ngoặc kép không đóng");
    if (any)
        end_row();
    return {std::move(sheet)};
}

std::vector<Sheet> ReadTable(std::string_view bytes) {
    if (bytes.size() > kMaxFileBytes)
        throw Error(Code::kPayloadTooLarge, "tệp lớn hơn 5 MB");
    if (bytes.empty())
        throw Error(Code::kValidation, "tệp rỗng");
    if (bytes.starts_with("PK\x03\x04"))
        return ReadXlsx(bytes);
    return ReadCsv(bytes);
}

}  // namespace hocvu::people::import
