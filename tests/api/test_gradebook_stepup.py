"""GB-7 over HTTP: a principal with a second factor approves a score correction only with a fresh authenticator
code (issue 6). Without a code: 403 auth.step_up_required and nothing changes; a wrong code: 401 auth.totp_invalid;
the right code: the change is applied, its history names the request and the audit log holds the approval; the same
code again (for another request): refused.

Uses THCS Lê Đình Chinh (its principal and Toán teacher), semester 2, which no other API test touches."""
import os
import sqlite3
import subprocess
import time
import unittest

from test_org_auth import Client
from test_org_totp import totp

PRINCIPAL = "tuyetdta.thcsledinhchinh"
TEACHER = "duclm.thcsledinhchinh"
SEMESTER = 2


def audit_rows(action, target):
    """(actor_id, details) of the audit entries with `action` on `target`, read from the server's database."""
    sql = f"SELECT actor_id, details FROM audit_log WHERE action = '{action}' AND target = '{target}' ORDER BY seq"
    db = os.environ.get("HOCVU_DB", "")
    if db.startswith("postgres"):
        out = subprocess.run(["psql", db, "-AtF", "\t", "-c", sql], capture_output=True, text=True, check=True,
                             timeout=30).stdout
        return [tuple(line.split("\t", 1)) for line in out.splitlines() if line]
    con = sqlite3.connect(f"file:{os.path.join(os.environ['HOCVU_DATA'], 'hocvu.sqlite3')}?mode=ro", uri=True)
    try:
        return [(str(a), d) for a, d in con.execute(sql).fetchall()]
    finally:
        con.close()


