"""TT27 (primary) score sheets over HTTP against `hocvu serve` with the demo data (issue 6, GB-1): levels HTT/HT/CHT
at mid-term and end of term, periodic tests as whole numbers, the year level from the engine in the class results."""
import unittest

from test_org_auth import Client

SHEET = "/api/v1/classes/401/subjects/{}/scores?semester={}"


class PrimarySheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The homeroom teacher of 4A1 at TH Kim Đồng teaches Toán, Tiếng Việt, Khoa học, …
        cls.teacher = Client("ngocttb.thkimdong")

    def test_gb1_tt27_sheet_levels_tests_and_results(self):
        sheet = self.teacher.call("GET", SHEET.format("TOAN", 2))
        self.assertEqual(sheet.status, 200, sheet.body)
        body = sheet.json()
        self.assertEqual(body["regulation"], "tt27")
        self.assertEqual([(c["item"], c["type"]) for c in body["columns"]],
                         [("gk_muc", "level"), ("gk_kt", "whole_score"), ("ck_muc", "level"), ("ck_kt", "whole_score")])
        student = body["rows"][2]["student_id"]
        bad = self.teacher.call("PUT", SHEET.format("TOAN", 2), {"base_version": body["version"], "changes": [
            {"student_id": student, "item": "ck_kt", "value": "8.5"}]})
        self.assertEqual(bad.status, 422, bad.body)
        self.assertEqual(bad.json()["code"], "request.validation")
        saved = self.teacher.call("PUT", SHEET.format("TOAN", 2), {"base_version": body["version"], "changes": [
            {"student_id": student, "item": "gk_muc", "value": "H"},
            {"student_id": student, "item": "gk_kt", "value": "6"},
            {"student_id": student, "item": "ck_muc", "value": "T"},
            {"student_id": student, "item": "ck_kt", "value": "10"}]})
        self.assertEqual(saved.status, 200, saved.body)
        row = saved.json()["rows"][2]
        self.assertEqual(row["cells"]["ck_muc"]["value"], "HTT")
        self.assertEqual(row["average"], "HTT")
        self.assertEqual(row["missing"], [])

        results = self.teacher.call("GET", "/api/v1/classes/401/results?period=year")
        self.assertEqual(results.status, 200, results.body)
        mine = [r for r in results.json()["items"] if r["student_id"] == student][0]
        self.assertEqual(mine["subjects"]["TOAN"], "HTT")
        # Other subjects and the 15 quality and competence ratings are still missing: incomplete, never guessed.
        self.assertEqual(mine["learning"], "incomplete")

    def test_secondary_teacher_cannot_read_a_primary_sheet(self):
        other = Client("haptt.thptchuvanan")
        self.assertEqual(other.call("GET", SHEET.format("TOAN", 1)).status, 403)


if __name__ == "__main__":
    unittest.main()
