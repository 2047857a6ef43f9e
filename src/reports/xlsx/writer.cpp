#include "reports/xlsx/writer.hpp"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace hocvu::reports::xlsx {
namespace {

constexpr std::string_view kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Decodes one UTF-8 character at `i`; returns its length, or 0 for an invalid sequence.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values beyond Unicode are invalid.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

bool XmlAllowed(char32_t cp) {
    if (cp == 0x9 || cp == 0xA || cp == 0xD)
        return true;
    if (cp < 0x20)
        return false;
    return cp != 0xFFFE && cp != 0xFFFF;
}

/// Lower case for comparing sheet names as Excel does (case-insensitively): ASCII and the Latin letters Vietnamese
/// uses (Latin-1, Latin Extended-A, Ơ/Ư, and the Latin Extended Additional block of ạ…ỹ).
std::u32string FoldCase(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t len = DecodeUtf8(s, i, cp);
        if (len == 0) {
            cp = 0xFFFD;
            len = 1;
        }
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) {
            cp += 0x20;
        } else if (((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) || (cp >= 0x1EA0 && cp <= 0x1EFF)) &&
                   cp % 2 == 0) {
            cp += 1;
        } else if ((cp >= 0x139 && cp <= 0x148) && cp % 2 == 1) {
            cp += 1;
        } else if (cp == 0x1A0 || cp == 0x1AF) {
            cp += 1;  // Ơ → ơ, Ư → ư
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

const char* StyleIndex(const Cell& cell) {
    // The indexes of <cellXfs> in StylesXml().
    switch (cell.style) {
        case Style::kHeader:
            return "3";
        case Style::kTitle:
            return "4";
        case Style::kNote:
            return "5";
        case Style::kNumber:
        case Style::kText:
            break;
    }
    if (cell.kind == Cell::Kind::kNumber) {
        static constexpr const char* kByDecimals[] = {"6", "7", "8", "9", "10"};
        return kByDecimals[std::clamp(cell.decimals, 0, 4)];
    }
    // Text that a spreadsheet would read as a formula keeps Excel's quote prefix (shown as typed, never run).
    if (!cell.text.empty() &&
        (cell.text[0] == '=' || cell.text[0] == '+' || cell.text[0] == '-' || cell.text[0] == '@')) {
        return "2";
    }
    return "1";
}

std::string DecimalText(std::int64_t units, int decimals) {
    const bool negative = units < 0;
    // Magnitude without overflow for INT64_MIN.
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    std::string digits = std::to_string(magnitude);
    if (decimals > 0) {
        const auto d = static_cast<std::size_t>(decimals);
        if (digits.size() <= d)
            digits.insert(0, d + 1 - digits.size(), '0');
        digits.insert(digits.size() - d, ".");
    }
    return negative ? "-" + digits : digits;
}

std::string StylesXml() {
    std::string font = "<sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/>";
    std::string border =
        "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom>"
        "<diagonal/></border>";
    std::string out(kXmlHead);
    out += "<styleSheet xmlns=\"" + std::string(kMainNs) + "\">";
    out +=
        "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"0.0\"/><numFmt numFmtId=\"165\" "
        "formatCode=\"0.00\"/><numFmt numFmtId=\"166\" formatCode=\"0.000\"/><numFmt numFmtId=\"167\" "
        "formatCode=\"0.0000\"/></numFmts>";
    out += "<fonts count=\"4\"><font>" + font + "</font><font><b/>" + font + "</font><font><b/><sz val=\"14\"/>" +
           "<name val=\"Times New Roman\"/><family val=\"1\"/></font><font><i/>" + font + "</font></fonts>";
    out +=
        "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill "
        "patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E1F2\"/>"
        "<bgColor indexed=\"64\"/></patternFill></fill></fills>";
    out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>" + border + "</borders>";
    out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>";
    out += "<cellXfs count=\"11\">";
    out += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>";  // 0 default
    out +=
        "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" "
        "applyBorder=\"1\"><alignment vertical=\"center\"/></xf>";  // 1 text
    out +=
        "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" "
        "applyBorder=\"1\" quotePrefix=\"1\"><alignment vertical=\"center\"/></xf>";  // 2 formula-looking text
    out +=
        "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" "
        "applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\" "
        "wrapText=\"1\"/></xf>";                                                                        // 3 header
    out += "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>";  // 4 title
    out += "<xf numFmtId=\"0\" fontId=\"3\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>";  // 5 note
    const char* formats[] = {"1", "164", "165", "166", "167"};
    for (const char* f : formats) {  // 6–10 numbers with 0–4 decimals
        out += "<xf numFmtId=\"" + std::string(f) +
               "\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyBorder=\"1\" "
               "applyAlignment=\"1\"><alignment horizontal=\"center\" vertical=\"center\"/></xf>";
    }
    out += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>";
    out += "</styleSheet>";
    return out;
}

std::string Ref(std::size_t row, std::size_t col) {
    return ColumnName(col) + std::to_string(row + 1);
}

std::string SheetXml(const Worksheet& sheet) {
    std::size_t width = 0;
    for (const auto& row : sheet.rows)
        width = std::max(width, row.size());
    std::string out(kXmlHead);
    out += "<worksheet xmlns=\"" + std::string(kMainNs) + "\" xmlns:r=\"" + std::string(kRelNs) + "\">";
    if (!sheet.rows.empty() && width > 0) {
        out += "<dimension ref=\"A1:" + Ref(sheet.rows.size() - 1, width - 1) + "\"/>";
    }
    out += "<sheetViews><sheetView workbookViewId=\"0\"";
    if (sheet.frozen_rows > 0) {
        const std::string top = "A" + std::to_string(sheet.frozen_rows + 1);
        out += "><pane ySplit=\"" + std::to_string(sheet.frozen_rows) + "\" topLeftCell=\"" + top +
               "\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"" + top +
               "\" sqref=\"" + top + "\"/></sheetView>";
    } else {
        out += "/>";
    }
    out += "</sheetViews><sheetFormatPr defaultRowHeight=\"15.75\"/>";
    bool any_width = false;
    std::string cols = "<cols>";
    for (std::size_t i = 0; i < sheet.widths.size(); ++i) {
        if (sheet.widths[i] <= 0)
            continue;
        any_width = true;
        const std::string n = std::to_string(i + 1);
        cols += "<col min=\"" + n + "\" max=\"" + n + "\" width=\"" + std::to_string(std::min(sheet.widths[i], 255)) +
                "\" customWidth=\"1\"/>";
    }
    if (any_width)
        out += cols + "</cols>";
    out += "<sheetData>";
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        out += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            const Cell& cell = sheet.rows[r][c];
            if (cell.kind == Cell::Kind::kEmpty && cell.style == Style::kText)
                continue;
            out += "<c r=\"" + Ref(r, c) + "\" s=\"" + StyleIndex(cell) + "\"";
            switch (cell.kind) {
                case Cell::Kind::kEmpty:
                    out += "/>";
                    break;
                case Cell::Kind::kNumber:
                    out += "><v>" + DecimalText(cell.units, cell.decimals) + "</v></c>";
                    break;
                case Cell::Kind::kText:
                    out += " t=\"inlineStr\"><is><t xml:space=\"preserve\">" + Escape(cell.text) + "</t></is></c>";
                    break;
            }
        }
        out += "</row>";
    }
    out += "</sheetData>";
    if (!sheet.merges.empty()) {
        out += "<mergeCells count=\"" + std::to_string(sheet.merges.size()) + "\">";
        for (const Merge& m : sheet.merges) {
            out += "<mergeCell ref=\"" + Ref(m.first_row, m.first_col) + ":" + Ref(m.last_row, m.last_col) + "\"/>";
        }
        out += "</mergeCells>";
    }
    out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>";
    out += std::string("<pageSetup paperSize=\"9\" orientation=\"") + (sheet.landscape ? "landscape" : "portrait") +
           "\" fitToHeight=\"0\"/>";
    out += "</worksheet>";
    return out;
}

