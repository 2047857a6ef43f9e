"""A primary (TT27) class through the year by API (issues 6 and 7): levels and periodic tests by the gradebook PUT,
the teachers' confirmations, the homeroom teacher's quality and competence ratings and the class's recognition,
the semester confirmations, the year-close proposal (with the principal's decision for a student who has not
completed the programme) and the approval. Every year-end level, outcome and award the server shows is compared with
`hocvu assess` on the same inputs, never with hand-written guesses."""
import os
import unittest

from test_homeroom_year import assess, subject_teachers
from test_reports import read_xlsx
from test_org_auth import Client, unit_id

CLASS_ID = "401"  # 4A1 at TH Kim Đồng (grade 4)
ITEMS = ["yeu_nuoc", "nhan_ai", "cham_chi", "trung_thuc", "trach_nhiem", "tu_chu", "giao_tiep", "gqvd_sang_tao",
         "ngon_ngu", "tinh_toan", "khoa_hoc", "cong_nghe", "tin_hoc", "tham_mi", "the_chat"]
LEVEL = {"HTT": "T", "HT": "H", "CHT": "C"}


def level_for(index, code):
    """Student 1 has Đạo đức Hoàn thành (HT), student 2 Chưa hoàn thành; the others Hoàn thành tốt."""
    if index == 1 and code == "DAODUC":
        return "HT"
    if index == 2 and code == "DAODUC":
        return "CHT"
    return "HTT"


def test_for(index, code):
    """Student 3 scores 8 in Toán (HTT, recognised by the class), student 4 scores 6 in Tiếng Việt; the others 9
    or 10."""
    if index == 3 and code == "TOAN":
        return "8"
    if index == 4 and code == "TIENGVIET":
        return "6"
    return "10" if index % 2 else "9"


def rating_for(index, item):
    """Student 5: one competence Đạt; student 6: a quality Cần cố gắng; the others Tốt."""
    if index == 5 and item == "giao_tiep":
        return "Đ"
    if index == 6 and item == "trung_thuc":
        return "C"
    return "T"


