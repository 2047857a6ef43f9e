"""Importing students and staff through HTTP (issue 5, SCH-1, SCH-3): the Ministry's export as .csv and .xlsx, a
preview that lists every row's problem, all-or-nothing commit, and clear refusals for broken and oversized files
(a 50 MB upload, a zip bomb, a file without a header row)."""
import os
import unittest

from test_org_auth import Client, unit_id

GOLDEN = os.path.join(os.path.dirname(__file__), "..", "golden", "import")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def golden(name):
    with open(os.path.join(GOLDEN, name), "rb") as f:
        return f.read()


class StudentImport(unittest.TestCase):
    def setUp(self):
        self.admin = Client("gianghia_thcsledinhchinh")
        self.unit = unit_id(self.admin, "thcsledinhchinh")
        self.base = f"/api/v1/schools/{self.unit}/students/import"

    def upload(self, step, data, query="year=2026-2027", content_type="text/csv"):
        return self.admin.call("POST", f"{self.base}/{step}?{query}", data, headers={"Content-Type": content_type})

    def count(self):
        return len(self.admin.call("GET", f"/api/v1/schools/{self.unit}/students").json()["items"])

    def test_broken_csv_preview_lists_every_row_and_commit_writes_nothing(self):
        before = self.count()
        preview = self.upload("preview", golden("students_broken.csv"))
        self.assertEqual(preview.status, 200, preview.body)
        report = preview.json()
        self.assertFalse(report["ok"])
        self.assertEqual(sorted({p["row"] for p in report["problems"]}), [2, 3, 4, 5, 7])
        for p in report["problems"]:
            self.assertTrue(p["message"] and p["sheet"] == "CSV" and p["column"], p)
        commit = self.upload("commit", golden("students_broken.csv"))
        self.assertEqual(commit.status, 422)
        self.assertEqual(self.count(), before)

    def test_xlsx_commit_then_students_in_their_classes(self):
        preview = self.upload("preview", golden("students_ok.xlsx"), content_type=XLSX)
        self.assertTrue(preview.json()["ok"], preview.body)
        commit = self.upload("commit", golden("students_ok.xlsx"), content_type=XLSX)
        self.assertEqual(commit.status, 201, commit.body)
        created = commit.json()["created"]
        self.assertEqual([c["class_name"] for c in created], ["6A1", "6A1", "6A2"])
        names = [s["full_name"] for s in self.admin.call("GET", "/api/v1/classes/201/students").json()["items"]]
        self.assertIn("Đặng Thị Ánh", names)
        self.assertEqual(self.upload("commit", golden("students_ok.xlsx"), content_type=XLSX).status, 422)

    def test_refusals(self):
        before = self.count()
        self.assertEqual(self.upload("preview", golden("zip_bomb.xlsx"), content_type=XLSX).status, 413)
        self.assertEqual(self.upload("preview", golden("wrong_headers.csv")).json()["code"], "request.validation")
        big = self.upload("commit", b"a" * (50 * 1024 * 1024))
        self.assertEqual(big.status, 413)
        self.assertEqual(self.count(), before)


class StaffImport(unittest.TestCase):
    def test_staff_csv_makes_accounts_by_the_username_rule(self):
        admin = Client("dakmil_thcsnguyendu")
        unit = unit_id(admin, "thcsnguyendu")
        r = admin.call("POST", f"/api/v1/schools/{unit}/staff/import/commit", golden("staff_broken.csv"),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 422)
        r = admin.call("POST", f"/api/v1/schools/{unit}/staff/import/commit", golden("staff_ok.csv"),
                       headers={"Content-Type": "text/csv"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual([c["username"] for c in r.json()["created"]],
                         ["hienttt.thcsnguyendu", "lucdv.thcsnguyendu"])
        staff = admin.call("GET", f"/api/v1/schools/{unit}/staff?q=hien").json()["items"]
        self.assertEqual(staff[0]["subjects"], ["TOAN", "TIN"])


if __name__ == "__main__":
    unittest.main()
