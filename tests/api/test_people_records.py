"""Correcting staff and student records over HTTP (SCH-1, SCH-3): `PATCH /api/v1/staff/{id}` replaces every field
and checks it as creation does, renames the account but keeps its username; a wrong field is refused with
request.validation and nothing changes; only the school's record managers may correct; a birth date after today is
refused for students and staff alike. Uses a staff member it creates and a student of 9A2 at THCS Lê Đình Chinh."""
import datetime
import unittest

from test_org_auth import Client, unit_id

ADMIN = "gianghia_thcsledinhchinh"


class StaffRecords(unittest.TestCase):
    def test_sch1_staff_record_is_corrected_and_the_account_follows(self):
        admin = Client(ADMIN)
        unit = unit_id(admin, "thcsledinhchinh")
        created = admin.call("POST", f"/api/v1/schools/{unit}/staff", {
            "full_name": "Trần Văn Bìmh", "birth_date": "12/05/1990", "gender": "Nam", "phone": "0905111222",
            "position": "Giáo viên", "subjects": ["Toán"], "with_account": True})
        self.assertEqual(created.status, 201, created.body)
        staff = created.json()
        username = staff["username"]
        self.assertEqual(username, "bimhtv.thcsledinhchinh")  # from the name as first typed

        fixed = {"full_name": "Trần Văn Bình", "birth_date": "1990-05-12", "gender": "Nam", "ethnicity": "Kinh",
                 "phone": "0905 111 333", "email": "binh.tv@example.vn", "position": "Tổ trưởng",
                 "subjects": ["TOAN", "Tin học"], "qualification": "Thạc sĩ", "professional_rank": "Hạng II"}
        r = admin.call("PATCH", f"/api/v1/staff/{staff['id']}", fixed)
        self.assertEqual(r.status, 200, r.body)
        after = r.json()
        self.assertEqual((after["full_name"], after["given_name"]), ("Trần Văn Bình", "Bình"))
        self.assertEqual(after["phone"], "0905111333")
        self.assertEqual(after["subjects"], ["TOAN", "TIN"])
        self.assertEqual((after["position"], after["qualification"], after["professional_rank"]),
                         ("Tổ trưởng", "Thạc sĩ", "Hạng II"))
        self.assertEqual(after["username"], username)  # ORG-2: a username never changes
        self.assertEqual(admin.call("GET", f"/api/v1/staff/{staff['id']}").json(), after)
        # The account carries the corrected name (what the person sees when signed in).
        person = Client(username, staff["password"])
        self.assertEqual(person.user["full_name"], "Trần Văn Bình")
        listed = admin.call("GET", f"/api/v1/schools/{unit}/staff?q=binh").json()["items"]
        self.assertIn(staff["id"], [s["id"] for s in listed])

        # A wrong phone: refused, nothing changed.
        bad = admin.call("PATCH", f"/api/v1/staff/{staff['id']}", {**fixed, "full_name": "Trần Văn Bính",
                                                                    "phone": "12"})
        self.assertEqual(bad.status, 422, bad.body)
        self.assertEqual(bad.json()["code"], "request.validation")
        self.assertEqual(admin.call("GET", f"/api/v1/staff/{staff['id']}").json(), after)
        future = admin.call("PATCH", f"/api/v1/staff/{staff['id']}", {**fixed, "birth_date": "01/01/2099"})
        self.assertEqual(future.status, 422, future.body)

        # Another school's administrator, or another school's principal, may not correct it.
        other = Client("dakmil_thcsnguyendu")
        self.assertEqual(other.call("PATCH", f"/api/v1/staff/{staff['id']}", fixed).status, 403)
        principal = Client("toannv.thptchuvanan")
        self.assertEqual(principal.call("PATCH", f"/api/v1/staff/{staff['id']}", fixed).status, 403)
        self.assertEqual(admin.call("PATCH", "/api/v1/staff/999999999", fixed).status, 404)


class StudentRecords(unittest.TestCase):
    def test_sch3_student_birth_date_after_today_is_refused(self):
        admin = Client(ADMIN)
        unit = unit_id(admin, "thcsledinhchinh")
        classes = {c["name"]: c for c in admin.call("GET", f"/api/v1/schools/{unit}/classes?year=2026-2027").json()["items"]}
        student = admin.call("GET", f"/api/v1/classes/{classes['9A2']['id']}/students").json()["items"][-1]
        record = admin.call("GET", f"/api/v1/students/{student['id']}").json()
        fields = {k: record[k] for k in ("full_name", "birth_date", "gender", "ethnicity", "birthplace", "address",
                                         "priority", "policy")}
        tomorrow = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7, days=1)).date()
        r = admin.call("PATCH", f"/api/v1/students/{student['id']}", {**fields, "birth_date": tomorrow.isoformat()})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("birth_date", r.json().get("detail", ""))
        self.assertEqual(admin.call("GET", f"/api/v1/students/{student['id']}").json()["birth_date"],
                         record["birth_date"])
        r = admin.call("PATCH", f"/api/v1/students/{student['id']}", {**fields, "address": "Tổ 5, Nghĩa Đức"})
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.json()["address"], "Tổ 5, Nghĩa Đức")
        self.assertEqual(r.json()["code"], record["code"])
        admin.call("PATCH", f"/api/v1/students/{student['id']}", fields)


if __name__ == "__main__":
    unittest.main()
