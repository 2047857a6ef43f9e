#!/usr/bin/env bash
# Assessment benchmark: 200,000 student-years of a province, in-process and through `hocvu assess`.
# Usage: bench/assess/run.sh [HOCVU_BINARY] [STUDENT_YEARS]
#   HOCVU_BINARY defaults to build/release/src/app/hocvu; when it does not exist, the script measures through
#   assess_jsonl_driver (the same RunAssessJsonLines entry point without the rest of hocvu) and says so.
#   BENCH_BUILD (default build/h-assess-rel) is the Release build tree holding assess_bench and the driver.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="${1:-build/release/src/app/hocvu}"
count="${2:-200000}"
bench_build="${BENCH_BUILD:-build/h-assess-rel}"
bench="$bench_build/bench/assess/assess_bench"
driver="$bench_build/bench/assess/assess_jsonl_driver"

if [[ ! -x "$bench" ]]; then
    cmake -S . -B "$bench_build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$bench_build" --target assess_bench assess_jsonl_driver -j1 >/dev/null
fi

echo "== in-process"
"$bench" "$count"

echo "== through the command"
command=("$binary" assess)
if [[ ! -x "$binary" ]]; then
    echo "note: $binary not found; measuring through $driver (RunAssessJsonLines without the rest of hocvu)"
    [[ -x "$driver" ]] || cmake --build "$bench_build" --target assess_jsonl_driver -j1 >/dev/null
    command=("$driver")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bench" --emit-jsonl "$work/province.jsonl" "$count"
echo "input: $(wc -l < "$work/province.jsonl") lines, $(du -h "$work/province.jsonl" | cut -f1)"
TIMEFORMAT='%R %U %S'
{ time "${command[@]}" < "$work/province.jsonl" > "$work/results.jsonl" 2> "$work/stderr"; } 2> "$work/time"
read -r real user sys < "$work/time"
lines=$(wc -l < "$work/results.jsonl")
errors=$(grep -c '"error":{' "$work/results.jsonl" || true)
printf 'command (%s): %s lines out (%s with an error object), output %s\n' "${command[*]}" "$lines" "$errors" \
    "$(du -h "$work/results.jsonl" | cut -f1)"
printf '  %.0f student-years/s wall clock (%.2f s); %.0f student-years/s of CPU time (user %.2f s + sys %.2f s)\n' \
    "$(echo "$lines / $real" | bc -l)" "$real" "$(echo "$lines / ($user + $sys)" | bc -l)" "$user" "$sys"
echo "  (JSON parsing, validation, the engine, explanation lines and output included)"
