#!/usr/bin/env python3
"""Prints the benchmark table (markdown) from a results.jsonl written by run.sh."""
import json
import sys


def cell(row):
    if row is None:
        return "–"
    if not row.get("solved"):
        return "no timetable"
    ok = "" if row["hard_ok"] else " **INVALID**"
    return f'{row["gaps_per_teacher"]:.2f} / {row["single_period_days"]}{ok}'


def main():
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    limits = sorted({r["limit"] for r in rows if r["solver"] == "ours"})
    instances = []
    for r in rows:
        if r["instance"] not in instances:
            instances.append(r["instance"])
    head = ["instance", "classes/teachers", "first valid: FET", "first valid: ours"]
    for limit in limits:
        head += [f"FET @{limit:g}s gaps/teacher / 1-period days", f"ours @{limit:g}s gaps/teacher / 1-period days"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name in instances:
        fet = next((r for r in rows if r["instance"] == name and r["solver"] == "fet"), None)
        ours = {r["limit"]: r for r in rows if r["instance"] == name and r["solver"] == "ours"}
        any_row = fet or next(iter(ours.values()))
        first_ours = min((r["first_valid_s"] for r in ours.values() if r.get("first_valid_s") is not None), default=None)
        line = [name, f'{any_row["classes"]}/{any_row["teachers"]}',
                f'{fet["wall_s"]:.2f} s' if fet and fet.get("solved") else "–",
                f'{first_ours:.3f} s' if first_ours is not None else "–"]
        for limit in limits:
            line += [cell(fet), cell(ours.get(limit))]
        print("| " + " | ".join(line) + " |")
    print()
    print("gaps/teacher = teacher gaps (tiết trống) per teacher per week; 1-period days = teacher days with a single"
          " period; both from check_solution.py. FET stops at its first valid timetable, so its figures are the same"
          " at every limit; its first-valid time is the wall time of the fet-cl process. INVALID = a hard rule broken.")


if __name__ == "__main__":
    main()
