"""A demo class through a whole year by API (issue 7 done-when; GB-3, GB-4, GB-8, A10, A17): roll-call, scores by
the gradebook PUT, teachers' confirmations, conduct, the homeroom teacher's confirmation and proposal, the
principal's approval and the results lock, the summer re-assessment and conduct training. Every outcome, award,
learning level and re-assessment list the server shows is compared with `hocvu assess` (the engine on the command
line, HOCVU_BIN) run on the same inputs, never with hand-written guesses."""
import datetime
import json
import os
import subprocess
import unittest

from test_org_auth import Client, unit_id

CLASS_NAME = "10A2"
CONDUCT = {"tot": "Tốt", "kha": "Khá", "dat": "Đạt", "chua_dat": "Chưa đạt"}


def today_vn():
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=7)).date().isoformat()


def score_for(index, code):
    """Student 0 fails Toán and Ngữ văn (re-assessment), 3–5 score 9 (Xuất sắc), 6–7 score 8 (Giỏi), others 7."""
    if index == 0 and code == "TOAN":
        return "3"
    if index == 0 and code == "VAN":
        return "4"
    if 3 <= index <= 5:
        return "9"
    if 6 <= index <= 7:
        return "8"
    return "7"


def subject_teachers(principal, unit, cid):
    """teacher(subject, semester): a signed-in client of the class's teacher of the subject (the principal board when
    nobody is assigned), from the school's teaching assignments of 2026-2027."""
    teachers = {}
    for t in principal.call("GET", f"/api/v1/schools/{unit}/teaching?year=2026-2027").json()["items"]:
        if t["class_id"] == cid:
            teachers[(t["subject"], t["semester"])] = t["staff_id"]
    clients = {}

    def teacher(subject, semester):
        staff = teachers.get((subject, semester))
        if staff is None:
            return principal
        if staff not in clients:
            clients[staff] = Client(principal.call("GET", f"/api/v1/staff/{staff}").json()["username"])
        return clients[staff]

    return teacher


