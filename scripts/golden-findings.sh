#!/usr/bin/env bash
# The golden findings (issue 12): tests/golden/findings/*.txt hold, for every shared statute (checked alone), the
# UK act among the Akoma Ntoso samples and every corpus country (checked as one country), a digest of
# `palermo check --format json`: documents, offences, and one line per obligation, element and red flag with the
# eIds of the evidence. The ctest Findings/GoldenFindings.* (tests/golden/findings_golden_test.cpp) compares them.
#
#   bash scripts/golden-findings.sh            build palermo and the test, then compare (what ctest does)
#   bash scripts/golden-findings.sh --update   build, rewrite the golden files, show what changed
#
# An update is never a routine step. The golden files are the findings a lawyer reviewed: regenerate them only when
# a change of the findings is intended (a model edit, a reader fix), read every changed line (git diff), and say in
# the commit message which findings changed and why. A speed change must leave them untouched.
#
# Env: PALERMO_BUILD_DIR (default build/). Without ../shared beside the checkout, only the corpus ones are checked
# or updated (the others skip).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${PALERMO_BUILD_DIR:-$ROOT/build}
MODE=check
case "${1:-}" in
  --update) MODE=update ;;
  "") ;;
  -h | --help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "golden-findings.sh: unknown option '$1' (use --update or nothing)" >&2; exit 2 ;;
esac

[ -f "$BUILD/build.ninja" ] || [ -f "$BUILD/Makefile" ] || {
  echo "golden-findings.sh: $BUILD is not configured (cmake -S . -B $BUILD -G Ninja -DCMAKE_BUILD_TYPE=Release)" >&2
  exit 2
}
cmake --build "$BUILD" --target palermo test_golden >/dev/null

if [ "$MODE" = update ]; then
  PALERMO_UPDATE_GOLDEN=1 "$BUILD/test_golden" --gtest_brief=1
  git -C "$ROOT" add -N tests/golden/findings 2>/dev/null || true
  echo "--- changes to review (git diff --stat tests/golden/findings):"
  git -C "$ROOT" diff --stat -- tests/golden/findings
  echo "Review every changed line (git diff tests/golden/findings) and explain it in the commit message."
else
  "$BUILD/test_golden" --gtest_brief=1
fi
