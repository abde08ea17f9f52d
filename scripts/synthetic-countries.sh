#!/usr/bin/env bash
# Writes N synthetic countries (default 200) into OUTDIR for timing `palermo index` and
# `palermo compare` on many countries: folder qNNN holds a copy of one corpus country's documents,
# cycling through corpus/, with its FRBRcountry and the country in every FRBR URI changed to qNNN
# (user-assigned codes, like the corpus' xa..xe), so each copy is a country of its own in the index.
#
#   bash scripts/synthetic-countries.sh /tmp/countries 200
#   build/palermo index --quiet --db /tmp/countries.db /tmp/countries
#   build/palermo compare --db /tmp/countries.db --format csv -o /tmp/compare.csv
set -euo pipefail

out=${1:?usage: synthetic-countries.sh OUTDIR [N]}
count=${2:-200}
root=$(cd "$(dirname "$0")/.." && pwd)

mapfile -t bases < <(find "$root/corpus" -mindepth 1 -maxdepth 1 -type d | sort)
[ ${#bases[@]} -gt 0 ] || { echo "no country folders in $root/corpus" >&2; exit 1; }

mkdir -p "$out"
for ((i = 0; i < count; i++)); do
  code=$(printf 'q%03d' "$i")
  base=${bases[i % ${#bases[@]}]}
  from=$(basename "$base")
  mkdir -p "$out/$code"
  for f in "$base"/*.xml; do
    sed -e "s|FRBRcountry value=\"$from\"|FRBRcountry value=\"$code\"|g" -e "s|/akn/$from/|/akn/$code/|g" \
      "$f" >"$out/$code/$(basename "$f")"
  done
done
echo "wrote $count countries into $out" >&2
