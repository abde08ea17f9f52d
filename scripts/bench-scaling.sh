#!/usr/bin/env bash
# Scaling of palermo (issue 12): whole-process CPU time (user + system) and peak resident memory of
#   palermo check ACT --format json -o /dev/null     on synthetic acts of 1, 10, 100 and 500 MB
#   palermo index ACT --db FRESH.db                  on the same acts
#   palermo compare q0000 ... --format csv|html      over 10, 100 and 1,000 synthetic countries
# and check of a 16 MB synthetic act against the 4 MB UK act it is made from (issue 11: at most 5x).
# Prints one markdown table (progress goes to stderr).
#
# Usage: bash scripts/bench-scaling.sh
# Env:   PALERMO_BUILD_DIR   the build to time (default build/; only the palermo target is needed)
#        PALERMO_SHARED_DIR  default ../shared (the UK act is ../shared/akn/samples/uk/ukpga-2023-29-2024-11-01.akn.xml)
#        SCALING_DIR         where the synthetic inputs are written and kept between runs (default /tmp/palermo-scaling)
#        SCALING_SIZES       act sizes in MB (default "1 10 100 500")
#        SCALING_COUNTRIES   country counts (default "10 100 1000")
#        SCALING_RUNS        runs per case up to 16 MB and 100 countries, median reported (default 3); larger cases run once
#        SCALING_TIMEOUT     seconds after which a run is stopped and reported as such (default 600)
# Inputs are made by scripts/make-synthetic-act.py and scripts/make-synthetic-countries.py (Python 3, standard library).
# Needs /usr/bin/time (Debian package time) and timeout (coreutils). The machine is measured as it is: run it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${PALERMO_BUILD_DIR:-$ROOT/build}
SHARED=${PALERMO_SHARED_DIR:-$ROOT/../shared}
WORK=${SCALING_DIR:-/tmp/palermo-scaling}
SIZES=${SCALING_SIZES:-1 10 100 500}
COUNTRIES=${SCALING_COUNTRIES:-10 100 1000}
RUNS=${SCALING_RUNS:-3}
LIMIT=${SCALING_TIMEOUT:-600}
PALERMO=$BUILD/palermo
UK_ACT=$SHARED/akn/samples/uk/ukpga-2023-29-2024-11-01.akn.xml
export PALERMO_MAX_INPUT_MB=4096  # the 500 MB act is above the default 256 MB input limit
export NO_COLOR=1

