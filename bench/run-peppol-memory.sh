#!/usr/bin/env bash
# Peak memory of `samkjop spend analyze` on PEPPOL input (issue 8, defect 8).
# Builds inputs from the public Norwegian example
# (src/modules/spend/testdata/Norwegian-example-1.xml) and hostile ones, and
# measures each with /usr/bin/time -v:
#   big.xml     one document of about --big-mb MB (its InvoiceLines repeated);
#   under.xml   one document just under the 32 MiB per-document limit;
#   dense-big.xml  one document of about --big-mb MB of the smallest
#               InvoiceLines (an amount each, 89 bytes a line), each one a row;
#   dense.xml   the same just under the limit;
#   empty.xml   just under the limit of empty <InvoiceLine/>s (15 bytes a row);
#   atoms.xml   just under the limit of <a/> (5 bytes an element): the worst
#               case for pugixml's tree, which sets the bound;
#   folder/     --copies copies of the example (19 KB each), one document a file.
# Prints one line per input: name, bytes, wall seconds, peak RSS (MB), and the
# file errors reported. Nothing is written to docs/; copy the figures by hand.
#
#   bench/run-peppol-memory.sh [--big-mb N] [--copies N]
# Environment: SAMKJOP (default build/samkjop), the binary to measure.
set -euo pipefail

BIG_MB=200
COPIES=10000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --big-mb) BIG_MB="$2"; shift 2 ;;
    --copies) COPIES="$2"; shift 2 ;;
    *) echo "usage: $0 [--big-mb N] [--copies N]" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMKJOP="${SAMKJOP:-$ROOT/build/samkjop}"
EXAMPLE="$ROOT/src/modules/spend/testdata/Norwegian-example-1.xml"
DATA="$ROOT/bench/data/peppol"
OUT="$ROOT/bench/out"
mkdir -p "$DATA" "$OUT"

# One document of at least `bytes` bytes: the example's head, its four
# InvoiceLines repeated, its tail.
make_doc() {  # path bytes
  local path="$1" bytes="$2"
  local first last
  first=$(grep -n '<cac:InvoiceLine>' "$EXAMPLE" | head -1 | cut -d: -f1)
  last=$(grep -n '</cac:InvoiceLine>' "$EXAMPLE" | tail -1 | cut -d: -f1)
  local lines_file="$DATA/.lines.xml"
  sed -n "${first},${last}p" "$EXAMPLE" > "$lines_file"
  local head_bytes tail_bytes line_bytes reps
  head_bytes=$(head -n $((first - 1)) "$EXAMPLE" | wc -c)
  tail_bytes=$(tail -n +$((last + 1)) "$EXAMPLE" | wc -c)
  line_bytes=$(wc -c < "$lines_file")
  reps=$(((bytes - head_bytes - tail_bytes) / line_bytes))
  {
    head -n $((first - 1)) "$EXAMPLE"
    for ((idx = 0; idx < reps; idx++)); do echo "$lines_file"; done | xargs cat
    tail -n +$((last + 1)) "$EXAMPLE"
  } > "$path"
}

if [[ ! -f "$DATA/big.xml" || $(stat -c %s "$DATA/big.xml") -lt $((BIG_MB * 1000000)) ]]; then
  make_doc "$DATA/big.xml" $((BIG_MB * 1000000))
fi
if [[ ! -f "$DATA/under.xml" ]]; then
  make_doc "$DATA/under.xml" $((31 * 1048576))
fi
# One document of about `bytes` bytes of the smallest InvoiceLines.
make_dense() {  # path bytes
  local path="$1" bytes="$2" first last
  first=$(grep -n '<cac:InvoiceLine>' "$EXAMPLE" | head -1 | cut -d: -f1)
  last=$(grep -n '</cac:InvoiceLine>' "$EXAMPLE" | tail -1 | cut -d: -f1)
  {
    head -n $((first - 1)) "$EXAMPLE"
    awk -v n=$((bytes / 89)) 'BEGIN {
      for (idx = 0; idx < n; idx++)
        print "<cac:InvoiceLine><cbc:LineExtensionAmount>1</cbc:LineExtensionAmount></cac:InvoiceLine>"
    }'
    tail -n +$((last + 1)) "$EXAMPLE"
  } > "$path"
}
[[ -f "$DATA/dense-big.xml" ]] || make_dense "$DATA/dense-big.xml" $((BIG_MB * 1000000))
[[ -f "$DATA/dense.xml" ]] || make_dense "$DATA/dense.xml" $((31 * 1048576))
# A document of `count` copies of `element`, one a line.
make_repeated() {  # path element count
  { echo '<Invoice><cbc:IssueDate>2013-06-30</cbc:IssueDate>'
    awk -v e="$2" -v n="$3" 'BEGIN { for (idx = 0; idx < n; idx++) print e }'
    echo '</Invoice>'; } > "$1"
}
[[ -f "$DATA/empty.xml" ]] || make_repeated "$DATA/empty.xml" '<InvoiceLine/>' 2200000
[[ -f "$DATA/atoms.xml" ]] || make_repeated "$DATA/atoms.xml" '<a/>' 6600000
if [[ ! -d "$DATA/folder" || $(find "$DATA/folder" -name '*.xml' | wc -l) -ne $COPIES ]]; then
  rm -rf "$DATA/folder"
  mkdir -p "$DATA/folder"
  for ((idx = 0; idx < COPIES; idx++)); do
    cp "$EXAMPLE" "$DATA/folder/$(printf 'invoice-%06d.xml' "$idx")"
  done
fi
printf 'agreement_id,supplier_orgnr,product_area,buyers,valid_from,valid_to\n' > "$DATA/agreements.csv"
printf 'account,product_area\nBookingCode001,IKT\nBookingCode002,IKT\n' > "$DATA/categories.csv"

measure() {  # name input
  local name="$1" input="$2" bytes
  bytes=$(du -sb --apparent-size "$input" | cut -f1)
  /usr/bin/time -v -o "$OUT/peppol-time-$name.txt" "$SAMKJOP" spend analyze --invoices "$input" \
    --agreements "$DATA/agreements.csv" --categories "$DATA/categories.csv" --year 2013 \
    --protocol-threshold 100000 --national-threshold 1300000 --eea-threshold 2300000 --quiet \
    --out "$OUT/peppol-$name.json" 2> "$OUT/peppol-err-$name.txt" || true
  local wall kb errors lines
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/peppol-time-$name.txt" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/peppol-time-$name.txt")
  lines=$(grep -o '"lines_read": [0-9]*' "$OUT/peppol-$name.json" 2> /dev/null | cut -d' ' -f2)
  errors=$(grep -c 'hoppes over' "$OUT/peppol-err-$name.txt" || true)
  printf '%-9s %12s bytes  %6.2f s  %6.0f MB peak RSS  %10s lines read  %s file errors\n' \
    "$name" "$bytes" "$wall" "$(awk -v k="$kb" 'BEGIN { print k / 1024 }')" "${lines:-?}" "$errors"
}

cat "$DATA"/*.xml > /dev/null  # warm the page cache
echo "binary: $SAMKJOP"
measure big "$DATA/big.xml"
measure dense-big "$DATA/dense-big.xml"
measure under "$DATA/under.xml"
measure dense "$DATA/dense.xml"
measure empty "$DATA/empty.xml"
measure atoms "$DATA/atoms.xml"
measure folder "$DATA/folder"
