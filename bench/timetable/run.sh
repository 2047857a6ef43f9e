#!/usr/bin/env bash
# Benchmark of the timetable solver against Debian's FET (fet-cl) on generated Vietnamese school instances.
#
#   bench/timetable/run.sh [SOLVER_BINARY]
#
# SOLVER_BINARY: the `hocvu` binary (run as `hocvu timetable solve`) or the `tkb_solve` driver; by default
# build/release/src/app/hocvu, else the tkb_solve driver of build/release or build/h-tt-rel.
# Environment: LIMITS (default "10 60"), SIZES (default "12 24 36 48"), LEVELS (default "THCS THPT"), SEED (1),
# TIERS (default "base": the generator's instances; "min2" adds the hard rule "a teacher who comes teaches at least
# 2 periods", given to FET too), OUT (run directory, default bench/timetable/runs/<date>).
# FET stops at its first valid timetable, so it is run once per instance (limit = the largest of LIMITS).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/timetable
SHARED=$ROOT/../shared/bench/timetable
LIMITS=${LIMITS:-"10 60"}
SIZES=${SIZES:-"12 24 36 48"}
LEVELS=${LEVELS:-"THCS THPT"}
SEED=${SEED:-1}
TIERS=${TIERS:-base}
OUT=${OUT:-$HERE/runs/$(date +%Y%m%d-%H%M%S)}

BIN=${1:-}
if [[ -z "$BIN" ]]; then
  for candidate in "$ROOT/build/release/src/app/hocvu" "$ROOT/build/release/bench/timetable/tkb_solve" \
                   "$ROOT/build/h-tt-rel/bench/timetable/tkb_solve"; do
    if [[ -x "$candidate" ]]; then BIN=$candidate; break; fi
  done
fi
if [[ -z "$BIN" || ! -x "$BIN" ]]; then
  echo "no solver binary found; build tkb_solve or hocvu (Release) or pass its path" >&2
  exit 1
fi
SOLVE=("$BIN")
if [[ "$(basename "$BIN")" == "hocvu" ]]; then SOLVE=("$BIN" timetable solve); fi

if ! command -v fet-cl >/dev/null 2>&1; then
  echo "installing FET (Debian package fet) for the comparison…" >&2
  apt-get update -qq && apt-get install -y -qq --no-install-recommends fet >/dev/null
fi
FET_VERSION=$(fet-cl --version 2>&1 | head -1 || true)

mkdir -p "$OUT/instances"
RESULTS=$OUT/results.jsonl
: > "$RESULTS"
max_limit=0
for l in $LIMITS; do if (( l > max_limit )); then max_limit=$l; fi; done

now() { date +%s.%N; }

for tier in $TIERS; do
 for level in $LEVELS; do
  for size in $SIZES; do
    name=$(echo "$level" | tr 'A-Z' 'a-z')_${size}c_s${SEED}
    tier_args=()
    case "$tier" in
      base) ;;
      min2) name=${name}_min2; tier_args=(--teacher-min-per-day 2) ;;
      *) echo "unknown tier $tier" >&2; exit 1 ;;
    esac
    python3 "$SHARED/gen_instance.py" --level "$level" --classes "$size" --seed "$SEED" --out "$OUT/instances" \
      --name "$name" "${tier_args[@]}" >/dev/null
    inst=$OUT/instances/$name.json

    fet_dir=$OUT/fet/$name
    mkdir -p "$fet_dir"
    start=$(now)
    timeout -k 10 $((max_limit + 30)) fet-cl --inputfile="$OUT/instances/$name.fet" --outputdir="$fet_dir" \
      --timelimitseconds="$max_limit" --htmllevel=0 --language=en_US \
      --writetimetablesstatistics=false --writetimetablesdayshorizontal=false --writetimetablesdaysvertical=false \
      --writetimetablestimehorizontal=false --writetimetablestimevertical=false --writetimetablesrooms=false \
      --writetimetablessubjects=false --writetimetablesteachersfreeperiods=false \
      --warnsubgroupswiththesameactivities=false --randomseeds10=11 --randomseeds11=12 --randomseeds12=13 \
      --randomseeds20=21 --randomseeds21=22 --randomseeds22=23 > "$fet_dir/stdout.txt" 2>&1 || true
    wall=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    python3 "$HERE/record.py" --results "$RESULTS" --solver fet --instance "$inst" --limit "$max_limit" \
      --wall "$wall" --first "$wall" --solution "$fet_dir/timetables/$name/${name}_activities.xml"

    for limit in $LIMITS; do
      sol=$OUT/ours/${name}_${limit}s.json
      mkdir -p "$OUT/ours"
      start=$(now)
      "${SOLVE[@]}" "$inst" --time-limit "$limit" --seed "$SEED" --out "$sol" 2> "$OUT/ours/${name}_${limit}s.log" || true
      wall=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
      first=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['stats']['first_feasible_seconds'])" "$sol" 2>/dev/null || echo -1)
      python3 "$HERE/record.py" --results "$RESULTS" --solver ours --instance "$inst" --limit "$limit" \
        --wall "$wall" --first "$first" --solution "$sol"
    done
  done
 done
done

{
  echo "Machine: $(nproc) CPUs, load average at end: $(cut -d' ' -f1-3 /proc/loadavg); FET: $FET_VERSION; solver: ${SOLVE[*]}"
  echo
  python3 "$HERE/make_table.py" "$RESULTS"
} | tee "$OUT/table.md"