struct ZipDiscard {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};

[[noreturn]] void Fail(const char* what) {
    throw std::runtime_error(std::string("xlsx: ") + what);
}

/// Zips `parts` (name, content) in order into one archive, with a fixed time so the same workbook gives the same
/// bytes.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, SourceFree> buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    zip_error_fini(&error);
    if (!buffer)
        Fail("cannot create a buffer");
    zip_error_init(&error);
    zip_t* raw = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    zip_error_fini(&error);
    if (raw == nullptr)
        Fail("cannot open the archive");
    zip_source_keep(buffer.get());  // the archive takes a reference; we keep ours to read the bytes back
    std::unique_ptr<zip_t, ZipDiscard> archive(raw);
    for (const auto& [name, content] : parts) {
        zip_source_t* source = zip_source_buffer(archive.get(), content.data(), content.size(), 0);
        if (source == nullptr)
            Fail("cannot add a part");
        const zip_int64_t index = zip_file_add(archive.get(), name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            Fail("cannot add a part");
        }
        zip_file_set_mtime(archive.get(), static_cast<zip_uint64_t>(index), 1767225600, 0);  // 2026-01-01
        zip_set_file_compression(archive.get(), static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6);
    }
    if (zip_close(archive.get()) != 0)
        Fail("cannot write the archive");
    (void)archive.release();  // zip_close freed it
    if (zip_source_open(buffer.get()) != 0)
        Fail("cannot read the archive");
    std::string out;
    char chunk[16384];
    for (;;) {
        const zip_int64_t n = zip_source_read(buffer.get(), chunk, sizeof chunk);
        if (n < 0) {
            zip_source_close(buffer.get());
            Fail("cannot read the archive");
        }
        if (n == 0)
            break;
        out.append(chunk, static_cast<std::size_t>(n));
    }
    zip_source_close(buffer.get());
    return out;
}

}  // namespace

