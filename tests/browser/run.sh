#!/usr/bin/env bash
# The browser check of issue 10, run by ctest: renders a gap report (English and French), a diff, a
# comparison of the bundled corpus and one of 200 countries, then opens each in headless Chromium at
# 390 and 1366 px (tests/browser/layout_check.py). Exit 77 (skipped) when Chromium is not installed.
# usage: run.sh PALERMO SOURCE_DIR
set -euo pipefail
palermo=$1
cd "$2"
command -v chromium >/dev/null || { echo "skipped: chromium is not installed (bash scripts/dev.sh deps)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$palermo" check corpus/na --format html -o "$work/na.html"
"$palermo" check corpus/cm --format html -o "$work/cm.html"
"$palermo" diff corpus/xc/xc_act_2009_14_penal-code-amendment.akn.xml \
  corpus/xc/xc_bill_2026_7_penal-code-trafficking-in-persons-amendment.akn.xml \
  --old-with corpus/xc/xc_act_1961_8_penal-code-general-part.akn.xml \
  --new-with corpus/xc/xc_act_1961_8_penal-code-general-part.akn.xml --format html -o "$work/diff.html"
"$palermo" compare corpus/*/ --format html -o "$work/compare.html" 2>/dev/null
# 200 countries: the corpus acts again under codes q000..q199.
acts=(corpus/*/*_act_*.akn.xml)
for i in $(seq 0 199); do
  code=$(printf 'q%03d' "$i")
  mkdir -p "$work/c200/$code"
  sed -E "s#(<FRBRcountry value=\")[^\"]*#\1$code#" "${acts[$((i % ${#acts[@]}))]}" >"$work/c200/$code/act.akn.xml"
done
"$palermo" compare "$work"/c200/*/ --format html -o "$work/compare200.html"
size=$(stat -c %s "$work/compare200.html")
echo "compare of 200 countries: $size bytes"
[ "$size" -lt 5000000 ] || { echo "FAIL: a 200-country comparison should stay under 5 MB"; exit 1; }
python3 tests/browser/layout_check.py chromium "$work"/na.html "$work"/cm.html "$work"/diff.html \
  "$work"/compare.html "$work"/compare200.html
