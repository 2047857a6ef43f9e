"""Score sheets over HTTP against `hocvu serve` with the demo data (issue 6, GB-1, GB-6): the TT22 shape, a batch
save with the engine's average, a stale save refused with the other person's value, results with explanations."""
import unittest

from test_org_auth import Client

SHEET = "/api/v1/classes/101/subjects/TOAN/scores?semester=2"


class ScoreSheets(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.teacher = Client("haptt.thptchuvanan")
        cls.principal = Client("toannv.thptchuvanan")

    def test_sheet_save_conflict_and_results(self):
        sheet = self.teacher.call("GET", SHEET)
        self.assertEqual(sheet.status, 200, sheet.body)
        body = sheet.json()
        self.assertEqual([c["item"] for c in body["columns"]], ["tx1", "tx2", "tx3", "tx4", "tx5", "gk", "ck"])
        student = body["rows"][3]["student_id"]
        items = ["tx1", "tx2", "tx3", "tx4", "tx5", "gk", "ck"]
        values = ["9", "8", "7,5", "8", "9", "8", "9.5"]
        changes = [{"student_id": student, "item": i, "value": v} for i, v in zip(items, values)]
        saved = self.teacher.call("PUT", SHEET, {"base_version": body["version"], "changes": changes})
        self.assertEqual(saved.status, 200, saved.body)
        row = saved.json()["rows"][3]
        # (9+8+7.5+8+9 + 2×8 + 3×9.5) / 10 = 86/10
        self.assertEqual(row["average"], "8.6")
        self.assertEqual(row["cells"]["tx3"]["value"], "7.5")

        stale = self.principal.call("PUT", SHEET, {"base_version": body["version"],
                                                   "changes": [{"student_id": student, "item": "gk", "value": "5"}]})
        self.assertEqual(stale.status, 409, stale.body)
        self.assertEqual(stale.header("content-type"), "application/problem+json")
        problem = stale.json()
        self.assertEqual(problem["code"], "gradebook.conflict")
        self.assertEqual(problem["conflicts"][0]["theirs"], "8.0")

        no_csrf = self.teacher.call("PUT", SHEET, {"base_version": 0, "changes": []}, csrf=False)
        self.assertEqual(no_csrf.status, 403)

        results = self.principal.call("GET", "/api/v1/classes/101/results?period=hk2")
        self.assertEqual(results.status, 200, results.body)
        mine = [r for r in results.json()["items"] if r["student_id"] == student][0]
        self.assertEqual(mine["subjects"]["TOAN"], "8.6")
        self.assertTrue(mine["explanation"])

    def test_other_teacher_cannot_read_or_write(self):
        other = Client("duclm.thcsledinhchinh")
        self.assertEqual(other.call("GET", SHEET).status, 403)


if __name__ == "__main__":
    unittest.main()