@unittest.skipUnless(os.environ.get("HOCVU_DATA"), "HOCVU_DATA not set (run through tests/api/run.sh)")
class CorrectionStepUp(unittest.TestCase):
    def setUp(self):
        # Both sign in before the principal enrols: afterwards her sign-in would need a code too.
        self.principal = Client(PRINCIPAL)
        self.teacher = Client(TEACHER)
        grants = [r for r in self.teacher.user["roles"]
                  if r["role"] == "subject_teacher" and r["class_id"] and (r["subject"] or "").upper() == "TOAN"]
        self.assertTrue(grants, self.teacher.user)
        self.class_id, self.subject = grants[0]["class_id"], grants[0]["subject"].upper()
        cls = self.principal.call("GET", f"/api/v1/classes/{self.class_id}").json()
        self.windows = f"/api/v1/schools/{cls['unit_id']}/entry-windows"
        self.year_id = cls["year_id"]
        self.sheet = f"/api/v1/classes/{self.class_id}/subjects/{self.subject}/scores?semester={SEMESTER}"

    def tearDown(self):
        cleared = self.principal.call("PUT", self.windows, {"year_id": self.year_id, "semester": SEMESTER,
                                                            "item_kind": "ck", "clear": True})
        self.assertEqual(cleared.status, 200, cleared.body)

    def cell(self, student, item):
        row = [r for r in self.teacher.call("GET", self.sheet).json()["rows"] if r["student_id"] == student][0]
        return row["cells"].get(item, {}).get("value", "")

    def file(self, student, value):
        r = self.teacher.call("POST", "/api/v1/corrections", {
            "class_id": self.class_id, "subject_code": self.subject, "semester": SEMESTER, "student_id": student,
            "item": "ck", "new_value": value, "reason": "chấm phúc khảo"})
        self.assertEqual(r.status, 201, r.body)
        return r.json()["id"]

    def decide(self, correction, code=None):
        body = {"decision": "approve", "witnesses": ["Lý Minh Đức"]}
        if code is not None:
            body["totp"] = code
        return self.principal.call("POST", f"/api/v1/corrections/{correction}/decision", body)

    def listed(self, correction):
        items = self.principal.call("GET", self.windows.replace("entry-windows", "corrections")).json()["items"]
        return [c for c in items if c["id"] == correction][0]

    def status_of(self, correction):
        return self.listed(correction)["status"]

    def test_approval_needs_a_fresh_code(self):
        # The teacher enters two end-of-term scores, then the principal closes the end-of-term window.
        sheet = self.teacher.call("GET", self.sheet).json()
        a, b = sheet["rows"][0]["student_id"], sheet["rows"][1]["student_id"]
        saved = self.teacher.call("PUT", self.sheet, {"base_version": sheet["version"], "changes": [
            {"student_id": a, "item": "ck", "value": "6"}, {"student_id": b, "item": "ck", "value": "5"}]})
        self.assertEqual(saved.status, 200, saved.body)
        closed = self.principal.call("PUT", self.windows, {"year_id": self.year_id, "semester": SEMESTER,
                                                           "item_kind": "ck", "opens_at": "2020-01-01",
                                                           "closes_at": "2020-02-01"})
        self.assertEqual(closed.status, 200, closed.body)
        first, second = self.file(a, "7,5"), self.file(b, "8")
        # The inbox names the class, the student and the teacher.
        inbox = self.listed(first)
        self.assertEqual((inbox["student_name"], inbox["requested_by_name"], inbox["old_value"], inbox["new_value"]),
                         (sheet["rows"][0]["full_name"], self.teacher.user["full_name"], "6.0", "7.5"))
        self.assertEqual((inbox["class_name"], inbox["subject_name"]), (sheet["class_name"], sheet["subject_name"]))

        # The principal enrols in TOTP.
        secret = self.principal.call("POST", "/api/v1/auth/totp/enrol").json()["secret"]
        enrolled_step = int(time.time()) // 30
        confirm = self.principal.call("POST", "/api/v1/auth/totp/confirm", {"code": totp(secret, enrolled_step)})
        self.assertEqual(confirm.status, 200, confirm.body)

        no_code = self.decide(first)
        self.assertEqual(no_code.status, 403, no_code.body)
        self.assertEqual(no_code.json()["code"], "auth.step_up_required")
        self.assertEqual(self.status_of(first), "pending")
        self.assertEqual(self.cell(a, "ck"), "6.0")

        # A code no step near now gives (the drift window is one step each way).
        valid = {totp(secret, enrolled_step + d) for d in range(-2, 4)}
        wrong = next(c for c in ("000000", "111111", "222222", "333333", "444444", "555555", "666666")
                     if c not in valid)
        bad = self.decide(first, wrong)
        self.assertEqual(bad.status, 401, bad.body)
        self.assertEqual(bad.json()["code"], "auth.totp_invalid")
        self.assertEqual(self.status_of(first), "pending")
        self.assertEqual(self.cell(a, "ck"), "6.0")
        self.assertEqual(len(audit_rows("auth.step_up_failed", "account:" + PRINCIPAL)), 1)

        # A code of a step after the one spent at enrolment: the current step, or the next (one step of drift).
        code = totp(secret, max(int(time.time()) // 30, enrolled_step + 1))
        ok = self.decide(first, code)
        self.assertEqual(ok.status, 200, ok.body)
        self.assertEqual(ok.json()["status"], "approved")
        self.assertEqual(ok.json()["witnesses"], ["Lý Minh Đức"])
        self.assertEqual(self.cell(a, "ck"), "7.5")
        history = self.teacher.call(
            "GET", f"/api/v1/classes/{self.class_id}/subjects/{self.subject}/scores/history?semester={SEMESTER}"
                   f"&student_id={a}&item=ck").json()["items"]
        self.assertEqual([(h["old_value"], h["new_value"], h["correction_id"]) for h in history],
                         [("", "6.0", None), ("6.0", "7.5", first)])
        approvals = audit_rows("gradebook.correction_approved", "correction:" + first)
        self.assertEqual(len(approvals), 1)
        self.assertEqual(approvals[0][0], self.principal.user["id"])
        self.assertIn('"step_up":"totp"', approvals[0][1])
        applied = audit_rows("gradebook.correction_applied", f"sheet:{self.class_id}/{self.subject}/{SEMESTER}")
        self.assertTrue(any(f'"approval_id":{first}' in d for _, d in applied), applied)

        # The same code cannot approve another request.
        again = self.decide(second, code)
        self.assertEqual(again.status, 401, again.body)
        self.assertEqual(again.json()["code"], "auth.totp_invalid")
        self.assertEqual(self.status_of(second), "pending")
        self.assertEqual(self.cell(b, "ck"), "5.0")


if __name__ == "__main__":
    unittest.main()
