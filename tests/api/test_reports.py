"""Principal-board views and their .xlsx exports over HTTP (issue 7, GB-5): the figures of every view's JSON are the
figures of its .xlsx (parsed here with zipfile + xml) and of LibreOffice's CSV conversion of that .xlsx; hand-checked
averages and levels; Vietnamese file names (RFC 5987); who may read what."""
import csv
import glob
import os
import shutil
import subprocess
import tempfile
import unittest
import urllib.parse
import zipfile
import xml.etree.ElementTree as ET

from test_org_auth import Client

CLASS = "101"  # 10A1, Trường THPT Chu Văn An
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
LEVELS = ["Tốt", "Khá", "Đạt", "Chưa đạt"]
# Every cell of a student's scored subjects in HK I and HK II, and their comment subjects.
PLAN = [("8.5", "9.0", "Đ"), ("7.0", "6.5", "Đ"), ("4.5", "4.0", "CĐ")]


def read_xlsx(data):
    """{sheet name: rows of cell texts}, as a spreadsheet shows them (inline strings and numbers)."""
    out = {}
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        for sheet in book.find("m:sheets", NS):
            root = ET.fromstring(z.read("xl/" + targets[sheet.get(RELS)]))
            rows = []
            for row in root.find("m:sheetData", NS):
                cells = {}
                for c in row:
                    ref = c.get("r")
                    col = 0
                    for ch in ref:
                        if ch.isalpha():
                            col = col * 26 + ord(ch) - 64
                    if c.get("t") == "inlineStr":
                        text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                    else:
                        v = c.find("m:v", NS)
                        text = v.text if v is not None else ""
                    cells[col - 1] = text
                r = int(row.get("r"))
                while len(rows) < r:
                    rows.append([])
                rows[r - 1] = [cells.get(i, "") for i in range(max(cells) + 1)] if cells else []
            out[sheet.get("name")] = rows
    return out


def row_with(rows, col, value):
    for row in rows:
        if len(row) > col and row[col] == value:
            return row
    return None


def trim(row):
    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return row


def band(avg):
    t = round(float(avg) * 10)
    return 0 if t >= 80 else 1 if t >= 65 else 2 if t >= 50 else 3


