#!/bin/sh
# scale.sh EVALREPORT
#
# A guard against cost that grows faster than the work: 10,000 leaf
# indicators (ten under each second-level indicator, ten of those under each
# first-level one, as bench/scaling.sh generates them) render in every format
# (DOCX and OFD too)
# within SCALE_SECONDS each, and every leaf is in the output. Only a hang or
# a blow-up fails here: the time and memory targets (100,000 leaves in 10 s
# and 1 GB) are measured by bench/scaling.sh, on a quiet machine.
set -u
bin=$1
leaves=${SCALE_LEAVES:-10000}
seconds=${SCALE_SECONDS:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL $*"
  failed=1
}

. "$(dirname "$0")/scale-data.sh"
scale_data "$leaves" "$work/scale.yaml"

# distinct NAMES: how many different leaf names (末级指标A.B.C) a text holds
distinct() { grep -o '末级指标[0-9]*\.[0-9]*\.[0-9]*' | sort -u | wc -l | tr -d ' '; }

for format in html pdf xlsx docx ofd; do
  start=$(date +%s)
  timeout "$seconds" "$bin" render "$work/scale.yaml" -o "$work/out" --format "$format" \
    >/dev/null 2>"$work/$format.err"
  status=$?
  elapsed=$(($(date +%s) - start))
  if [ "$status" -eq 124 ]; then
    fail "$format: $leaves leaves took more than ${seconds}s"
    continue
  elif [ "$status" -ne 0 ]; then
    fail "$format: exit status $status"
    head -n 5 "$work/$format.err"
    continue
  fi
  case $format in
  html) found=$(distinct <"$work/out/scale.html") ;;
  pdf) found=$(pdftotext -q "$work/out/scale.pdf" - | distinct) ;; # a name per cell line
  xlsx) found=$(unzip -p "$work/out/scale-annex.xlsx" 'xl/sharedStrings.xml' | distinct) ;;
  docx) found=$(unzip -p "$work/out/scale.docx" 'word/document.xml' | distinct) ;;
  ofd) # the leaves' names as often as in the PDF's text (cells, sentences), both read joined
    in_pdf=$(pdftotext -q "$work/out/scale.pdf" - | tr -d '\n' | grep -o '末级指标' | wc -l | tr -d ' ')
    in_ofd=$(unzip -p "$work/out/scale.ofd" 'Doc_0/Pages/*/Content.xml' | grep -o 'TextCode[^>]*>[^<]*' |
      sed 's/^[^>]*>//' | tr -d '\n' | grep -o '末级指标' | wc -l | tr -d ' ')
    found=$leaves
    [ "$in_ofd" -eq "$in_pdf" ] || fail "ofd: $in_ofd leaf names, the PDF has $in_pdf" ;;
  esac
  if [ "$found" -ne "$leaves" ]; then
    fail "$format: $found of the $leaves leaves in the output"
  else
    echo "ok $format: $leaves leaves in ${elapsed}s"
  fi
done
exit $failed