@unittest.skipUnless(os.environ.get("HOCVU_BIN"), "HOCVU_BIN not set")
class HomeroomPrimaryYear(unittest.TestCase):
    def test_a_primary_class_through_the_year_matches_the_engine(self):
        homeroom = Client("ngocttb.thkimdong")
        principal = Client("anhttn.thkimdong")
        cid = CLASS_ID
        teacher = subject_teachers(principal, unit_id(principal, "thkimdong"), cid)

        # Levels and tests by the gradebook PUT, each sheet by its teacher, who then confirms it (GB-8).
        sheets = {}
        for semester in (1, 2):
            subjects = homeroom.call("GET", f"/api/v1/classes/{cid}/results?period=hk{semester}").json()["items"][0]["subjects"]
            for code in subjects:
                path = f"/api/v1/classes/{cid}/subjects/{code}/scores?semester={semester}"
                who = teacher(code, semester)
                sheet = who.call("GET", path).json()
                changes = []
                for i, row in enumerate(sheet["rows"]):
                    for c in sheet["columns"]:
                        value = LEVEL[level_for(i, code)] if c["type"] == "level" else test_for(i, code)
                        changes.append({"student_id": row["student_id"], "item": c["item"], "value": value})
                r = who.call("PUT", path, {"base_version": sheet["version"], "changes": changes})
                self.assertEqual(r.status, 200, (code, semester, r.body))
                c = who.call("POST", f"/api/v1/classes/{cid}/subjects/{code}/confirmation?semester={semester}")
                self.assertEqual(c.status, 200, (code, semester, c.body))
                sheets[(code, semester)] = r.json()
        students = [row["student_id"] for row in sheets[("TOAN", 1)]["rows"]]

        # Without the ratings the year cannot be decided: incomplete, never guessed; HK I cannot be confirmed.
        before = homeroom.call("GET", f"/api/v1/classes/{cid}/summary?period=year").json()
        self.assertEqual(before["regulation"], "tt27")
        self.assertTrue(all(i["learning"] == "incomplete" for i in before["items"]))
        refused = homeroom.call("POST", f"/api/v1/classes/{cid}/homeroom-confirmation", {"period": "hk1"})
        self.assertEqual(refused.status, 409, refused.body)
        self.assertEqual(refused.json()["code"], "homeroom.incomplete")
        self.assertEqual({tuple(s["missing"]) for s in refused.json()["students"]}, {("qualities hk1 15",)})

        # The 15 ratings at mid-term and end of term of both semesters, and the class's recognition of student 3.
        for semester in (1, 2):
            sheet = homeroom.call("GET", f"/api/v1/classes/{cid}/qualities?semester={semester}").json()
            self.assertEqual(sheet["item_codes"], ITEMS)
            changes = [{"student_id": s, "point": point, "item": item, "rating": rating_for(i, item)}
                       for i, s in enumerate(students) for point in ("gk", "ck") for item in ITEMS]
            if semester == 2:
                changes.append({"student_id": students[3], "point": "ck", "item": "tieu_bieu", "rating": "x",
                                "note": "Tiến bộ rõ rệt môn Toán"})
            r = homeroom.call("PUT", f"/api/v1/classes/{cid}/qualities?semester={semester}",
                              {"base_version": sheet["version"], "changes": changes})
            self.assertEqual(r.status, 200, r.body)
            stale = principal.call("PUT", f"/api/v1/classes/{cid}/qualities?semester={semester}",
                                   {"base_version": sheet["version"],
                                    "changes": [{"student_id": students[5], "point": "ck", "item": "giao_tiep",
                                                 "rating": "T"}]})
            self.assertEqual(stale.status, 409, stale.body)
            self.assertEqual(stale.json()["code"], "homeroom.conflict")
            self.assertEqual(stale.json()["conflicts"][0]["theirs"], "Đ")

        for period in ("hk1", "hk2"):
            r = homeroom.call("POST", f"/api/v1/classes/{cid}/homeroom-confirmation", {"period": period})
            self.assertEqual(r.status, 200, (period, r.body))

        def engine_input(i, student):
            subjects = []
            for (code, semester), sheet in sheets.items():
                if semester != 2:
                    continue
                row = [r for r in sheet["rows"] if r["student_id"] == student][0]
                entry = {"code": code, "kind": "tt27", "year_level": row["cells"]["ck_muc"]["value"]}
                if "ck_kt" in row["cells"]:
                    entry["year_test"] = int(float(row["cells"]["ck_kt"]["value"]))
                subjects.append(entry)
            return {"id": student, "regulation": "auto", "school_year": "2026-2027", "level": "TH", "grade": 4,
                    "subjects": subjects, "qualities": [rating_for(i, item) for item in ITEMS],
                    "outstanding": i == 3}

        engine = {r["id"]: r for r in assess([engine_input(i, s) for i, s in enumerate(students)])}
        self.assertTrue(all("error" not in r for r in engine.values()), engine)
        # The inputs reach every TT27 level and both titles.
        self.assertEqual({e["learning"]["year"] for e in engine.values()},
                         {"Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành"})
        self.assertEqual(engine[students[3]]["award"], "Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện")

        summary = homeroom.call("GET", f"/api/v1/classes/{cid}/summary?period=year")
        self.assertEqual(summary.status, 200, summary.body)
        for item in summary.json()["items"]:
            e = engine[item["student_id"]]
            self.assertEqual(item["learning"], e["learning"]["year"], item["full_name"])
            self.assertEqual(item["outcome"], e["outcome"], item["full_name"])
            self.assertEqual(item["award"], e["award"] or "", item["full_name"])
            self.assertEqual(item["conduct"], "", item["full_name"])
            self.assertEqual(item["rank"], 0, item["full_name"])
            for code, value in item["subjects"].items():
                subject = [s for s in e["subjects"] if s["code"] == code][0]
                self.assertEqual(value, subject["year"], code)
                self.assertEqual(item["tests"].get(code), f'{subject["year_test"]}.0' if "year_test" in subject else None)
        results = homeroom.call("GET", f"/api/v1/classes/{cid}/results?period=year").json()["items"]
        for r in results:
            self.assertEqual(r["learning"], engine[r["student_id"]]["learning"]["year"], r["full_name"])

        # The lists: prefilled by the engine; the student who has not completed the programme goes to the principal
        # with the homeroom teacher's proposal after the support and supplementary assessment (Điều 11).
        close = homeroom.call("GET", f"/api/v1/classes/{cid}/year-close").json()
        self.assertEqual(close["regulation"], "tt27")
        for item in close["items"]:
            self.assertEqual(item["engine"]["outcome"], engine[item["student_id"]]["outcome"])
            self.assertEqual(item["engine"]["award"], engine[item["student_id"]]["award"] or "")
        pending = [s for s in students if engine[s]["outcome"] == "principal_decision"]
        self.assertIn(students[2], pending)
        overrides = [{"student_id": s, "outcome": "retained" if s == students[2] else "promoted",
                      "reason": "Đã giúp đỡ và đánh giá bổ sung"} for s in pending]
        submitted = homeroom.call("PUT", f"/api/v1/classes/{cid}/year-close",
                                  {"base_version": close["version"], "overrides": overrides})
        self.assertEqual(submitted.status, 200, submitted.body)
        decided = principal.call("POST", f"/api/v1/classes/{cid}/year-close/decision",
                                 {"decision": "approve", "base_version": submitted.json()["version"]})
        self.assertEqual(decided.status, 200, decided.body)
        self.assertEqual(decided.json()["status"], "approved")
        chosen = {o["student_id"]: o["outcome"] for o in overrides}
        for item in decided.json()["items"]:
            want = chosen.get(item["student_id"], engine[item["student_id"]]["outcome"])
            self.assertEqual(item["proposed"]["outcome"], want, item["full_name"])
            # Approved: every primary student's outcome is final (no summer step).
            self.assertEqual((item["final"]["outcome"], item["final"]["done"]), (want, True), item["full_name"])
        lists = decided.json()["lists"]
        self.assertEqual(sorted(lists["retained"]), [students[2]])
        self.assertEqual(lists["reassessment"], [])
        self.assertEqual(lists["summer_training"], [])
        summer = homeroom.call("PUT", f"/api/v1/classes/{cid}/summer-results",
                               {"items": [{"student_id": students[2], "conduct": "dat"}]})
        self.assertEqual(summer.status, 422, summer.body)

        # The board's class summary of the year lists the same levels, and the outcomes as decided: the
        # principal's decision, not the engine's "principal_decision" (GB-4, GB-5).
        board = principal.call("GET", f"/api/v1/reports/classes/{cid}/year-classification")
        self.assertEqual(board.status, 200, board.body)
        for row in board.json()["rows"]:
            e = engine[row["student"]["id"]]
            self.assertEqual(row["standing"]["learning"], e["learning"]["year"])
            self.assertEqual(row["standing"]["outcome"], chosen.get(row["student"]["id"], e["outcome"]))

        # Its .xlsx speaks TT27: no conduct (rèn luyện) and no rank columns, the outcome in TT27's words, and the
        # learning level of every student as the page shows it.
        xlsx = principal.call("GET", f"/api/v1/reports/classes/{cid}/year-classification?format=xlsx")
        self.assertEqual(xlsx.status, 200, xlsx.body[:300])
        rows = next(iter(read_xlsx(xlsx.body).values()))
        header = next(r for r in rows if r[:3] == ["STT", "Mã học sinh", "Họ và tên"])
        self.assertNotIn("Rèn luyện", header)
        self.assertNotIn("Xếp hạng", header)
        self.assertFalse(any("Rèn luyện" in cell for r in rows for cell in r), rows)
        learning, outcome = header.index("Học tập"), header.index("Kết quả")
        self.assertEqual(len(header), outcome + 2, header)  # ... Kết quả, Danh hiệu
        names = {"promoted": "Hoàn thành chương trình lớp học", "retained": "Ở lại lớp"}
        by_name = {row["student"]["full_name"]: row for row in board.json()["rows"]}
        seen = 0
        for r in rows:
            if len(r) > outcome and r[2] in by_name:
                standing = by_name[r[2]]["standing"]
                self.assertEqual(r[learning], standing["learning"], r)
                self.assertEqual(r[outcome], names[standing["outcome"]], r)
                seen += 1
        self.assertEqual(seen, len(by_name))


if __name__ == "__main__":
    unittest.main()
