#!/usr/bin/env bash
# Imports the English, French and Spanish statutes of ../shared/statutes/text into corpus/<country>/
# with palermo's own importer, and writes the table of sources in corpus/REAL-COUNTRIES.md.
# Only palermo's import of these texts enters the repository; rerun after changing the importer.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${PALERMO_SHARED_DIR:-../shared}/statutes
BIN=${PALERMO_BIN:-build/palermo}
[ -d "$SHARED/text" ] || { echo "import-corpus: $SHARED/text is absent" >&2; exit 1; }
# One file per line: FILE (under text/, without .txt)
FILES=(
  ca_act-extract_2001_27_immigration-refugee-protection-act-trafficking
  ca_code-extract_1985_C-46_criminal-code-trafficking
  ch_code-extract_1937_SR311.0_swiss-criminal-code-trafficking
  cl_act_2011_20507_tipifica-trafico-migrantes-y-trata-de-personas
  cm_act_2005_2005-015_lutte-contre-trafic-et-traite-des-enfants
  cm_code-extract_1967_code-penal-esclavage-travail-force
  co_act_2005_985_ley-985-trata-de-personas
  co_code-extract_2000_599_codigo-penal-trata-de-personas
  cr_code-extract_1970_4573_codigo-penal-trata-de-personas
  fr_code-penal_traite-des-etres-humains_extract
  in_act_1956_104_immoral-traffic-prevention-act
  na_act_2018_1_combating-of-trafficking-in-persons
  pe_act_2021_31146_modifica-codigo-penal-y-ley-28950-trata-de-personas
  rw_act_2018_51_trafficking-in-persons-and-exploitation-of-others
  tz_act_2008_6_anti-trafficking-in-persons
  ug_act_2009_7_prevention-of-trafficking-in-persons
)
table="corpus/REAL-COUNTRIES.md"
{
  echo "# Real countries in the corpus"
  echo
  echo "Written by \`scripts/import-corpus.sh\`: each file below is palermo's own import (\`palermo import\`) of the plain"
  echo "text in \`../shared/statutes/text/\`; the AKN records the text file's name and SHA-256 under \`<proprietary>\`."
  echo "Dates are the year of the statute (\`YYYY-01-01\`): the day of enactment is not in the texts. Extracts hold only"
  echo "the provisions named in their title; an amending law's inserted text is kept where it stands (quoted or not)."
  echo
  echo "| file | country | language | source | licence |"
  echo "|---|---|---|---|---|"
} > "$table"
for f in "${FILES[@]}"; do
  cc=${f%%_*}
  rest=${f#*_}; kind=${rest%%_*}; rest=${rest#*_}; year=${rest%%_*}
  case "$kind" in code*|*code*) type=code ;; *) type=act ;; esac
  # The French Code pénal extract's name carries no year: the code in force was enacted in 1992.
  [[ "$year" =~ ^[0-9]{4}$ ]] || year=1992
  mkdir -p "corpus/$cc"
  "$BIN" import "$SHARED/text/$f.txt" --country "$cc" --type "$type" --date "$year-01-01" --quiet \
    -o "corpus/$cc/$f.akn.xml" 2>/dev/null
  json="$SHARED/json/$f.json"
  url=$(sed -n 's/^\[Derived plain-text rendering.*source URL: \(.*\)\]$/\1/p' "$SHARED/text/$f.txt" | head -1)
  licence="see the source"
  if [ -f "$json" ]; then
    url=$(sed -n 's/^ "url": "\(.*\)",$/\1/p' "$json" | head -1)
    licence=$(sed -n 's/^ "licence": "\(.*\)",$/\1/p' "$json" | head -1)
  fi
  lang=$(grep -o 'FRBRlanguage language="[a-z]*"' "corpus/$cc/$f.akn.xml" | sed 's/.*="\(.*\)"/\1/')
  echo "| \`$cc/$f.akn.xml\` | \`$cc\` | $lang | ${url:-unknown} | ${licence//|/\/} |" >> "$table"
done
echo "import-corpus: ${#FILES[@]} statutes imported; see $table" >&2