[ -x /usr/bin/time ] || { echo "bench-scaling.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
[ -x "$PALERMO" ] || { echo "bench-scaling.sh: $PALERMO not built (cmake --build $BUILD --target palermo)" >&2; exit 2; }
[ -f "$UK_ACT" ] || { echo "bench-scaling.sh: $UK_ACT not found (set PALERMO_SHARED_DIR)" >&2; exit 2; }
mkdir -p "$WORK"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

say() { echo "bench-scaling: $*" >&2; }

act() {  # act MB: the synthetic act of MB megabytes, made once
  local f=$WORK/act-$1mb.akn.xml
  [ -s "$f" ] || python3 "$ROOT/scripts/make-synthetic-act.py" "$1" "$f" --source "$UK_ACT" >&2
  echo "$f"
}

countries() {  # countries N: the folder of N synthetic countries, made once
  local d=$WORK/countries-$1
  [ -f "$d/.done" ] || { rm -rf "$d"; python3 "$ROOT/scripts/make-synthetic-countries.py" "$1" "$d" >&2 && touch "$d/.done"; }
  echo "$d"
}

# once CMD...: one run under /usr/bin/time and timeout; sets CPU (s), WALL (s), RSS (MB), STOPPED (0/1).
once() {
  local rc=0
  rm -f "$TMP/db"*
  timeout "$LIMIT" /usr/bin/time -f '%e %U %S %M' -o "$TMP/time" "$@" >/dev/null 2>"$TMP/err" || rc=$?
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    STOPPED=1 CPU=">$LIMIT" WALL=">$LIMIT" RSS="?"
    return
  fi
  if [ "$rc" != 0 ]; then
    say "'$*' failed with exit code $rc:"; cat "$TMP/err" >&2; exit 4
  fi
  STOPPED=0
  read -r WALL CPU RSS < <(awk 'END {printf "%.2f %.2f %.1f\n", $1, $2 + $3, $4 / 1024}' "$TMP/time")
}

# measure RUNS CMD...: the median of RUNS runs (by CPU time); stops early when a run is stopped.
measure() {
  local runs=$1; shift
  local rows=()
  for ((i = 0; i < runs; i++)); do
    once "$@"
    [ "$STOPPED" = 1 ] && return
    rows+=("$CPU $WALL $RSS")
  done
  read -r CPU WALL RSS < <(printf '%s\n' "${rows[@]}" | sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}')
}

mb() { awk -v b="$(du -sb "$1" | cut -f1)" 'BEGIN {printf "%.1f", b / 1e6}'; }
per() { awk -v a="$1" -v b="$2" -v d="${3:-3}" 'BEGIN {if (a ~ /^>/ || b == 0) print "-"; else printf "%.*f", d, a / b}'; }

row() {  # row COMMAND INPUT MB UNITS UNIT_NAME
  local cmd=$1 input=$2 size=$3 units=$4 unit=$5
  if [ "$STOPPED" = 1 ]; then
    printf '| %s | %s | %s | stopped after %s s | | | |\n' "$cmd" "$input" "$size" "$LIMIT"
  else
    printf '| %s | %s | %s | %s | %s | %s | %s s/%s, RSS %s x input |\n' "$cmd" "$input" "$size" "$CPU" "$WALL" "$RSS" \
      "$(per "$CPU" "$units")" "$unit" "$(per "$RSS" "$size" 1)"
  fi
}

say "palermo: $("$PALERMO" --version | tr '\n' ' ')"
echo "| command | input | input MB | CPU s | wall s | peak RSS MB | per unit |"
echo "|---|---|---|---|---|---|---|"

runs_for() { awk -v s="$1" -v r="$RUNS" 'BEGIN {print (s <= 16) ? r : 1}'; }

# check and index of the synthetic acts, and of the UK act they are made from.
UK_MB=$(mb "$UK_ACT")
for size in uk $SIZES; do
  if [ "$size" = uk ]; then f=$UK_ACT; label="UK act (source)"; runs=$RUNS; else f=$(act "$size"); label="synthetic ${size} MB"; runs=$(runs_for "$size"); fi
  m=$(mb "$f")
  say "check $label ($runs run(s))"
  measure "$runs" "$PALERMO" check "$f" --format json -o /dev/null
  row check "$label" "$m" "$m" MB
  say "index $label ($runs run(s))"
  measure "$runs" "$PALERMO" index "$f" --db "$TMP/db" -q
  row index "$label" "$m" "$m" MB
done

# issue 11: check of a 16 MB act against the 4 MB act, at most 5x.
f16=$(act 16)
say "check synthetic 16 MB ($RUNS runs) vs the UK act"
measure "$RUNS" "$PALERMO" check "$UK_ACT" --format json -o /dev/null
uk_cpu=$CPU
measure "$RUNS" "$PALERMO" check "$f16" --format json -o /dev/null
m16=$(mb "$f16")
row check "synthetic 16 MB" "$m16" "$m16" MB
echo
echo "check of the 16 MB act vs the ${UK_MB} MB UK act: ${CPU} s vs ${uk_cpu} s CPU = $(per "$CPU" "$uk_cpu")x (input $(per "$m16" "$UK_MB")x; aim <= 5x)"
echo

# compare over synthetic countries.
echo "| command | countries | input MB | CPU s | wall s | peak RSS MB | per country |"
echo "|---|---|---|---|---|---|---|"
for n in $COUNTRIES; do
  d=$(countries "$n")
  runs=$(awk -v n="$n" -v r="$RUNS" 'BEGIN {print (n <= 100) ? r : 1}')
  m=$(mb "$d")
  for format in csv html; do
    say "compare $n countries --format $format ($runs run(s))"
    measure "$runs" "$PALERMO" compare "$d"/q* --format "$format" -o "$TMP/out.$format"
    row "compare --format $format" "$n" "$m" "$n" country
  done
done