def assess(lines):
    out = subprocess.run([os.environ["HOCVU_BIN"], "assess"], input="\n".join(json.dumps(l) for l in lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def fill_sheets(client, cid, teacher, score):
    """Every subject's sheet of the class in both semesters entered by the gradebook PUT — `score(index, code)` in
    each column of a scored subject, Đ in a comment subject — and confirmed (GB-8) by whoever `teacher(code,
    semester)` gives (`client` reads the sheets). Returns {(code, semester): the saved sheet}."""
    sheets = {}
    for semester in (1, 2):
        subjects = client.call("GET", f"/api/v1/classes/{cid}/results?period=hk{semester}").json()["items"][0]["subjects"]
        for code in subjects:
            path = f"/api/v1/classes/{cid}/subjects/{code}/scores?semester={semester}"
            sheet = client.call("GET", path).json()
            changes = []
            for i, row in enumerate(sheet["rows"]):
                value = score(i, code) if sheet["scored"] else "Đ"
                changes += [{"student_id": row["student_id"], "item": c["item"], "value": value}
                            for c in sheet["columns"]]
            who = teacher(code, semester)
            r = who.call("PUT", path, {"base_version": sheet["version"], "changes": changes})
            assert r.status == 200, (code, semester, r.body)
            c = who.call("POST", f"/api/v1/classes/{cid}/subjects/{code}/confirmation?semester={semester}")
            assert c.status == 200, (code, semester, c.body)
            sheets[(code, semester)] = r.json()
    return sheets


def set_conduct(client, cid, levels):
    """Conduct of both semesters, `levels` {student_id: (hk1 word, hk2 word)}, in one save."""
    conduct = client.call("GET", f"/api/v1/classes/{cid}/conduct").json()
    changes = []
    for s, (h1, h2) in levels.items():
        changes += [{"student_id": s, "period": "hk1", "level": h1, "comment": "Ngoan, chăm học"},
                    {"student_id": s, "period": "hk2", "level": h2}]
    r = client.call("PUT", f"/api/v1/classes/{cid}/conduct", {"base_version": conduct["version"], "changes": changes})
    assert r.status == 200, r.body


@unittest.skipUnless(os.environ.get("HOCVU_BIN"), "HOCVU_BIN not set")
class HomeroomYear(unittest.TestCase):
    def test_a_class_through_the_year_matches_the_engine(self):
        principal = Client("toannv.thptchuvanan")
        unit = unit_id(principal, "thptchuvanan")
        classes = principal.call("GET", f"/api/v1/schools/{unit}/classes?year=2026-2027").json()["items"]
        cls = [c for c in classes if c["name"] == CLASS_NAME][0]
        cid = cls["id"]
        homeroom = Client(principal.call("GET", f"/api/v1/staff/{cls['homeroom_staff_id']}").json()["username"])
        teacher = subject_teachers(principal, unit, cid)

        # Roll-call today: two absences in the main session, one late; a stale save is refused.
        day = today_vn()
        roll = homeroom.call("GET", f"/api/v1/classes/{cid}/attendance?date={day}")
        self.assertEqual(roll.status, 200, roll.body)
        students = [s["student_id"] for s in roll.json()["students"]]
        session = roll.json()["main_session"]
        version = roll.json()["version"]
        marks = [{"student_id": students[9], "session": session, "status": "excused", "note": "Ốm"},
                 {"student_id": students[10], "session": session, "status": "unexcused"},
                 {"student_id": students[11], "session": session, "status": "late"}]
        saved = homeroom.call("PUT", f"/api/v1/classes/{cid}/attendance?date={day}",
                              {"base_version": version, "changes": marks})
        self.assertEqual(saved.status, 200, saved.body)
        stale = principal.call("PUT", f"/api/v1/classes/{cid}/attendance?date={day}",
                               {"base_version": version,
                                "changes": [{"student_id": students[9], "session": session, "status": "present"}]})
        self.assertEqual(stale.status, 409, stale.body)
        self.assertEqual(stale.json()["code"], "homeroom.conflict")

        # Scores by the gradebook PUT, every subject and semester, then each teacher confirms the sheet (GB-8).
        sheets = fill_sheets(principal, cid, teacher, score_for)

        # Conduct: student 1 Đạt then Chưa đạt (summer training), the others Tốt.
        levels = {s: ("tot", "tot") for s in students}
        levels[students[1]] = ("dat", "chua_dat")
        set_conduct(homeroom, cid, levels)

        for period in ("hk1", "hk2"):
            r = homeroom.call("POST", f"/api/v1/classes/{cid}/homeroom-confirmation", {"period": period})
            self.assertEqual(r.status, 200, r.body)

        totals = homeroom.call("GET", f"/api/v1/classes/{cid}/attendance/totals?period=year").json()["items"]
        absences = {t["student_id"]: t["absences"] for t in totals}
        self.assertGreaterEqual(absences[students[9]], 1)
        self.assertGreaterEqual(absences[students[10]], 1)

        def engine_input(student, extra=None):
            subjects = []
            for code in [c for (c, s) in sheets if s == 1]:
                entry = {"code": code}
                for semester in (1, 2):
                    sheet = sheets[(code, semester)]
                    entry["kind"] = "score" if sheet["scored"] else "comment"
                    entry["periods_per_year"] = sheet["periods_per_year"]
                    entry["topics"] = sum(1 for c in sheet["columns"] if c.get("topic"))
                    row = [r for r in sheet["rows"] if r["student_id"] == student][0]
                    conv = (lambda v: float(v)) if sheet["scored"] else (lambda v: v)
                    cells = row["cells"]
                    entry[f"hk{semester}"] = {
                        "tx": [conv(cells[c["item"]]["value"]) for c in sheet["columns"] if c["item"].startswith("tx")],
                        "gk": conv(cells["gk"]["value"]), "ck": conv(cells["ck"]["value"])}
                subjects.append(entry)
            line = {"id": student, "regulation": "auto", "school_year": "2026-2027", "level": "THPT", "grade": 10,
                    "subjects": subjects,
                    "conduct": {"hk1": CONDUCT[levels[student][0]], "hk2": CONDUCT[levels[student][1]]},
                    "absences": absences[student]}
            line.update(extra or {})
            return line

        engine = {r["id"]: r for r in assess([engine_input(s) for s in students])}
        self.assertTrue(all("error" not in r for r in engine.values()), engine)

        summary = homeroom.call("GET", f"/api/v1/classes/{cid}/summary?period=year")
        self.assertEqual(summary.status, 200, summary.body)
        for item in summary.json()["items"]:
            e = engine[item["student_id"]]
            self.assertEqual(item["outcome"], e["outcome"], item["full_name"])
            self.assertEqual(item["award"], e["award"] or "", item["full_name"])
            self.assertEqual(item["learning"], e["learning"]["year"], item["full_name"])
            self.assertEqual(item["conduct"], e["conduct"]["year"], item["full_name"])
            self.assertEqual(sorted(item["reassess_subjects"]), sorted(e["reassess"]), item["full_name"])
            self.assertEqual(item["absences"], absences[item["student_id"]])
            for code, value in item["subjects"].items():
                self.assertEqual(value, [s for s in e["subjects"] if s["code"] == code][0]["year"], code)
        outcomes = {s: engine[s]["outcome"] for s in students}
        self.assertEqual(outcomes[students[0]], "reassessment")
        self.assertEqual(outcomes[students[1]], "summer_training")

        # The homeroom teacher proposes the lists (prefilled from the engine), the principal approves.
        close = homeroom.call("GET", f"/api/v1/classes/{cid}/year-close").json()
        self.assertEqual(close["unconfirmed_sheets"], [])
        for item in close["items"]:
            self.assertEqual(item["engine"]["outcome"], outcomes[item["student_id"]])
        submitted = homeroom.call("PUT", f"/api/v1/classes/{cid}/year-close",
                                  {"base_version": close["version"], "note": "Kính trình Hiệu trưởng"})
        self.assertEqual(submitted.status, 200, submitted.body)
        lists = submitted.json()["lists"]
        for word in ("promoted", "retained", "reassessment", "summer_training"):
            self.assertEqual(sorted(lists[word]), sorted(s for s in students if outcomes[s] == word), word)
        decided = principal.call("POST", f"/api/v1/classes/{cid}/year-close/decision",
                                 {"decision": "approve", "base_version": submitted.json()["version"]})
        self.assertEqual(decided.status, 200, decided.body)
        self.assertEqual(decided.json()["status"], "approved")
        locks = principal.call("GET", f"/api/v1/classes/{cid}/score-locks").json()["items"]
        self.assertIn(("*", 0), [(l["subject_code"], l["semester"]) for l in locks])
        sheet = sheets[("TOAN", 2)]
        locked = principal.call("PUT", f"/api/v1/classes/{cid}/subjects/TOAN/scores?semester=2",
                                {"base_version": sheet["version"] + 1,
                                 "changes": [{"student_id": students[2], "item": "ck", "value": "10"}]})
        self.assertEqual(locked.json()["code"], "gradebook.locked", locked.body)

        # After the summer: re-assessment of the failed subjects and re-evaluated conduct; the final outcome is the
        # engine's on the same inputs (A17).
        reassess = {code: "6.5" for code in engine[students[0]]["reassess"]}
        summer = homeroom.call("PUT", f"/api/v1/classes/{cid}/summer-results",
                               {"items": [{"student_id": students[0], "reassessment": reassess},
                                          {"student_id": students[1], "conduct": "dat"}]})
        self.assertEqual(summer.status, 200, summer.body)
        after = assess([engine_input(students[0], {"reassessment": {k: float(v) for k, v in reassess.items()}}),
                        engine_input(students[1], {"summer_conduct": "Đạt"})])
        finals = {i["student_id"]: i for i in summer.json()["items"]}
        for a in after:
            self.assertEqual(finals[a["id"]]["final"]["outcome"], a["outcome"])
            self.assertTrue(finals[a["id"]]["final"]["done"])
        self.assertEqual(after[0]["outcome"], "promoted")
        # The year's results stay as recorded beside the summer's.
        again = homeroom.call("GET", f"/api/v1/classes/{cid}/summary?period=year").json()["items"]
        self.assertEqual([i["outcome"] for i in again if i["student_id"] == students[0]], ["reassessment"])

    def test_parent_reads_only_their_child(self):
        parent = Client("maibt.thptchuvanan")
        mine = parent.call("GET", "/api/v1/students/9001/homeroom")
        self.assertEqual(mine.status, 200, mine.body)
        self.assertIn("attendance", mine.json())
        self.assertEqual(parent.call("GET", "/api/v1/classes/101/attendance?date=" + today_vn()).status, 403)


if __name__ == "__main__":
    unittest.main()
