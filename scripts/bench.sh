#!/usr/bin/env bash
# Whole-process timings of palermo against public tools doing the least the same job needs:
#   palermo check UK-Act --format json   vs  xmllint --noout UK-Act          (target: < 3x)
#   palermo index samples/               vs  sqlite3 inserting the same text into FTS5 (target: < 2x)
#   palermo import X.pdf / X.txt         vs  pdftotext X.pdf / cat X.txt                (target: <= 2x)
# Usage: bash scripts/bench.sh [RUNS]   (env: PALERMO_BUILD_DIR, default build/; PALERMO_SHARED_DIR)
# Each command runs RUNS times (default 7) after one warm-up; the median wall time is reported, with the
# peak resident memory from /usr/bin/time. Needs: palermo built, xmllint, sqlite3, /usr/bin/time.
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

# measure NAME CMD...: prints "NAME median_ms peak_rss_kB" and leaves the median in $MEDIAN_MS.
# A command may be a shell snippet (run through bash -c) so that setup such as removing the
# database is part of each run.
measure() {
  local name=$1; shift
  bash -c "$*" >/dev/null 2>&1 || { echo "bench.sh: '$*' failed" >&2; bash -c "$*" >/dev/null || true; exit 4; }
  local times=() start end
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    bash -c "$*" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  MEDIAN_MS=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
  local rss
  /usr/bin/time -o "$WORK/rss" -f '%M' bash -c "$*" >/dev/null 2>&1 || true
  rss=$(tail -1 "$WORK/rss")
  printf '  %-44s %9s ms  %8s kB peak RSS\n' "$name" "$MEDIAN_MS" "$rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "inf" }'; }

echo "palermo whole-process timings: median of $RUNS runs ($(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg))"
echo
echo "1. check one Act (UK $(basename "$UK_ACT"), $(du -k "$UK_ACT" | cut -f1) kB)"
measure "xmllint --noout" "xmllint --noout --nonet '$UK_ACT'"
floor_check=$MEDIAN_MS
# palermo check exits 1 when it finds gaps, which is its normal answer for this Act.
measure "palermo check --format json" "'$PALERMO' check '$UK_ACT' --format json; [ \$? -le 1 ]"
check=$MEDIAN_MS
echo "  ratio check/xmllint: $(ratio "$check" "$floor_check")x (target < 3x)"
echo

# The FTS5 floor is fed exactly the text palermo indexes: one palermo index run is dumped as INSERTs
# (heading, own text per provision) into a plain FTS5 table with the default unicode61 tokenizer.
echo "2. index every sample ($(find "$SAMPLES" -name '*.xml' | wc -l) files under akn/samples)"
"$PALERMO" index --quiet --db "$WORK/dump.db" "$SAMPLES" >/dev/null 2>&1 || true
{
  echo "CREATE VIRTUAL TABLE fts USING fts5(heading, text);"
  echo "BEGIN;"
  sqlite3 "$WORK/dump.db" ".mode insert fts" "SELECT heading, text FROM provisions;"
  echo "COMMIT;"
} >"$WORK/fts5.sql"
rows=$(sqlite3 "$WORK/dump.db" "SELECT count(*) FROM provisions;")
echo "  ($rows provisions, $(du -k "$WORK/fts5.sql" | cut -f1) kB of SQL text)"
measure "sqlite3 FTS5 inserts (unicode61)" "rm -f '$WORK/floor.db'*; sqlite3 '$WORK/floor.db' < '$WORK/fts5.sql'"
floor_index=$MEDIAN_MS
measure "palermo index" "rm -f '$WORK/p.db'*; '$PALERMO' index --quiet --db '$WORK/p.db' '$SAMPLES'; [ \$? -le 3 ]"
index=$MEDIAN_MS
echo "  ratio index/sqlite3-fts5: $(ratio "$index" "$floor_index")x (target < 2x)"

# Import: a statute as published in plain text turned into Akoma Ntoso, against libxml2 reading the
# same statute as published in Akoma Ntoso (the cost of starting from text rather than from XML).
RW=rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others
echo
echo "3. import one statute from text ($RW, $(du -k "$SHARED/statutes/text/$RW.txt" | cut -f1) kB)"
measure "xmllint --noout (the published AKN)" "xmllint --noout --nonet '$SHARED/statutes/akn/$RW.akn.xml'"
floor_import=$MEDIAN_MS
measure "palermo import (text to AKN)" "'$PALERMO' import -q '$SHARED/statutes/text/$RW.txt' -o '$WORK/rw.akn.xml'"
import_ms=$MEDIAN_MS
echo "  ratio import/xmllint: $(ratio "$import_ms" "$floor_import")x"


# Import from PDF and from text as whole processes, against pdftotext and cat. The PDF (a whole act
# in two justified columns, hyphenated, with running heads) is written by the tests' PDF writer
# (tests/import/fixtures.hpp), so these cases are Google Benchmark cases of palermo_bench.
echo
echo "4. import one whole act from PDF and from text, whole processes (Namibia's act of 2018, 10 pages)"
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
