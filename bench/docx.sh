#!/bin/sh
# bench/docx.sh [EVALREPORT [RUNS [SLOW_RUNS]]]
#
# The Word report: `evalreport render --format docx` side by side, in the
# same run and on the same data, with the two tools an evaluator would
# otherwise use on the HTML report that `evalreport render --format html`
# writes:
#  - pandoc (pandoc -f html -t docx), and
#  - LibreOffice (soffice --headless --convert-to docx, a private profile
#    that a first, uncounted conversion creates).
# Per sample: the median wall time, CPU time and peak RSS of RUNS runs of
# evalreport (default 5) and SLOW_RUNS runs of each other tool (default 3),
# the files' sizes, and the targets: evalreport at least 20× as fast as
# either, nanchong-2018 under 60 ms wall.
#
# It prints its section of bench/RESULTS.md (Markdown) on stdout and its
# progress on stderr; bench/run calls it, or run it alone with a Release
# build:
#
#   bench/docx.sh build/evalreport
#
# pandoc is the Debian package pandoc (apt-get install pandoc), LibreOffice
# Writer the package libreoffice-writer; without either its columns are left
# out, with a note. Not a test: it exits 0 unless evalreport fails.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/evalreport}
case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
runs=${2:-5}
slow_runs=${3:-3}
cd "$root"
# shellcheck source=bench/lib.sh
. bench/lib.sh
for n in "$runs" "$slow_runs"; do
  case "$n" in '' | *[!0-9]* | 0) die "docx.sh: RUNS and SLOW_RUNS take a number ≥ 1" ;; esac
done
[ -x "$bin" ] || die "no $bin; build it first (see the top of bench/run)"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
export SOURCE_DATE_EPOCH

pandoc=$(command -v pandoc || true)
soffice=$(command -v soffice || true)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
: >"$work/measurements"
load=$(loadavg)

samples=""
for s in samples/*.yaml; do
  n=${s##*/}
  n=${n%.yaml}
  samples="$samples $n"
  mkdir -p "$work/out/$n/pandoc" "$work/out/$n/lo"
  "$bin" render "$s" -o "$work/out/$n" --format html >/dev/null 2>"$work/render.err" || {
    cat "$work/render.err" >&2
    die "evalreport render $s --format html failed"
  }
done

pandoc_note="" lo_note=""
[ -n "$pandoc" ] || pandoc_note="pandoc is not installed (Debian package pandoc); its columns are left out."
if [ -z "$soffice" ]; then
  lo_note="LibreOffice is not installed (soffice); its columns are left out."
else
  first=${samples# }
  first=${first%% *}
  say "DOCX: LibreOffice's first conversion creates its profile (not counted)"
  "$soffice" "-env:UserInstallation=file://$work/lo-profile" --headless --convert-to \
    "docx:MS Word 2007 XML" --outdir "$work/out/$first/lo" "$work/out/$first/$first.html" \
    >/dev/null 2>&1 || true
  [ -s "$work/out/$first/lo/$first.docx" ] ||
    lo_note="LibreOffice ($soffice) could not convert HTML to DOCX: it needs Writer (Debian package libreoffice-writer); left out."
fi

for d in $samples; do
  say "DOCX, $d: evalreport, $runs runs"
  measure "$d.docx" "$runs" "$bin" render "samples/$d.yaml" -o "$work/out/$d" --format docx
  if [ -z "$pandoc_note" ]; then
    say "DOCX, $d: pandoc on its HTML, $slow_runs runs"
    # from the HTML's folder, for its relative references
    (cd "$work/out/$d" && measure "$d.pandoc" "$slow_runs" "$pandoc" -f html -t docx \
      -o "pandoc/$d.docx" "$d.html")
  fi
  if [ -z "$lo_note" ]; then
    say "DOCX, $d: LibreOffice on its HTML, $slow_runs runs"
    measure "$d.libreoffice" "$slow_runs" "$soffice" "-env:UserInstallation=file://$work/lo-profile" \
      --headless --convert-to "docx:MS Word 2007 XML" --outdir "$work/out/$d/lo" "$work/out/$d/$d.html"
    [ -s "$work/out/$d/lo/$d.docx" ] || die "LibreOffice wrote no DOCX for $d"
  fi
done
load="$load → $(loadavg)"

# twenty_times ER_MS OTHER_MS…: each other tool 20 times as slow
twenty_times() {
  er=$1
  shift
  for other in "$@"; do at_least "$other" "$er" 20 || return 1; done
}
# own_target NAME: nanchong under 60 ms wall
own_target() {
  case "$1" in
  nanchong-2018) verdict [ "$(med "$1.docx" 1)" -lt 60 ] ;;
  *) echo — ;;
  esac
}

