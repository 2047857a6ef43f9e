"""School year, class lists and every step of the student lifecycle through HTTP against `hocvu serve` with the demo
province and its 2026-2027 year (issue 5, SCH-4…SCH-9, SCH-14, OPS-5). Each test uses classes of its own."""
import unittest

from test_org_auth import Client, unit_id

THCS_ADMIN = "gianghia_thcsledinhchinh"
OTHER_ADMIN = "dakmil_thcsnguyendu"


def classes(client, unit, year="2026-2027"):
    reply = client.call("GET", f"/api/v1/schools/{unit}/classes?year={year}")
    assert reply.status == 200, reply.body
    return {c["name"]: c for c in reply.json()["items"]}


def students(client, class_id):
    reply = client.call("GET", f"/api/v1/classes/{class_id}/students")
    assert reply.status == 200, reply.body
    return reply.json()["items"]


class YearSetup(unittest.TestCase):
    def test_demo_year_classes_and_vietnamese_order(self):
        admin = Client(THCS_ADMIN)
        unit = unit_id(admin, "thcsledinhchinh")
        found = classes(admin, unit)
        self.assertEqual(list(found)[:4], ["6A1", "6A2", "7A1", "7A2"])
        self.assertEqual(found["6A1"]["id"], "201")
        self.assertEqual(found["6A1"]["homeroom_name"], "Lý Minh Đức")
        names = students(admin, found["9A1"]["id"])  # a class no other test changes
        self.assertEqual(len(names), 30)
        givens = [s["given_name"] for s in names]
        # Vietnamese order puts Đ after every D and Â after Ă after A (spot checks on what the demo has).
        for earlier, later in (("Dũng", "Đạt"), ("An", "Ân"), ("Anh", "Ánh")):
            if earlier in givens and later in givens:
                self.assertLess(givens.index(earlier), givens.index(later))
        teaching = admin.call("GET", f"/api/v1/schools/{unit}/teaching?year=2026-2027").json()["items"]
        self.assertEqual(len(teaching), 12 * 8 * 2)
        catalogue = admin.call("GET", "/api/v1/catalogue/subjects").json()["items"]
        self.assertIn({"level": "THCS", "code": "CN", "name": "Công nghệ", "kind": "compulsory",
                       "assessment": "scored", "periods_per_year": {"6": 35, "7": 35, "8": 52, "9": 52}}, catalogue)

    def test_homeroom_teacher_sees_only_their_class(self):
        teacher = Client("duclm.thcsledinhchinh")
        self.assertEqual(teacher.call("GET", "/api/v1/classes/201/students").status, 200)
        admin = Client(THCS_ADMIN)
        other = classes(admin, unit_id(admin, "thcsledinhchinh"))["9A2"]["id"]
        self.assertEqual(teacher.call("GET", f"/api/v1/classes/{other}/students").status, 403)
        self.assertEqual(teacher.call("POST", "/api/v1/classes/201/homeroom", {}).status, 405)


