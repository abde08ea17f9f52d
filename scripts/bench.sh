#!/usr/bin/env bash
# Whole-process timings of palermo against public tools doing the least the same job needs (issue 12),
# side by side in one run:
#   1. palermo check UK-Act --format json     vs  xmllint --noout UK-Act                     (aim: <= 2x)
#   2. palermo check Namibian act             vs  xmllint --noout on it                      (aim: <= 3x)
#   3. palermo index every AKN file of ../shared and corpus/
#                                             vs  xmllint --noout on them + sqlite3 inserting the same
#                                                 text into a plain FTS5 table                (aim: <= 1.5x)
#   4. palermo check of a 16 MB act           vs  palermo check of the 4 MB act it is made from (aim: <= 5x)
#   5. palermo compare of 200 countries       (aim: < 1 s with the findings stored by index)
#   6. palermo import: text vs xmllint on the published AKN; PDF vs pdftotext and text vs cat (aim: <= 2x)
# Usage: bash scripts/bench.sh [RUNS]   (env: PALERMO_BUILD_DIR, default build/; PALERMO_SHARED_DIR;
#        BENCH_CACHE, default /tmp/palermo-bench: synthetic inputs, made once)
# Each command runs RUNS times (default 7) after one warm-up. Reported: the median CPU time (user + system, as the
# issue measures) and the median wall time, and the peak resident memory, all from /usr/bin/time; ratios are of
# CPU times. Needs: palermo built, xmllint, sqlite3, python3, /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${PALERMO_BUILD_DIR:-$ROOT/build}
SHARED=${PALERMO_SHARED_DIR:-$ROOT/../shared}
RUNS=${1:-7}
PALERMO=$BUILD/palermo
UK_ACT=$SHARED/akn/samples/uk/ukpga-2023-29-2024-11-01.akn.xml
SAMPLES=$SHARED/akn/samples