class Reports(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.principal = Client("toannv.thptchuvanan")
        cls.unit = cls.principal.user["unit"]["id"]
        summary = cls.principal.call("GET", f"/api/v1/reports/classes/{CLASS}/summary?period=hk1")
        assert summary.status == 200, summary.body
        cls.subjects = summary.json()["subjects"]
        cls.students = [r["student"] for r in summary.json()["rows"]][:3]
        # Fill every sheet of three students, both semesters, as the principal board may.
        for s in cls.subjects:
            for semester in (1, 2):
                path = f"/api/v1/classes/{CLASS}/subjects/{s['code']}/scores?semester={semester}"
                sheet = cls.principal.call("GET", path)
                assert sheet.status == 200, sheet.body
                body = sheet.json()
                changes = []
                for student, plan in zip(cls.students, PLAN):
                    value = plan[2] if not s["scored"] else plan[semester - 1]
                    for col in body["columns"]:
                        changes.append({"student_id": student["id"], "item": col["item"], "value": value})
                saved = cls.principal.call("PUT", path, {"base_version": body["version"], "changes": changes})
                assert saved.status == 200, saved.body
        cls.exports = {}

    def get(self, path, client=None):
        r = (client or self.principal).call("GET", path)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def export(self, path, name, accept=False):
        """The .xlsx of a view (by ?format=xlsx, or by the Accept header), kept for the LibreOffice check."""
        if accept:
            r = self.principal.call("GET", path, headers={"Accept": XLSX})
        else:
            r = self.principal.call("GET", path + ("&" if "?" in path else "?") + "format=xlsx")
        self.assertEqual(r.status, 200, r.body[:300])
        self.assertEqual(r.header("content-type"), XLSX)
        disposition = r.header("content-disposition")
        self.assertTrue(disposition.startswith('attachment; filename="'), disposition)
        encoded = disposition.split("filename*=UTF-8''", 1)[1]
        self.assertEqual(urllib.parse.unquote(encoded), name)
        self.assertTrue(r.body.startswith(b"PK"))
        self.exports[name] = r.body
        return read_xlsx(r.body)

    def test_1_class_grade_sheet_json_equals_xlsx_with_hand_checked_averages(self):
        view = self.get(f"/api/v1/reports/classes/{CLASS}/subjects/TOAN/grade-sheet")
        self.assertEqual(view["subject"]["name"], "Toán")
        rows = {r["student"]["code"]: r for r in view["rows"]}
        first, second, third = (rows[s["code"]] for s in self.students)
        # ĐTBmcn = (ĐTBmhk I + 2 × ĐTBmhk II) / 3, half up: (8.5 + 18.0) / 3 = 8.83 → 8.8; (7 + 13) / 3 → 6.7;
        # (4.5 + 8) / 3 = 4.17 → 4.2.
        self.assertEqual((first["hk1"]["average"], first["hk2"]["average"], first["year"]), ("8.5", "9.0", "8.8"))
        self.assertEqual(second["year"], "6.7")
        self.assertEqual(third["year"], "4.2")
        book = self.export(f"/api/v1/reports/classes/{CLASS}/subjects/TOAN/grade-sheet",
                           f"Bảng điểm lớp 10A1 - Toán - {view['class']['year']}.xlsx")
        (sheet,) = book.values()
        checked = 0
        for r in view["rows"]:
            row = row_with(sheet, 1, r["student"]["code"])
            self.assertIsNotNone(row, r["student"]["code"])
            want = [r["student"]["code"], r["student"]["full_name"]]
            self.assertEqual(row[1:3], want)
            figures = []
            for sem in ("hk1", "hk2"):
                figures += r[sem]["regular"] + [r[sem]["midterm"], r[sem]["final"], r[sem]["average"]]
            figures.append(r["year"])
            self.assertEqual(row[4:4 + len(figures)], figures)
            checked += 1
        self.assertEqual(checked, len(view["rows"]))
        self.assertIsNotNone(row_with(sheet, 0, "STT"))

    def test_2_summary_and_year_classification_json_equal_xlsx(self):
        names = {"incomplete": "Chưa đủ điểm"}
        for path, name_part in ((f"/api/v1/reports/classes/{CLASS}/summary?period=hk2", "Tổng hợp kết quả Học kỳ II"),
                                (f"/api/v1/reports/classes/{CLASS}/year-classification", "Xếp loại cả năm")):
            view = self.get(path)
            learning = {r["student"]["code"]: r["standing"]["learning"] for r in view["rows"]}
            if "year" in path:
                self.assertEqual([learning[s["code"]] for s in self.students], ["Tốt", "Khá", "Chưa đạt"])
            book = self.export(path, f"{name_part} lớp 10A1 - {view['class']['year']}.xlsx")
            (sheet,) = book.values()
            header = row_with(sheet, 0, "STT")
            self.assertEqual(header[3:3 + len(view["subjects"])], [s["name"] for s in view["subjects"]])
            for r in view["rows"]:
                row = row_with(sheet, 1, r["student"]["code"])
                n = len(r["averages"])
                self.assertEqual(row[3:3 + n], r["averages"])
                self.assertEqual(row[3 + n], names.get(r["standing"]["learning"], r["standing"]["learning"]))
            counts = row_with(sheet, 1, "Tốt")
            self.assertEqual(counts[2], str(view["learning_counts"][0]))
            self.assertEqual(sum(view["learning_counts"]), len(view["rows"]))

    def test_3_student_grade_sheet_and_report_card_json_equal_xlsx(self):
        student = self.students[0]
        view = self.get(f"/api/v1/reports/classes/{CLASS}/students/{student['id']}/grade-sheet")
        self.assertEqual(view["learning"]["year"], "Tốt")
        book = self.export(f"/api/v1/reports/classes/{CLASS}/students/{student['id']}/grade-sheet",
                           f"Bảng điểm {student['full_name']} - 10A1 - {view['class']['year']}.xlsx", accept=True)
        (sheet,) = book.values()
        tx = max(len(s["regular_labels"]) for s in view["subjects"])
        for s in view["subjects"]:
            row = row_with(sheet, 1, s["name"])
            self.assertIsNotNone(row, s["name"])
            figures = []
            for sem in ("hk1", "hk2"):
                regular = s[sem]["regular"] + [""] * (tx - len(s[sem]["regular"]))
                figures += regular + [s[sem]["midterm"], s[sem]["final"], s[sem]["average"]]
            figures.append(s["year"])
            self.assertEqual(row[2:2 + len(figures)], figures)

        card = self.get(f"/api/v1/reports/students/{student['id']}/report-card?period=year")
        self.assertEqual(card["class"]["name"], "10A1")
        toan = [s for s in card["subjects"] if s["code"] == "TOAN"][0]
        self.assertEqual((toan["hk1"], toan["hk2"], toan["year"]), ("8.5", "9.0", "8.8"))
        book = self.export(f"/api/v1/reports/students/{student['id']}/report-card?period=year",
                           f"Phiếu báo điểm Cả năm - {student['full_name']} - 10A1.xlsx")
        (sheet,) = book.values()
        for s in card["subjects"]:
            row = row_with(sheet, 1, s["name"])
            self.assertEqual(row[2:5], [s["hk1"], s["hk2"], s["year"]])
        self.assertEqual(row_with(sheet, 1, "Kết quả học tập")[2], "Tốt")

    def test_4_classification_rates_json_equal_xlsx_and_the_class_summaries(self):
        for period in ("hk1", "year"):
            view = self.get(f"/api/v1/reports/schools/{self.unit}/classification-rates?period={period}")
            self.assertEqual(view["scored_levels"], LEVELS)
            # Recount from every class's summary of the period: the same students, the same bands (rule R1).
            expected = {}
            learning = [0, 0, 0, 0, 0]
            classes = self.get(f"/api/v1/schools/{self.unit}/classes?year={urllib.parse.quote(view['year'])}")["items"]
            for c in classes:
                summary = self.get(f"/api/v1/reports/classes/{c['id']}/summary?period={period}")
                for r in summary["rows"]:
                    lvl = r["standing"]["learning"]
                    learning[LEVELS.index(lvl) if lvl in LEVELS else 4] += 1
                    for s, avg in zip(summary["subjects"], r["averages"]):
                        counts = expected.setdefault(s["code"], [0, 0, 0, 0, 0] if s["scored"] else [0, 0, 0])
                        if avg == "":
                            counts[-1] += 1
                        elif s["scored"]:
                            counts[band(avg)] += 1
                        else:
                            counts[0 if avg == "Đ" else 1] += 1
            school = {s["code"]: s for s in view["subjects"] if s["grade"] == 0}
            self.assertEqual(set(school), set(expected))
            for code, counts in expected.items():
                d = school[code]["distribution"]
                self.assertEqual(d["counts"] + [d["incomplete"]], counts, code)
            whole = [g for g in view["grades"] if g["grade"] == 0][0]
            self.assertEqual(whole["learning"]["counts"] + [whole["learning"]["incomplete"]], learning)
            toan = school["TOAN"]["distribution"]
            if period == "year":
                self.assertGreaterEqual(toan["counts"][0], 1)  # 8.8
                self.assertGreaterEqual(toan["counts"][1], 1)  # 6.7
                self.assertGreaterEqual(toan["counts"][3], 1)  # 4.2
            if toan["assessed"]:
                self.assertEqual(toan["percent"][0], "%.1f" % (int(toan["counts"][0] * 1000 / toan["assessed"] + 0.5) / 10))

            book = self.export(f"/api/v1/reports/schools/{self.unit}/classification-rates?period={period}",
                               f"Tỉ lệ xếp loại {'Học kỳ I' if period == 'hk1' else 'Cả năm'} - {view['year']}.xlsx")
            self.assertEqual(list(book), ["Theo môn", "Theo khối"])
            by_subject, by_grade = book["Theo môn"], book["Theo khối"]
            for s in view["subjects"]:
                grade = "Toàn trường" if s["grade"] == 0 else str(s["grade"])
                row = next(r for r in by_subject if len(r) > 1 and r[0] == s["name"] and r[1] == grade)
                d = s["distribution"]
                cells = []
                offset = 0 if s["scored"] else 2
                for k in range(4):
                    cells += ["", ""] if k < offset else [str(d["counts"][k - offset]), d["percent"][k - offset]]
                self.assertEqual(row[2:], [str(d["assessed"])] + cells + [str(d["incomplete"])], s["code"])
            for g in view["grades"]:
                row = row_with(by_grade, 0, "Toàn trường" if g["grade"] == 0 else str(g["grade"]))
                cells = [str(g["classes"]), str(g["students"])]
                for k in range(4):
                    cells += [str(g["learning"]["counts"][k]), g["learning"]["percent"][k]]
                self.assertEqual(row[1:1 + len(cells) + 1], cells + [str(g["learning"]["incomplete"])])

    def test_5_libreoffice_opens_every_export_with_the_same_figures(self):
        """Issue 7 done-when: `libreoffice --headless --convert-to csv` gives the figures of the page and the API."""
        if len(self.exports) < 7:  # run alone: make the exports first
            self.test_1_class_grade_sheet_json_equals_xlsx_with_hand_checked_averages()
            self.test_2_summary_and_year_classification_json_equal_xlsx()
            self.test_3_student_grade_sheet_and_report_card_json_equal_xlsx()
            self.test_4_classification_rates_json_equal_xlsx_and_the_class_summaries()
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        self.assertIsNotNone(soffice, "LibreOffice is needed (scripts/install-deps.sh installs libreoffice-calc-nogui)")
        work = tempfile.mkdtemp(prefix="hocvu-lo-")
        try:
            files = []
            for i, (name, data) in enumerate(self.exports.items()):
                path = os.path.join(work, f"export{i}.xlsx")
                with open(path, "wb") as f:
                    f.write(data)
                files.append((name, path))
            # Every sheet to its own CSV (UTF-8, comma, cells as shown).
            subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,true,false,false,-1",
                            "--outdir", work] + [p for _, p in files],
                           check=True, capture_output=True, timeout=300)
            for name, path in files:
                sheets = read_xlsx(self.exports[name])
                stem = os.path.splitext(os.path.basename(path))[0]
                for sheet_name, rows in sheets.items():
                    found = glob.glob(os.path.join(work, f"{stem}-{sheet_name}.csv")) or (
                        glob.glob(os.path.join(work, f"{stem}.csv")) if len(sheets) == 1 else [])
                    self.assertTrue(found, f"{name}: no CSV for {sheet_name}: {os.listdir(work)}")
                    with open(found[0], encoding="utf-8") as f:
                        converted = [trim(r) for r in csv.reader(f)]
                    self.assertEqual([trim(r) for r in rows], converted[:len(rows)], f"{name} / {sheet_name}")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def test_6_who_may_read(self):
        homeroom = Client("toannv2.thptchuvanan")
        teacher = Client("haptt.thptchuvanan")
        for client in (homeroom, teacher):
            r = client.call("GET", f"/api/v1/reports/schools/{self.unit}/classification-rates")
            self.assertEqual(r.status, 403, r.body)
            self.assertEqual(r.json()["code"], "auth.forbidden")
        r = teacher.call("GET", f"/api/v1/reports/classes/{CLASS}/subjects/TOAN/grade-sheet")
        self.assertEqual(r.status, 403)
        other = Client("duclm.thcsledinhchinh")
        self.assertEqual(other.call("GET", f"/api/v1/reports/classes/{CLASS}/summary").status, 403)
        # A student reads their own report card, and no other (the parent's grant is narrowed the same way; the
        # demo parent's sign-in is rate-limited by test_org_auth, so the student stands in for both here).
        student = Client("namnh.thptchuvanan")
        mine = [g["student_id"] for g in student.user["roles"] if g.get("student_id")]
        self.assertTrue(mine)
        own = student.call("GET", f"/api/v1/reports/students/{mine[0]}/report-card?period=hk1")
        self.assertEqual(own.status, 200, own.body)
        self.assertEqual(own.json()["period"], "hk1")
        self.assertEqual(own.json()["student"]["id"], mine[0])
        others = [s["id"] for s in self.students if s["id"] not in mine]
        self.assertEqual(student.call("GET", f"/api/v1/reports/students/{others[0]}/report-card").status, 403)
        self.assertEqual(student.call("GET", f"/api/v1/reports/classes/{CLASS}/year-classification").status, 403)
        # The homeroom teacher of 10A1 reads the report cards of the class.
        card = homeroom.call("GET", f"/api/v1/reports/students/{self.students[0]['id']}/report-card")
        self.assertEqual(card.status, 200, card.body)

    def test_7_bad_requests(self):
        r = self.principal.call("GET", f"/api/v1/reports/classes/{CLASS}/summary?period=hk3")
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["code"], "request.validation")
        r = self.principal.call("GET", f"/api/v1/reports/classes/{CLASS}/summary?format=pdf")
        self.assertEqual(r.status, 422)
        r = self.principal.call("GET", f"/api/v1/reports/classes/{CLASS}/subjects/NOPE/grade-sheet")
        self.assertEqual(r.status, 404)
        r = self.principal.call("GET", f"/api/v1/reports/classes/999999/summary")
        self.assertEqual(r.status, 404)
        r = self.principal.call("GET", f"/api/v1/reports/schools/{self.unit}/classification-rates?year=1999-2000")
        self.assertEqual(r.status, 404)


if __name__ == "__main__":
    unittest.main()