echo "## DOCX: evalreport against pandoc and LibreOffice"
echo
echo "\`evalreport render --format docx\` from the data file (load, check, score, the"
echo "PDF's layout for the contents' page numbers and the tables' columns, the parts,"
echo "the zip), and pandoc (\`pandoc -f html -t docx\`) and LibreOffice (\`soffice"
echo "--headless --convert-to docx\`, a private profile that a first, uncounted"
echo "conversion creates) converting the HTML that \`evalreport render --format html\`"
echo "writes for the same data, in the same run (bench/docx.sh). Medians of $runs runs"
echo "(pandoc and LibreOffice: $slow_runs)."
echo
echo "Targets: evalreport at least 20× as fast as either; nanchong-2018 under 60 ms wall."
echo
cols="| sample | evalreport | CPU | peak RSS | DOCX"
line="| --- | --- | --- | --- | ---"
[ -n "$pandoc_note" ] || cols="$cols | pandoc | pandoc / ER | pandoc DOCX" line="$line | --- | --- | ---"
[ -n "$lo_note" ] || cols="$cols | LibreOffice | LO / ER | LO DOCX" line="$line | --- | --- | ---"
echo "$cols | ≥ 20× | < 60 ms |"
echo "$line | --- | --- |"
for d in $samples; do
  ms=$(med "$d.docx" 1)
  row="| $d | $(fmt_ms "$ms") | $(fmt_ms "$(med "$d.docx" 2)") | $(fmt_rss "$(med "$d.docx" 3)")"
  row="$row | $(fmt_size "$(bytes "$work/out/$d/$d.docx")")"
  others=""
  if [ -z "$pandoc_note" ]; then
    p=$(med "$d.pandoc" 1)
    others="$others $p"
    row="$row | $(fmt_ms "$p") | $(fmt_ratio "$p" "$ms" ×) | $(fmt_size "$(bytes "$work/out/$d/pandoc/$d.docx")")"
  fi
  if [ -z "$lo_note" ]; then
    l=$(med "$d.libreoffice" 1)
    others="$others $l"
    row="$row | $(fmt_ms "$l") | $(fmt_ratio "$l" "$ms" ×) | $(fmt_size "$(bytes "$work/out/$d/lo/$d.docx")")"
  fi
  # shellcheck disable=SC2086 # the other tools' times, one word each
  if [ -n "$others" ]; then twenty=$(verdict twenty_times "$ms" $others); else twenty=—; fi
  echo "$row | $twenty | $(own_target "$d") |"
done
echo
[ -z "$pandoc_note" ] || echo "- $pandoc_note"
[ -z "$lo_note" ] || echo "- $lo_note"
[ -n "$pandoc_note" ] || echo "- pandoc $("$pandoc" --version | awk '{ print $2; exit }'): it leaves out the charts (inline SVG without rsvg-convert) and has no contents page numbers, footers or landscape section."
[ -n "$lo_note" ] || echo "- LibreOffice $("$soffice" --version 2>/dev/null | awk '{ print $2; exit }')."
echo "- load average: $load"
echo "- every run (wall ms):"
while read -r m; do
  echo "  $m: $(every "$m" 1);"
done <"$work/measurements"
echo