for tool in xmllint sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench.sh: $tool is missing (bash scripts/dev.sh deps)" >&2; exit 2; }
done
[ -x "$PALERMO" ] || { echo "bench.sh: $PALERMO not built (cmake --build $BUILD --target palermo)" >&2; exit 2; }
[ -f "$UK_ACT" ] || { echo "bench.sh: $UK_ACT not found (set PALERMO_SHARED_DIR)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure NAME CMD...: prints the median CPU and wall times and the peak RSS, and leaves the median CPU time
# (ms) in $MEDIAN_MS. A command may be a shell snippet (run through bash -c) so that setup such as
# removing the database is part of each run (the shell's own cost, about a millisecond, is included).
# CPU time is the kernel's rusage of the finished process and everything it waited for, read to the
# microsecond (/usr/bin/time rounds to 10 ms, too coarse for a small act).
cat >"$WORK/measure.py" <<'PY'
import os, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2]
cpu, wall, peak = [], [], 0
for _ in range(runs):
    start = time.monotonic()
    child = subprocess.Popen(["bash", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    wall.append(time.monotonic() - start)
    cpu.append(usage.ru_utime + usage.ru_stime)
    peak = max(peak, usage.ru_maxrss)
print("%.1f %.1f %d" % (statistics.median(cpu) * 1000, statistics.median(wall) * 1000, peak))
PY
measure() {
  local name=$1; shift
  bash -c "$*" >/dev/null 2>&1 || { echo "bench.sh: '$*' failed" >&2; bash -c "$*" >/dev/null || true; exit 4; }
  local cpu wall rss
  read -r cpu wall rss < <(python3 "$WORK/measure.py" "$RUNS" "$*")
  MEDIAN_MS=$cpu
  printf '  %-52s %9s ms CPU %9s ms wall %8s kB peak\n' "$name" "$cpu" "$wall" "$rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }

echo "palermo whole-process timings: median of $RUNS runs ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "1. check one Act (UK $(basename "$UK_ACT"), $(du -k "$UK_ACT" | cut -f1) kB)"
measure "xmllint --noout" "xmllint --noout --nonet '$UK_ACT'"
floor_check=$MEDIAN_MS
# palermo check exits 1 when it finds gaps, which is its normal answer for this Act.
measure "palermo check --format json" "'$PALERMO' check '$UK_ACT' --format json -o /dev/null; [ \$? -le 1 ]"
check=$MEDIAN_MS
echo "  ratio check/xmllint: $(ratio "$check" "$floor_check")x (aim <= 2x)"
echo

NA_ACT=$SHARED/statutes/akn/na_act_2018_1_combating-of-trafficking-in-persons.akn.xml
echo "2. check a small act (Namibia's of 2018, $(du -k "$NA_ACT" | cut -f1) kB)"
measure "xmllint --noout" "xmllint --noout --nonet '$NA_ACT'"
floor_small=$MEDIAN_MS
measure "palermo check --format json" "'$PALERMO' check '$NA_ACT' --format json -o /dev/null; [ \$? -le 1 ]"
small=$MEDIAN_MS
measure "palermo --version (start-up and the model)" "'$PALERMO' --version"
echo "  ratio check/xmllint: $(ratio "$small" "$floor_small")x (aim <= 3x)"
echo

# The floor reads the same files with libxml2 and inserts exactly the text palermo indexes into a plain
# FTS5 table with the default unicode61 tokenizer: one palermo index run is dumped as INSERTs (heading,
# own text per provision).
mapfile -t AKN_FILES < <(find "$SHARED/akn/samples" "$SHARED/statutes/akn" "$ROOT/corpus" -name '*.xml' | sort)
printf '%s\n' "${AKN_FILES[@]}" >"$WORK/files"
echo "3. index every AKN file of ../shared and corpus/ (${#AKN_FILES[@]} files)"
"$PALERMO" index --quiet --db "$WORK/dump.db" "${AKN_FILES[@]}" >/dev/null 2>&1 || true
{
  echo "CREATE VIRTUAL TABLE fts USING fts5(heading, text);"
  echo "BEGIN;"
  sqlite3 "$WORK/dump.db" ".mode insert fts" "SELECT heading, text FROM provisions;"
  echo "COMMIT;"
} >"$WORK/fts5.sql"
rows=$(sqlite3 "$WORK/dump.db" "SELECT count(*) FROM provisions;")
echo "  ($rows provisions, $(du -k "$WORK/fts5.sql" | cut -f1) kB of SQL text)"
measure "xmllint --noout + sqlite3 FTS5 inserts (floor)" \
  "rm -f '$WORK/floor.db'*; xargs -d '\\n' xmllint --noout --nonet < '$WORK/files' && sqlite3 '$WORK/floor.db' < '$WORK/fts5.sql'"
floor_index=$MEDIAN_MS
# The floor does what `index --no-findings` does (read, store, full-text index); plain `index` also
# analyses every country it indexes and stores the findings `compare --db` reads, shown beside it.
measure "palermo index --no-findings" \
  "rm -f '$WORK/p.db'*; xargs -d '\\n' '$PALERMO' index --quiet --no-findings --db '$WORK/p.db' < '$WORK/files'; [ \$? -le 3 ]"
index=$MEDIAN_MS
measure "palermo index (and each country's findings)" \
  "rm -f '$WORK/p.db'*; xargs -d '\\n' '$PALERMO' index --quiet --db '$WORK/p.db' < '$WORK/files'; [ \$? -le 3 ]"
echo "  ratio index --no-findings/floor: $(ratio "$index" "$floor_index")x (aim <= 1.5x)"
echo

# Synthetic inputs (scripts/make-synthetic-act.py, make-synthetic-countries.py), made once and kept.
CACHE=${BENCH_CACHE:-/tmp/palermo-bench}
mkdir -p "$CACHE"
[ -f "$CACHE/act-16mb.akn.xml" ] || python3 scripts/make-synthetic-act.py 16 "$CACHE/act-16mb.akn.xml" >/dev/null
echo "4. check a 16 MB act against the 4 MB act it repeats (linear growth: about 4x)"
measure "palermo check, 4 MB (UK Act)" "'$PALERMO' check '$UK_ACT' --format json -o /dev/null; [ \$? -le 1 ]"
base16=$MEDIAN_MS
measure "palermo check, 16 MB" "'$PALERMO' check '$CACHE/act-16mb.akn.xml' --format json -o /dev/null; [ \$? -le 1 ]"
big16=$MEDIAN_MS
echo "  ratio 16 MB/4 MB: $(ratio "$big16" "$base16")x for $(ratio "$(stat -c %s "$CACHE/act-16mb.akn.xml")" "$(stat -c %s "$UK_ACT")")x the bytes (aim <= 5x)"
echo

[ -d "$CACHE/countries-200" ] || python3 scripts/make-synthetic-countries.py 200 "$CACHE/countries-200" >/dev/null
echo "5. compare 200 countries (copies of the corpus countries, scripts/make-synthetic-countries.py)"
measure "palermo compare --format csv (analyses them all)" \
  "'$PALERMO' compare '$CACHE'/countries-200/* --format csv -o /dev/null"
"$PALERMO" index --quiet --db "$WORK/countries.db" "$CACHE"/countries-200/* >/dev/null 2>&1 || true
measure "palermo compare --db (findings stored by index)" \
  "'$PALERMO' compare --db '$WORK/countries.db' --format csv -o /dev/null"
echo "  aim for compare --db: < 1000 ms (wall)"
echo

# Import: a statute as published in plain text turned into Akoma Ntoso, against libxml2 reading the
# same statute as published in Akoma Ntoso (the cost of starting from text rather than from XML).
RW=rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others
echo
echo "6. import one statute from text ($RW, $(du -k "$SHARED/statutes/text/$RW.txt" | cut -f1) kB)"
measure "xmllint --noout (the published AKN)" "xmllint --noout --nonet '$SHARED/statutes/akn/$RW.akn.xml'"
floor_import=$MEDIAN_MS
measure "palermo import (text to AKN)" "'$PALERMO' import -q '$SHARED/statutes/text/$RW.txt' -o '$WORK/rw.akn.xml'"
import_ms=$MEDIAN_MS
echo "  ratio import/xmllint: $(ratio "$import_ms" "$floor_import")x"


# Import from PDF and from text as whole processes, against pdftotext and cat. The PDF (a whole act
# in two justified columns, hyphenated, with running heads) is written by the tests' PDF writer
# (tests/import/fixtures.hpp), so these cases are Google Benchmark cases of palermo_bench.
echo
echo "   and one whole act from PDF and from text, whole processes (Namibia's act of 2018, 10 pages)"
BENCH_BIN=$BUILD/palermo_bench
if [ ! -x "$BENCH_BIN" ]; then
  echo "  skipped: $BENCH_BIN not built (cmake --build $BUILD --target palermo_bench)"
elif ! command -v pdftotext >/dev/null; then
  echo "  skipped: pdftotext is missing (poppler-utils; bash scripts/dev.sh deps)"
else
  PALERMO_BINARY=$PALERMO "$BENCH_BIN" --benchmark_filter='WholeProcess' --benchmark_repetitions="$RUNS" \
    --benchmark_report_aggregates_only=true --benchmark_format=csv 2>/dev/null >"$WORK/import.csv"
  median() { awk -F, -v n="\"$1/real_time_median\"" '$1 == n { printf "%.1f", $3 }' "$WORK/import.csv"; }
  pdftotext_ms=$(median BM_WholeProcess_Pdftotext_NamibiaPdf)
  pdf_ms=$(median BM_WholeProcess_PalermoImport_NamibiaPdf)
  cat_ms=$(median BM_WholeProcess_Cat_NamibiaText)
  txt_ms=$(median BM_WholeProcess_PalermoImport_NamibiaText)
  printf '  %-44s %9s ms\n' "pdftotext X.pdf /dev/null" "$pdftotext_ms" "palermo import X.pdf -o /dev/null" "$pdf_ms" \
    "cat X.txt > /dev/null" "$cat_ms" "palermo import X.txt -o /dev/null" "$txt_ms"
  echo "  ratio import-pdf/pdftotext: $(ratio "$pdf_ms" "$pdftotext_ms")x (target <= 2x)"
  echo "  ratio import-txt/cat: $(ratio "$txt_ms" "$cat_ms")x (target <= 2x)"
fi
