"""A successful year carry-over from approved year-close lists (issue 7, GB-4, A17, SCH-7): every class of one school
approved, the summer results entered, then `POST /api/v1/years/{id}/carry-over` without `outcomes` moves the
promoted students up a grade and keeps the retained one in theirs. The school is the demo's THCS Nguyễn Du, which has
no classes of its own (the demo's THPT and THCS have 6 and 8 classes of 30 that other tests use), in a year of its
own with one grade-6 class of three students and a new teacher who teaches every subject and is the homeroom teacher,
so that no other test's data is touched. The teacher enters the scores, conduct, lists and summer results, the
principal approves; the school-wide year-close list is checked on the way."""
import os
import unittest

from test_homeroom_year import fill_sheets, set_conduct
from test_org_auth import Client, unit_id

ADMIN = "dakmil_thcsnguyendu"
PRINCIPAL = "vinhlt.thcsnguyendu"
YEAR, NEXT = "2034-2035", "2035-2036"
TEACHER_PASSWORD = "Giao-vien-chu-nhiem-2034"
NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


def score(index, code):
    """Student 1 fails Toán and Ngữ văn (re-assessment); the others score 8."""
    return "3" if index == 1 and code in ("TOAN", "VAN") else "8"


@unittest.skipUnless(os.environ.get("HOCVU_BIN"), "HOCVU_BIN not set")
class CarryOverFromApprovedLists(unittest.TestCase):
    def test_every_class_approved_then_the_year_carries_over(self):
        admin = Client(ADMIN)
        principal = Client(PRINCIPAL)
        unit = unit_id(admin, "thcsnguyendu")
        r = admin.call("POST", f"/api/v1/schools/{unit}/years", {"name": YEAR})
        self.assertEqual(r.status, 201, r.body)
        year = r.json()["id"]
        r = admin.call("POST", f"/api/v1/schools/{unit}/classes", {"year_id": year, "grade": 6, "name": "6A1"})
        self.assertEqual(r.status, 201, r.body)
        cid = r.json()["id"]
        for i, name in enumerate(NAMES):
            s = admin.call("POST", f"/api/v1/schools/{unit}/students",
                           {"code": f"8834000{i:03d}", "full_name": name, "birth_date": "01/01/2023", "gender": "Nam"})
            self.assertEqual(s.status, 201, s.body)
            self.assertEqual(admin.call("POST", f"/api/v1/classes/{cid}/students", {"student_id": s.json()["id"]}).status,
                             201)

        # One teacher of the school teaches every subject of the class and is its homeroom teacher (a new staff
        # record with an account; the one-time password is changed at first sign-in).
        r = admin.call("POST", f"/api/v1/schools/{unit}/staff",
                       {"full_name": "Hoàng Văn Dạy", "gender": "Nam", "position": "Giáo viên"})
        self.assertEqual(r.status, 201, r.body)
        staff = r.json()
        first = Client(staff["username"], staff["password"])
        r = first.call("POST", "/api/v1/auth/password",
                       {"current_password": staff["password"], "new_password": TEACHER_PASSWORD})
        self.assertEqual(r.status, 200, r.body)
        subjects = principal.call("GET", f"/api/v1/classes/{cid}/results?period=hk1").json()["items"][0]["subjects"]
        for code in subjects:
            r = admin.call("POST", f"/api/v1/classes/{cid}/teaching", {"subject": code, "staff_id": staff["id"]})
            self.assertEqual(r.status, 201, (code, r.body))
        r = admin.call("PUT", f"/api/v1/classes/{cid}/homeroom", {"staff_id": staff["id"]})
        self.assertEqual(r.status, 200, r.body)
        teacher = Client(staff["username"], TEACHER_PASSWORD)

        sheets = fill_sheets(teacher, cid, lambda code, semester: teacher, score)
        students = [row["student_id"] for row in sheets[("TOAN", 1)]["rows"]]
        promoted, reassessed, trained = students  # in the class's (Vietnamese) order; `score` fails the second
        levels = {s: ("tot", "tot") for s in students}
        levels[trained] = ("dat", "chua_dat")  # summer conduct training
        set_conduct(teacher, cid, levels)

        # The school's list: one class, not sent yet.
        listing = principal.call("GET", f"/api/v1/schools/{unit}/year-close?year={YEAR}")
        self.assertEqual(listing.status, 200, listing.body)
        self.assertEqual([(c["class_name"], c["status"]) for c in listing.json()["items"]], [("6A1", "draft")])

        close = teacher.call("GET", f"/api/v1/classes/{cid}/year-close").json()
        outcomes = {i["student_id"]: i["engine"]["outcome"] for i in close["items"]}
        self.assertEqual(outcomes, {promoted: "promoted", reassessed: "reassessment", trained: "summer_training"})
        submitted = teacher.call("PUT", f"/api/v1/classes/{cid}/year-close", {"base_version": close["version"]})
        self.assertEqual(submitted.status, 200, submitted.body)

        carry = f"/api/v1/years/{year}/carry-over"
        early = admin.call("POST", carry, {"to_year": NEXT, "dry_run": True})
        self.assertEqual((early.status, early.json()["code"]), (409, "homeroom.not_approved"), early.body)
        decided = principal.call("POST", f"/api/v1/classes/{cid}/year-close/decision",
                                 {"decision": "approve", "base_version": submitted.json()["version"]})
        self.assertEqual(decided.status, 200, decided.body)
        # Approved, but the summer has not decided two students yet.
        pending = admin.call("POST", carry, {"to_year": NEXT, "dry_run": True})
        self.assertEqual((pending.status, pending.json()["code"]), (409, "homeroom.outcome_pending"), pending.body)
        row = principal.call("GET", f"/api/v1/schools/{unit}/year-close?year={YEAR}").json()["items"][0]
        self.assertEqual((row["status"], row["final"]), ("approved", {"promoted": 1, "retained": 0, "pending": 2}))

        # After the summer: the re-assessment fails again (retained), the conduct training passes (promoted).
        summer = teacher.call("PUT", f"/api/v1/classes/{cid}/summer-results",
                                {"items": [{"student_id": reassessed, "reassessment": {"TOAN": "3", "VAN": "4"}},
                                           {"student_id": trained, "conduct": "dat"}]})
        self.assertEqual(summer.status, 200, summer.body)
        finals = {i["student_id"]: (i["final"]["outcome"], i["final"]["done"]) for i in summer.json()["items"]}
        self.assertEqual(finals, {promoted: ("promoted", True), reassessed: ("retained", True),
                                  trained: ("promoted", True)})
        row = principal.call("GET", f"/api/v1/schools/{unit}/year-close?year={YEAR}").json()["items"][0]
        self.assertEqual(row["final"], {"promoted": 2, "retained": 1, "pending": 0})

        preview = admin.call("POST", carry, {"to_year": NEXT, "dry_run": True})
        self.assertEqual(preview.status, 200, preview.body)
        self.assertEqual((preview.json()["promoted"], preview.json()["retained"], preview.json()["graduated"]), (2, 1, 0))
        done = admin.call("POST", carry, {"to_year": NEXT})
        self.assertEqual(done.status, 201, done.body)
        self.assertEqual(done.json()["class_sizes"], {"6A1": 1, "7A1": 2})
        for student, grade in ((promoted, 7), (reassessed, 6), (trained, 7)):
            record = admin.call("GET", f"/api/v1/students/{student}").json()
            self.assertEqual((record["class"]["name"], record["status"]), (f"{grade}A1", "studying"), record)
        moved = {c["name"]: c for c in admin.call("GET", f"/api/v1/schools/{unit}/classes?year={NEXT}").json()["items"]}
        self.assertEqual(moved["7A1"]["grade"], 7)
        self.assertEqual(moved["6A1"]["student_count"], 1)


if __name__ == "__main__":
    unittest.main()
