#!/usr/bin/env python3
"""Builds the .xlsx fixtures of the import tests with the standard library only (zipfile), so that they can be
rebuilt and reviewed: `python3 tests/golden/import/make_xlsx.py` rewrites every *.xlsx next to it."""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""


def column(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def sheet_xml(rows, shared):
    """rows: lists of cells; a cell is a str (shared string), an int (number), ('f', formula, cached) or None."""
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, cells in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, cell in enumerate(cells):
            ref = f"{column(c)}{r}"
            if cell is None:
                continue
            if isinstance(cell, tuple) and cell[0] == "f":
                out.append(f'<c r="{ref}" t="str"><f>{escape(cell[1])}</f><v>{escape(cell[2])}</v></c>')
            elif isinstance(cell, tuple) and cell[0] == "inline":
                out.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(cell[1])}</t></is></c>')
            elif isinstance(cell, int):
                out.append(f'<c r="{ref}"><v>{cell}</v></c>')
            else:
                if cell not in shared:
                    shared.append(cell)
                out.append(f'<c r="{ref}" t="s"><v>{shared.index(cell)}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_book(path, sheets, raw_sheet=None):
    shared = []
    parts = {}
    for i, (name, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, shared) if raw_sheet is None else raw_sheet
    workbook = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>']
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    overrides = []
    for i, (name, _) in enumerate(sheets, start=1):
        workbook.append(f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                         f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    workbook.append("</sheets></workbook>")
    rels.append("</Relationships>")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" '
           f'uniqueCount="{len(shared)}">']
    sst += [f"<si><t>{escape(s)}</t></si>" for s in shared]
    sst.append("</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets="\n".join(overrides)))
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", "".join(workbook))
        z.writestr("xl/_rels/workbook.xml.rels", "".join(rels))
        z.writestr("xl/sharedStrings.xml", "".join(sst))
        for name, text in parts.items():
            z.writestr(name, text)


HEADER = ["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Nơi sinh", "Lớp",
          "Họ tên cha", "Họ tên mẹ", "Số điện thoại"]


def main():
    # The Ministry's export: a title row, a blank row, then the header; a date as text and one as a serial number.
    good = [
        ["DANH SÁCH HỌC SINH NĂM HỌC 2026-2027"],
        [],
        HEADER,
        [1, "7901000001", "Nguyễn Văn Ân", "05/03/2014", "Nam", "Kinh", "Đắk Nông", "6A1", "Nguyễn Văn Bảy",
         "Trần Thị Tám", "0905123456"],
        [2, "7901000002", "Đặng Thị Ánh", 41736, "Nữ", "M'Nông", "Đắk Nông", "6A1", None, "H' Lan", "0987654321"],
        [3, "7901000003", ("inline", "Lê Minh Đức"), "12/11/2014", "nam", "Kinh", "Gia Nghĩa", "6A2", None, None,
         None],
    ]
    write_book(os.path.join(HERE, "students_ok.xlsx"), [("Danh sách", good)])
    # Problems on every row: a formula, a bad date, a duplicate code, an unknown class, a missing name.
    broken = [
        HEADER,
        [1, "7901000011", ("f", 'HYPERLINK("http://x.invalid","Bấm")', "Bấm"), "01/01/2014", "Nam", "Kinh", "", "6A1"],
        [2, "7901000012", "Trần Văn Bé", "31/02/2014", "Nam", "Kinh", "", "6A1"],
        [3, "7901000012", "Trần Văn Bi", "01/02/2014", "Nam", "Kinh", "", "6A1"],
        [4, "7901000014", "Phạm Thị Cúc", "01/02/2014", "Nữ", "Kinh", "", "6Z9"],
        [5, "7901000015", "", "01/02/2014", "Nữ", "Kinh", "", "6A1"],
    ]
    write_book(os.path.join(HERE, "students_broken.xlsx"), [("Ghi chú", [["Không có dữ liệu ở đây"]]),
                                                           ("Học sinh", broken)])
    # A zip bomb: one small header row, then 30 MB of whitespace that compresses a thousandfold.
    bomb = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
            '</row>' + " " * (30 * 1024 * 1024) + "</sheetData></worksheet>")
    write_book(os.path.join(HERE, "zip_bomb.xlsx"), [("Bom", [])], raw_sheet=bomb)


if __name__ == "__main__":
    main()
