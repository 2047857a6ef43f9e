#!/usr/bin/env python3
"""Checks one solver output with the shared check_solution.py and appends a JSON line to the results file."""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "bench", "timetable"))
import check_solution  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--solver", required=True)
    ap.add_argument("--instance", required=True)
    ap.add_argument("--limit", type=float, required=True)
    ap.add_argument("--wall", type=float, required=True)
    ap.add_argument("--first", type=float, required=True)
    ap.add_argument("--solution", required=True)
    args = ap.parse_args()
    inst = json.load(open(args.instance, encoding="utf-8"))
    row = {"solver": args.solver, "instance": inst["name"], "level": inst["level"], "classes": len(inst["classes"]),
           "teachers": len(inst["teachers"]), "limit": args.limit, "wall_s": round(args.wall, 3),
           "first_valid_s": round(args.first, 3) if args.first >= 0 else None, "solved": False}
    if os.path.exists(args.solution):
        report = check_solution.check(inst, check_solution.load_solution(inst, args.solution))
        soft = report["soft"]
        row.update({"solved": True, "hard_ok": report["hard_ok"], "hard_violations": report["hard_violations"],
                    "teacher_gaps": soft["teacher_gaps_total"], "gaps_per_teacher": soft["teacher_gaps_total"] / soft["teachers"],
                    "max_gaps_teacher": soft["teacher_gaps_max_week"], "single_period_days": soft["teacher_single_period_days"]})
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