Cell Cell::Text(std::string text, Style style) {
    Cell c;
    c.kind = Kind::kText;
    c.text = std::move(text);
    c.style = style;
    return c;
}

Cell Cell::Integer(std::int64_t value) {
    return Decimal(value, 0);
}

Cell Cell::Score(Tenths value) {
    return Decimal(value.tenths(), 1);
}

Cell Cell::Decimal(std::int64_t units, int decimals) {
    Cell c;
    c.kind = Kind::kNumber;
    c.units = units;
    c.decimals = std::clamp(decimals, 0, 4);
    c.style = Style::kNumber;
    return c;
}

Cell Cell::Mark(std::string_view text) {
    if (auto score = Tenths::ParseScore(text))
        return Score(*score);
    return Text(std::string(text));
}

std::string Escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = DecodeUtf8(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
            ++i;
            continue;
        }
        if (!XmlAllowed(cp)) {
            i += len;
            continue;
        }
        switch (cp) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::string ColumnName(std::size_t index) {
    std::string name;
    std::size_t n = index + 1;
    while (n > 0) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return name;
}

std::string SheetName(std::string_view wanted, const std::vector<std::string>& taken) {
    std::string clean;
    for (std::size_t i = 0; i < wanted.size();) {
        char32_t cp = 0;
        std::size_t len = DecodeUtf8(wanted, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        if (cp < 0x20 || !XmlAllowed(cp)) {
            i += len;
            continue;
        }
        if (cp == ':' || cp == '\\' || cp == '/' || cp == '?' || cp == '*' || cp == '[' || cp == ']') {
            clean += '-';
        } else {
            clean.append(wanted.substr(i, len));
        }
        i += len;
    }
    auto trim_quotes = [](std::string& s) {
        while (!s.empty() && (s.front() == '\'' || s.front() == ' '))
            s.erase(s.begin());
        while (!s.empty() && (s.back() == '\'' || s.back() == ' '))
            s.pop_back();
    };
    trim_quotes(clean);
    if (clean.empty())
        clean = "Trang";
    // Cuts `s` to at most `units` UTF-16 units at a character boundary.
    auto cut = [](const std::string& s, std::size_t units) {
        std::size_t used = 0, i = 0;
        while (i < s.size()) {
            char32_t cp = 0;
            const std::size_t len = DecodeUtf8(s, i, cp);
            const std::size_t u = cp >= 0x10000 ? 2 : 1;
            if (len == 0 || used + u > units)
                break;
            used += u;
            i += len;
        }
        return s.substr(0, i);
    };
    auto lower = [](const std::string& s) { return FoldCase(s); };
    auto is_taken = [&](const std::string& name) {
        return std::any_of(taken.begin(), taken.end(), [&](const std::string& t) { return lower(t) == lower(name); });
    };
    std::string name = cut(clean, 31);
    trim_quotes(name);
    for (int n = 2; is_taken(name); ++n) {
        const std::string suffix = " (" + std::to_string(n) + ")";
        std::string base = cut(clean, 31 - suffix.size());
        trim_quotes(base);
        name = base + suffix;
    }
    return name;
}

std::string Write(const Workbook& workbook) {
    std::vector<std::string> names;
    for (const Worksheet& sheet : workbook.sheets)
        names.push_back(SheetName(sheet.name, names));
    if (names.empty())
        names.push_back("Trang 1");
    const std::size_t count = names.size();

    std::string types(kXmlHead);
    types +=
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        "<Override PartName=\"/xl/styles.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
    for (std::size_t i = 0; i < count; ++i) {
        types += "<Override PartName=\"/xl/worksheets/sheet" + std::to_string(i + 1) +
                 ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>";
    }
    types += "</Types>";

    std::string root_rels(kXmlHead);
    root_rels +=
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
        "Target=\"xl/workbook.xml\"/>"
        "<Relationship Id=\"rId2\" "
        "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
        "Target=\"docProps/core.xml\"/>"
        "<Relationship Id=\"rId3\" "
        "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
        "Target=\"docProps/app.xml\"/></Relationships>";

    std::string core(kXmlHead);
    core +=
        "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
        Escape(workbook.title) + "</dc:title><dc:creator>Hocvu</dc:creator></cp:coreProperties>";
    std::string app(kXmlHead);
    app +=
        "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        "<Application>Hocvu</Application></Properties>";

    std::string book(kXmlHead);
    book += "<workbook xmlns=\"" + std::string(kMainNs) + "\" xmlns:r=\"" + std::string(kRelNs) +
            "\"><bookViews><workbookView/></bookViews><sheets>";
    for (std::size_t i = 0; i < count; ++i) {
        book += "<sheet name=\"" + Escape(names[i]) + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId" +
                std::to_string(i + 1) + "\"/>";
    }
    book += "</sheets>";
    // Print titles: the frozen rows repeat on every printed page.
    std::string defined;
    for (std::size_t i = 0; i < workbook.sheets.size(); ++i) {
        const std::size_t frozen = workbook.sheets[i].frozen_rows;
        if (frozen == 0)
            continue;
        std::string quoted;
        for (char ch : names[i])
            quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
        defined += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"" + std::to_string(i) + "\">" +
                   Escape("'" + quoted + "'!$1:$" + std::to_string(frozen)) + "</definedName>";
    }
    if (!defined.empty())
        book += "<definedNames>" + defined + "</definedNames>";
    book += "</workbook>";

    std::string book_rels(kXmlHead);
    book_rels += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (std::size_t i = 0; i < count; ++i) {
        book_rels += "<Relationship Id=\"rId" + std::to_string(i + 1) +
                     "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                     "Target=\"worksheets/sheet" +
                     std::to_string(i + 1) + ".xml\"/>";
    }
    book_rels += "<Relationship Id=\"rId" + std::to_string(count + 1) +
                 "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
                 "Target=\"styles.xml\"/></Relationships>";

    std::vector<std::pair<std::string, std::string>> parts;
    parts.emplace_back("[Content_Types].xml", std::move(types));
    parts.emplace_back("_rels/.rels", std::move(root_rels));
    parts.emplace_back("docProps/core.xml", std::move(core));
    parts.emplace_back("docProps/app.xml", std::move(app));
    parts.emplace_back("xl/workbook.xml", std::move(book));
    parts.emplace_back("xl/_rels/workbook.xml.rels", std::move(book_rels));
    parts.emplace_back("xl/styles.xml", StylesXml());
    for (std::size_t i = 0; i < count; ++i) {
        parts.emplace_back("xl/worksheets/sheet" + std::to_string(i + 1) + ".xml",
                           i < workbook.sheets.size() ? SheetXml(workbook.sheets[i]) : SheetXml(Worksheet{}));
    }
    return Zip(parts);
}

}  // namespace hocvu::reports::xlsx
