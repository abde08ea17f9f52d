#!/usr/bin/env bash
# The project's one entry point for set-up. Two uses, both from README.md:
#   bash scripts/dev.sh reports   install what is missing, build, write the gap reports for corpus/ into reports/
#   bash scripts/dev.sh test      install what is missing, build, run every test (what CI runs)
# Other verbs: deps (install only), build (deps + build), bench (deps + build + benchmarks),
#   install   deps + build, then install palermo, its man pages, completions and docs under PREFIX
#             (default /usr/local; e.g. PREFIX=$HOME/.local bash scripts/dev.sh install)
#   package   deps + build, then the Debian package build/palermo_VERSION_ARCH.deb (apt install ./that.deb)
#   format    apply .clang-format to every C++ file of the tree
#   lint      check the layout of every C++ file (clang-format) and run clang-tidy (.clang-tidy) on the files
#             changed since the merge base with main (or, on main itself, in the last commit)
#   sanitize  (deps + a build with AddressSanitizer/UBSan in build-asan/ + the tests under it).
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
  libkainjow-mustache-dev              # report templates (Mustache)
  libzip-dev libpoppler-cpp-dev        # import: .docx (zip) and PDF text
  poppler-utils                        # pdftotext, the speed floor of the PDF import (scripts/bench.sh)
  libmimalloc-dev                      # the allocator of the palermo executable
  iso-codes                            # ISO 3166 country names for the reports (read at build time)
  chromium python3                     # the browser check of the HTML reports (tests/browser)
  libgtest-dev libgmock-dev libbenchmark-dev
  dpkg-dev                             # package: dpkg-shlibdeps finds the .deb's Depends
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
  local bin="$BUILD/palermo" out="$ROOT/reports/generated"
  mkdir -p "$out"
  local rows="" dir cc f fmt
  # Relative paths, so the reports name the files as the repository does (not this machine's paths).
  for dir in corpus/*/; do
    cc=$(basename "$dir")
    local acts=() bills=()
    for f in "$dir"*.akn.xml; do
      [ -e "$f" ] || continue
      case "$(basename "$f")" in *_bill_*) bills+=("$f") ;; *) acts+=("$f") ;; esac
    done
    [ ${#acts[@]} -gt 0 ] || continue
    # The law in force: every act in the folder, read together (an act and its penal code's general part).
    for fmt in html md json; do
      "$bin" check "${acts[@]}" --format "$fmt" -o "$out/$cc.$fmt"
    done
    local headline
    headline=$(sed -n 's/^ *"verdict": "\(.*\)",\{0,1\}$/\1/p' "$out/$cc.json" | head -n 1)
    local name
    name=$(sed -n 's/^ *"country_name": "\(.*\)",\{0,1\}$/\1/p' "$out/$cc.json" | head -n 1)
    [ -n "$name" ] || name=$cc
    local extra="" n=0 bill
    for bill in "${bills[@]}"; do
      n=$((n + 1))
      local tag="bill"; [ "$n" -eq 1 ] || tag="bill$n"
      # What the bill is read with: PROFILE.md says "## Document: BILL (read with A, B)" when the bill
      # replaces an act in full; otherwise the bill is read with every act (the act + the bill).
      local with=() listed name
      listed=$(sed -n "s/^## Document: $(basename "$bill") (read with \(.*\))\$/\1/p" "$dir/PROFILE.md" 2>/dev/null || true)
      for name in $(echo "$listed" | sed 's/,/ /g; s/ and / /g'); do
        [ -e "$dir$name" ] && with+=("$dir$name")
      done
      [ ${#with[@]} -gt 0 ] || with=("${acts[@]}")
      for fmt in html md json; do
        "$bin" check "${with[@]}" "$bill" --format "$fmt" -o "$out/$cc-$tag.$fmt"
      done
      local old_with=() new_with=() a w
      for a in "${acts[@]:1}"; do old_with+=(--old-with "$a"); done
      for w in "${with[@]}"; do new_with+=(--new-with "$w"); done
      for fmt in html md json; do
        "$bin" diff "${acts[0]}" "$bill" "${old_with[@]}" "${new_with[@]}" --format "$fmt" -o "$out/$cc-$tag-diff.$fmt"
      done
      extra+=" · with $(basename "$bill" .akn.xml): <a href=\"$cc-$tag.html\">report</a>, <a href=\"$cc-$tag-diff.html\">what the bill changes</a>"
    done
    rows+="<tr><td><a href=\"$cc.html\"><strong>$name</strong></a> ($cc) (<a href=\"$cc.md\">md</a>, <a href=\"$cc.json\">json</a>)$extra</td><td>$headline</td></tr>"$'\n'
  done
  for fmt in md csv json; do
    "$bin" compare corpus/*/ --format "$fmt" -o "$out/compare.$fmt"
  done
  # The page links each cell into the country's own report written above.
  "$bin" compare corpus/*/ --format html --link-reports '{country}.html' -o "$out/compare.html"
  cat >"$out/index.html" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>palermo: gap reports for corpus/</title>
<style>body{font:15px/1.5 Arial,sans-serif;max-width:960px;margin:40px auto;padding:0 12px;color:#1d2330;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d9dee7;padding:8px;text-align:left}
a{color:#1f4e8c}</style></head><body>
<h1>palermo: gap reports for the bundled corpus</h1>
<p>Generated $(date -u +%Y-%m-%dT%H:%M:%SZ) by <code>bash scripts/dev.sh reports</code> with $("$bin" --version | head -n 1).
Countries xa to xe are fictional statutes written for the tests; the others are real statutes imported by palermo
(sources and licences in corpus/REAL-COUNTRIES.md). palermo assesses legislation as written, not its implementation.</p>
<p><a href="compare.html"><strong>Compare all countries</strong></a> (<a href="compare.md">md</a>, <a href="compare.csv">csv</a>, <a href="compare.json">json</a>)</p>
<table><thead><tr><th>Country</th><th>Verdict</th></tr></thead><tbody>
$rows</tbody></table></body></html>
EOF
  echo "palermo: reports written to reports/generated/ (open reports/generated/index.html)" >&2
}

tests() {
  build
  ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
}

# Every test again under AddressSanitizer + UndefinedBehaviorSanitizer (issue 11), built into
# build-asan/ (PALERMO_ASAN_DIR). PALERMO_SANITIZE_TESTS=REGEX runs only the tests it matches (ctest -R).
# Any sanitizer report fails the test that triggered it.
sanitize() {
  deps
  local dir=${PALERMO_ASAN_DIR:-$ROOT/build-asan}
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DPALERMO_SANITIZE=ON >/dev/null
  cmake --build "$dir" -j "$JOBS"
  local filter=()
  [ -z "${PALERMO_SANITIZE_TESTS:-}" ] || filter=(-R "$PALERMO_SANITIZE_TESTS")
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1} \
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout 1500 "${filter[@]}"
}

bench() {
  build
  "$BUILD/palermo_bench"
}

# Named so as not to hide the `install` command from this script.
install_to_prefix() {
  build
  local prefix=${PREFIX:-/usr/local} sudo=""
  # Only a prefix this user cannot write to needs root.
  if [ "$(id -u)" -ne 0 ] && ! { mkdir -p "$prefix" 2>/dev/null && [ -w "$prefix" ]; }; then sudo="sudo"; fi
  $sudo cmake --install "$BUILD" --prefix "$prefix"
  echo "palermo: installed $prefix/bin/palermo (man palermo; completions for bash, zsh and fish)" >&2
}

package() {
  build
  (cd "$BUILD" && cpack -G DEB)
  local deb
  deb=$(ls -t "$BUILD"/palermo_*.deb | head -n 1)
  echo "palermo: built $deb; install it with: sudo apt install $deb" >&2
}

# Every C++ file the project writes (not the build tree, not generated files).
cpp_files() { git ls-files -- '*.cpp' '*.hpp' | grep -v '^build/' || true; }

format() {
  cpp_files | xargs -r clang-format -i
}

lint() {
  deps
  # Layout: the whole tree, which takes seconds.
  if ! cpp_files | xargs -r clang-format --dry-run --Werror >/dev/null 2>"$BUILD.format.log"; then
    head -n 40 "$BUILD.format.log" >&2
    echo "palermo: files not laid out by .clang-format: run 'bash scripts/dev.sh format'" >&2
    return 1
  fi
  # clang-tidy needs the compile commands of a configured build, and takes seconds per file: only the
  # .cpp files this branch changes are checked (on main, those of the last commit).
  [ -f "$BUILD/compile_commands.json" ] || build
  local base
  base=$(git merge-base HEAD main 2>/dev/null || git merge-base HEAD origin/main 2>/dev/null || true)
  if [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; then base=$(git rev-parse -q --verify HEAD~1 || true); fi
  [ -n "$base" ] || return 0
  local changed=()
  mapfile -t changed < <(git diff --name-only --diff-filter=AM "$base" -- '*.cpp' | grep -E '^(src|grammars|tools)/' || true)
  if [ ${#changed[@]} -eq 0 ]; then echo "palermo: clang-tidy: no C++ source changed since $base" >&2; return 0; fi
  # A change touching the whole tree (a reformat) would take a quarter of an hour: the first files only.
  local cap=${PALERMO_TIDY_MAX_FILES:-12}
  if [ ${#changed[@]} -gt "$cap" ]; then
    echo "palermo: clang-tidy on the first $cap of ${#changed[@]} changed files (PALERMO_TIDY_MAX_FILES)" >&2
    changed=("${changed[@]:0:$cap}")
  fi
  echo "palermo: clang-tidy on ${#changed[@]} changed files" >&2
  # Its counts of warnings suppressed in system headers ("N warnings generated") are noise.
  clang-tidy -p "$BUILD" --quiet "${changed[@]}" 2> >(grep -v 'warnings generated\.$' >&2)
}

case "${1:-}" in
  deps) deps ;;
  build) build ;;
  reports) reports ;;
  test) tests ;;
  bench) bench ;;
  install) install_to_prefix ;;
  package) package ;;
  format) format ;;
  lint) lint ;;
  sanitize) sanitize ;;
  *) echo "usage: bash scripts/dev.sh reports|test|build|deps|bench|install|package|format|lint|sanitize" >&2; exit 2 ;;
esac
