#!/usr/bin/env bash
# The project's one entry point for set-up. Two uses, both from README.md:
#   bash scripts/dev.sh reports   install what is missing, build, write the gap reports for corpus/ into reports/
#   bash scripts/dev.sh test      install what is missing, build, run every test (what CI runs)
# Other verbs: deps (install only), build (deps + build), bench (deps + build + benchmarks).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${PALERMO_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc)}

# Debian packages the build, the tests and the reports need. Keep in step with CMakeLists.txt.
PACKAGES=(
  g++ cmake ninja-build pkg-config
  libxml2-dev libxml2-utils            # the reader, XSD validation, xmllint as the speed floor
  libboost-dev                         # Spirit X3 (header-only)
  libsqlite3-dev sqlite3               # the FTS5 store
  libcxxopts-dev                       # the command line
  libstemmer-dev                       # Snowball stemming
  nlohmann-json3-dev libfmt-dev        # JSON output, formatting
  libssl-dev                           # SHA-256 content hashes for provenance
  libgtest-dev libgmock-dev libbenchmark-dev
)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  echo "palermo: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  deps
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD" -j "$JOBS"
}

reports() {
  build
  "$BUILD/palermo" check-corpus "$ROOT/corpus" --out "$ROOT/reports/generated"
  echo "palermo: reports written to reports/generated/ (open reports/generated/index.html)" >&2
}

tests() {
  build
  ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
}

bench() {
  build
  "$BUILD/palermo_bench"
}

case "${1:-}" in
  deps) deps ;;
  build) build ;;
  reports) reports ;;
  test) tests ;;
  bench) bench ;;
  *) echo "usage: bash scripts/dev.sh reports|test|build|deps|bench" >&2; exit 2 ;;
esac
