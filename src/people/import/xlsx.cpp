#include <expat.h>
#include <zip.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>

#include "common/error.hpp"
#include "people/import/table.hpp"

namespace hocvu::people::import {
namespace {

[[noreturn]] void NotAWorkbook() {
    throw Error(Code::kValidation, "tệp .xlsx bị hỏng hoặc không phải sổ tính Excel");
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

/// An opened .xlsx: reads parts with the expansion limits (a zip bomb is refused before it is expanded).
class Archive {
public:
    explicit Archive(std::string_view bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source == nullptr)
            NotAWorkbook();
        zip_t* z = zip_open_from_source(source, ZIP_RDONLY, &error);
        zip_error_fini(&error);
        if (z == nullptr) {
            zip_source_free(source);
            NotAWorkbook();
        }
        zip_.reset(z);
        if (zip_get_num_entries(z, 0) > 2000)
            throw Error(Code::kValidation, "tệp .xlsx có quá nhiều phần");
    }

    bool Has(const std::string& name) { return zip_name_locate(zip_.get(), name.c_str(), 0) >= 0; }

    std::string Read(const std::string& name) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat(zip_.get(), name.c_str(), 0, &st) != 0)
            NotAWorkbook();
        if ((st.valid & ZIP_STAT_SIZE) == 0 || (st.valid & ZIP_STAT_COMP_SIZE) == 0)
            NotAWorkbook();
        if (st.size > kMaxExpandedBytes - expanded_ ||
            (st.size > zip_uint64_t{1024} * 1024 &&
             st.size / std::max<zip_uint64_t>(st.comp_size, 1) > kMaxExpansionRatio)) {
            throw Error(Code::kPayloadTooLarge, "tệp .xlsx giải nén quá lớn (nghi là zip bomb)");
        }
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen(zip_.get(), name.c_str(), 0), zip_fclose);
        if (!file)
            NotAWorkbook();
        std::string out;
        out.resize(static_cast<std::size_t>(st.size));
        std::size_t got = 0;
        while (got < out.size()) {
            zip_int64_t n = zip_fread(file.get(), out.data() + got, out.size() - got);
            if (n <= 0)
                NotAWorkbook();
            got += static_cast<std::size_t>(n);
        }
        char extra;
        if (zip_fread(file.get(), &extra, 1) != 0)
            NotAWorkbook();  // more data than the header says
        expanded_ += out.size();
        return out;
    }

private:
    std::unique_ptr<zip_t, ZipCloser> zip_;
    std::size_t expanded_ = 0;
};

std::string_view LocalName(const char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attr(const char** attrs, std::string_view key) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
        if (LocalName(attrs[i]) == key)
            return attrs[i + 1];
    }
    return nullptr;
}

/// Runs expat over `xml` with `Handler` (which has Start, End and Text).
template <class Handler>
void Parse(const std::string& xml, Handler& handler) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(XML_ParserCreate("UTF-8"),
                                                                                    XML_ParserFree);
    XML_SetUserData(parser.get(), &handler);
    XML_SetElementHandler(
        parser.get(),
        [](void* data, const char* name, const char** attrs) {
            static_cast<Handler*>(data)->Start(LocalName(name), attrs);
        },
        [](void* data, const char* name) { static_cast<Handler*>(data)->End(LocalName(name)); });
    XML_SetCharacterDataHandler(parser.get(), [](void* data, const char* s, int len) {
        static_cast<Handler*>(data)->Text(std::string_view(s, static_cast<std::size_t>(len)));
    });
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
        NotAWorkbook();
}

struct SharedStrings {
    std::vector<std::string> items;
    bool in_t = false;
    void Start(std::string_view name, const char**) {
        if (name == "si")
            items.emplace_back();
        if (name == "t")
            in_t = true;
    }
    void End(std::string_view name) {
        if (name == "t")
            in_t = false;
    }
    void Text(std::string_view s) {
        if (in_t && !items.empty() && items.back().size() < kMaxCellBytes * 2)
            items.back().append(s);
    }
};

struct WorkbookSheets {
    std::vector<std::pair<std::string, std::string>> sheets;  ///< name, relationship id
    void Start(std::string_view name, const char** attrs) {
        if (name != "sheet")
            return;
        const char* n = Attr(attrs, "name");
        const char* id = Attr(attrs, "id");
        if (n && id)
            sheets.emplace_back(n, id);
    }
    void End(std::string_view) {}
    void Text(std::string_view) {}
};

struct Relationships {
    std::map<std::string, std::string> targets;
    void Start(std::string_view name, const char** attrs) {
        if (name != "Relationship")
            return;
        const char* id = Attr(attrs, "Id");
        const char* target = Attr(attrs, "Target");
        if (id && target)
            targets[id] = target;
    }
    void End(std::string_view) {}
    void Text(std::string_view) {}
};

