#!/bin/sh
# bench/ofd.sh [EVALREPORT] [RUNS]: the OFD writer against the PDF writer
# on the same document, in the same run: nanchong-2018 rendered to OFD and
# to PDF, RUNS times each (default BENCH_RUNS or 5), the two alternating so
# that a change in the machine's load falls on both. Prints a Markdown
# section for bench/RESULTS.md (bench/run calls it): the median wall time,
# CPU time and peak RSS of each, the files' sizes and pages, and PASS when
# the OFD takes no longer than the PDF (the issue's target: both serialise
# the same laid-out pages). Progress goes to stderr.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/evalreport}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
runs=${2:-${BENCH_RUNS:-5}}
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
[ -x "$bin" ] || die "no $bin; build it first (see the top of bench/run)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/measurements"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export SOURCE_DATE_EPOCH
data=$root/samples/nanchong-2018.yaml
say "OFD against PDF: nanchong-2018, $runs runs each"
round=1
while [ "$round" -le "$runs" ]; do # (not $i: measure() sets it)
  for f in pdf ofd; do
    measure "ofd-bench.$f" 1 "$bin" render "$data" -o "$work" --format "$f"
  done
  round=$((round + 1))
done
pdf_ms=$(med ofd-bench.pdf 1) ofd_ms=$(med ofd-bench.ofd 1)
verdict=$(awk -v o="$ofd_ms" -v p="$pdf_ms" 'BEGIN { print (o <= p) ? "PASS" : "FAIL" }')
pages=$(pages "$work/nanchong-2018.pdf")
parts=$(unzip -Z1 "$work/nanchong-2018.ofd" 2>/dev/null | grep -c 'Content.xml$' || true)
echo "## 7. OFD report (bench/ofd.sh)"
echo
echo "nanchong-2018 to OFD and to PDF from the same laid-out pages, $runs runs each, alternating;"
echo "target: the OFD no slower than the PDF."
echo
echo "| format | wall | CPU | peak RSS | file | pages |"
echo "|---|---|---|---|---|---|"
for f in pdf ofd; do
  n=$pages
  [ "$f" = pdf ] || n=$parts
  echo "| $f | $(fmt_ms "$(med "ofd-bench.$f" 1)") | $(fmt_ms "$(med "ofd-bench.$f" 2)") |" \
    "$(fmt_rss "$(med "ofd-bench.$f" 3)") | $(fmt_size "$(bytes "$work/nanchong-2018.$f")") | $n |"
done
echo
echo "- $verdict — the OFD takes $(fmt_ratio "$ofd_ms" "$pdf_ms" ×) the PDF's wall time" \
  "(runs: PDF $(every ofd-bench.pdf 1) ms; OFD $(every ofd-bench.ofd 1) ms)"