class Lifecycle(unittest.TestCase):
    def test_class_transfer_dropout_and_exemption(self):
        admin = Client(THCS_ADMIN)
        found = classes(admin, unit_id(admin, "thcsledinhchinh"))
        a, b, c = [s["id"] for s in students(admin, found["7A1"]["id"])[:3]]
        r = admin.call("POST", f"/api/v1/students/{a}/class-transfer", {"class_id": found["7A2"]["id"]})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(admin.call("GET", f"/api/v1/students/{a}").json()["class"]["name"], "7A2")
        r = admin.call("POST", f"/api/v1/students/{b}/leave", {"kind": "dropout", "reason": "Hoàn cảnh khó khăn"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["status"], "dropped_out")
        self.assertEqual(admin.call("GET", f"/api/v1/students/{b}").json()["class"], None)
        r = admin.call("POST", f"/api/v1/students/{c}/exemptions",
                       {"subject": "GDTC", "semester": 2, "reason": "Giấy của bệnh viện"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(admin.call("DELETE", f"/api/v1/exemptions/{r.json()['id']}").status, 204)
        self.assertEqual(len(students(admin, found["7A1"]["id"])), 28)

    def test_transfer_out_and_admission_in_another_school(self):
        admin = Client(THCS_ADMIN)
        found = classes(admin, unit_id(admin, "thcsledinhchinh"))
        student = students(admin, found["8A1"]["id"])[0]
        r = admin.call("POST", f"/api/v1/students/{student['id']}/leave",
                       {"kind": "transfer_out", "reason": "Chuyển đến Đắk Mil", "date": "01/12/2026"})
        self.assertEqual(r.status, 200, r.body)
        other = Client(OTHER_ADMIN)
        unit = unit_id(other, "thcsnguyendu")
        years = other.call("GET", f"/api/v1/schools/{unit}/years").json()["items"]
        if not any(y["name"] == "2026-2027" for y in years):
            self.assertEqual(other.call("POST", f"/api/v1/schools/{unit}/years", {"name": "2026-2027"}).status, 201)
        year = [y for y in other.call("GET", f"/api/v1/schools/{unit}/years").json()["items"]
                if y["name"] == "2026-2027"][0]
        cls = other.call("POST", f"/api/v1/schools/{unit}/classes", {"year_id": year["id"], "grade": 8, "name": "8A9"})
        self.assertEqual(cls.status, 201, cls.body)
        r = other.call("POST", f"/api/v1/schools/{unit}/admissions",
                       {"code": student["code"], "class_id": cls.json()["id"], "date": "05/12/2026"})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["origin_id"], student["id"])
        self.assertEqual(r.json()["class"]["name"], "8A9")
        self.assertEqual([s["code"] for s in students(other, cls.json()["id"])], [student["code"]])
        self.assertEqual(admin.call("GET", f"/api/v1/students/{student['id']}").json()["status"], "transferred_out")

    def test_year_carry_over_summary_then_apply(self):
        other = Client(OTHER_ADMIN)
        unit = unit_id(other, "thcsnguyendu")
        r = other.call("POST", f"/api/v1/schools/{unit}/years", {"name": "2030-2031"})
        self.assertEqual(r.status, 201, r.body)
        year = r.json()["id"]
        cls = other.call("POST", f"/api/v1/schools/{unit}/classes", {"year_id": year, "grade": 9, "name": "9A1"}).json()
        cls6 = other.call("POST", f"/api/v1/schools/{unit}/classes", {"year_id": year, "grade": 6, "name": "6A1"}).json()
        ids = []
        for i, (target, name) in enumerate([(cls, "Nguyễn Văn Tốt"), (cls6, "Lê Thị Lên"), (cls6, "Trần Văn Lại")]):
            s = other.call("POST", f"/api/v1/schools/{unit}/students",
                           {"code": f"880000000{i}", "full_name": name, "birth_date": "01/01/2017", "gender": "Nam"})
            self.assertEqual(s.status, 201, s.body)
            ids.append(s.json()["id"])
            self.assertEqual(other.call("POST", f"/api/v1/classes/{target['id']}/students",
                                        {"student_id": s.json()["id"]}).status, 201)
        body = {"to_year": "2031-2032", "outcomes": {ids[2]: "retained"}, "dry_run": True}
        preview = other.call("POST", f"/api/v1/years/{year}/carry-over", body)
        self.assertEqual(preview.status, 200, preview.body)
        self.assertEqual((preview.json()["promoted"], preview.json()["retained"], preview.json()["graduated"]),
                         (1, 1, 1))
        self.assertNotIn("2031-2032", [y["name"] for y in other.call("GET", f"/api/v1/schools/{unit}/years").json()["items"]])
        body["dry_run"] = False
        done = other.call("POST", f"/api/v1/years/{year}/carry-over", body)
        self.assertEqual(done.status, 201, done.body)
        self.assertEqual(done.json()["class_sizes"], {"6A1": 1, "7A1": 1})
        self.assertEqual(other.call("GET", f"/api/v1/students/{ids[0]}").json()["status"], "graduated")


if __name__ == "__main__":
    unittest.main()