/// Column index of a cell reference such as "AB12".
std::optional<std::size_t> ColumnOf(const char* ref) {
    if (ref == nullptr)
        return std::nullopt;
    std::size_t col = 0;
    bool any = false;
    for (const char* p = ref; *p >= 'A' && *p <= 'Z'; ++p) {
        col = col * 26 + static_cast<std::size_t>(*p - 'A' + 1);
        any = true;
        if (col > 16384)
            return std::nullopt;
    }
    if (!any)
        return std::nullopt;
    return col - 1;
}

struct SheetReader {
    SheetReader(const std::vector<std::string>& strings, std::string name) : shared(strings) {
        sheet.name = std::move(name);
    }

    const std::vector<std::string>& shared;
    Sheet sheet;
    std::size_t row = 0;
    std::size_t next_col = 0;
    std::size_t col = 0;
    std::string type;
    std::string value;
    std::string formula;
    bool in_value = false, in_formula = false, in_inline = false;

    void Start(std::string_view name, const char** attrs) {
        if (name == "row") {
            const char* r = Attr(attrs, "r");
            row = r ? static_cast<std::size_t>(std::strtoul(r, nullptr, 10)) : row + 1;
            if (row == 0 || row > kMaxRows + 50)
                throw Error(Code::kPayloadTooLarge, "trang tính có quá 5000 dòng");
            next_col = 0;
        } else if (name == "c") {
            auto c = ColumnOf(Attr(attrs, "r"));
            col = c ? *c : next_col;
            if (col >= kMaxColumns)
                throw Error(Code::kValidation, "trang tính có quá 200 cột");
            next_col = col + 1;
            const char* t = Attr(attrs, "t");
            type = t ? t : "";
            value.clear();
            formula.clear();
        } else if (name == "v" || (name == "t" && in_inline)) {
            in_value = true;
        } else if (name == "f") {
            in_formula = true;
        } else if (name == "is") {
            in_inline = true;
        }
    }
    void End(std::string_view name) {
        if (name == "v" || (name == "t" && in_inline))
            in_value = false;
        if (name == "f")
            in_formula = false;
        if (name == "is")
            in_inline = false;
        if (name != "c" || row == 0)
            return;
        std::string text;
        if (!formula.empty()) {
            text = "=" + formula;
        } else if (type == "s") {
            std::size_t index = static_cast<std::size_t>(std::strtoul(value.c_str(), nullptr, 10));
            if (index < shared.size())
                text = shared[index];
        } else {
            text = value;
        }
        if (text.size() > kMaxCellBytes)
            throw Error(Code::kValidation, "một ô dài quá 2000 byte");
        if (sheet.rows.size() < row)
            sheet.rows.resize(row);
        auto& cells = sheet.rows[row - 1];
        if (cells.size() <= col)
            cells.resize(col + 1);
        cells[col] = std::move(text);
    }
    void Text(std::string_view s) {
        if (in_formula && formula.size() < kMaxCellBytes * 2)
            formula.append(s);
        else if (in_value && value.size() < kMaxCellBytes * 2)
            value.append(s);
    }
};

std::string SheetPath(const std::string& target) {
    if (target.starts_with("/"))
        return target.substr(1);
    return "xl/" + target;
}

}  // namespace

std::vector<Sheet> ReadXlsx(std::string_view bytes) {
    Archive zip(bytes);
    if (!zip.Has("xl/workbook.xml"))
        NotAWorkbook();
    SharedStrings shared;
    if (zip.Has("xl/sharedStrings.xml"))
        Parse(zip.Read("xl/sharedStrings.xml"), shared);
    WorkbookSheets workbook;
    Parse(zip.Read("xl/workbook.xml"), workbook);
    Relationships rels;
    if (zip.Has("xl/_rels/workbook.xml.rels"))
        Parse(zip.Read("xl/_rels/workbook.xml.rels"), rels);
    std::vector<Sheet> out;
    for (std::size_t i = 0; i < workbook.sheets.size() && i < 20; ++i) {
        const auto& [name, rid] = workbook.sheets[i];
        auto it = rels.targets.find(rid);
        std::string path =
            it != rels.targets.end() ? SheetPath(it->second) : "xl/worksheets/sheet" + std::to_string(i + 1) + ".xml";
        if (!zip.Has(path))
            continue;
        SheetReader reader(shared.items, name);
        Parse(zip.Read(path), reader);
        out.push_back(std::move(reader.sheet));
    }
    if (out.empty())
        NotAWorkbook();
    return out;
}

}  // namespace hocvu::people::import
