#!/bin/sh
# bench/pdf.sh [EVALREPORT]
#
# Times `evalreport render --format pdf`: samples/nanchong-2018.yaml, and
# generated reports of about 50, 100 and 300 pages (the sample with more
# narrative paragraphs and survey questions); the median wall time of 5
# runs and the peak RSS (/usr/bin/time -f '%e %M'), against the targets
# (the sample ≤ 100 ms and ≤ 64 MB; 300 pages ≤ 2 s and ≤ 150 MB). Side by
# side, WeasyPrint renders the HTML evalreport writes for the same sample
# (the same document; median of 3 runs): evalreport must be 30 times as
# fast or more and write a smaller file. Writes bench/RESULTS.md, section
# "pdf", with the machine and the date. Not a test. Use a Release build:
#
#   cmake -S . -B /tmp/build-rel -DCMAKE_BUILD_TYPE=Release -DER_TESTS=OFF
#   cmake --build /tmp/build-rel -j && bench/pdf.sh /tmp/build-rel/evalreport
#
# WeasyPrint is the Debian package weasyprint (apt-get install weasyprint);
# without it that row is left out.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/evalreport}
runs=${BENCH_RUNS:-5}
[ -x "$bin" ] || {
  echo "bench/pdf.sh: no $bin; build first (see the comment at the top)" >&2
  exit 2
}
[ -x /usr/bin/time ] || {
  echo "bench/pdf.sh: needs /usr/bin/time (Debian package time)" >&2
  exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sample=samples/nanchong-2018.yaml
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# measure N OUT CMD…: runs CMD N times; OUT gets "wall_ms rss_kb cpu_ms" per
# run, as /usr/bin/time gives them (wall in hundredths of a second)
measure() {
  n=$1 out=$2
  shift 2
  : >"$out"
  r=1
  while [ "$r" -le "$n" ]; do
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
      cat "$work/err" >&2
      exit 1
    }
    tail -n 1 "$work/time" | awk '{ printf "%d %d %d\n", 1000 * $1 + 0.5, $2, 1000 * ($3 + $4) + 0.5 }' >>"$out"
    r=$((r + 1))
  done
}

# median OUT: "ms rss_kb cpu_ms" of the median run by time; all: the times
median() { sort -n "$1" | sed -n "$((($(wc -l <"$1") + 1) / 2))p"; }
all_runs() { cut -d' ' -f1 "$1" | tr '\n' ' ' | sed 's/ $//; s/ /, /g'; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
size_kb() { wc -c <"$1" | awk '{ printf "%d", $1 / 1024 }'; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.3f s", ms / 1000 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

# generate K OUT: the sample with K more paragraphs and K more questions
generate() {
  awk -v k="$1" '
    { print }
    /^  methods:$/ {
      for (i = 1; i <= k; i++)
        printf "    - 第%d段：为检验长篇报告的排版速度而生成的段落。评价组对照指标体系逐项核查了资料，" \
               "本段涉及资金%d.%02d万元，执行率9%d.%d%%，覆盖%d户%d人；检查中发现的问题已逐项反馈，" \
               "并提出了整改意见和完善制度、加强监管、提高资金使用效益的建议，相关单位已按要求落实。\n",
               i, 100 + i, i % 100, i % 10, i % 7, 1000 + 3 * i, 2000 + 7 * i
    }
    /^      questions:$/ && !done {
      done = 1
      for (i = 1; i <= k; i++) {
        printf "        - text: 生成的第%d个问题：您对本地城乡低保政策执行情况的评价\n", i
        print "          options:"
        for (o = 1; o <= 4; o++) printf "            选项%d-%d: 25\n", i, o
      }
    }' "$sample" >"$2"
}

rows=""
row() { # row DOCUMENT PAGES TOOL RUNS-FILE PDF
  set -- "$@" $(median "$4")
  rows="$rows| $1 | $2 | $3 | $(secs "$6") | $(secs "$8") | $(mb "$7") | $(size_kb "$5") KB | $(all_runs "$4") |
"
}

echo "nanchong-2018: $runs runs…" >&2
mkdir -p "$work/sample"
measure "$runs" "$work/sample.runs" "$bin" render "$sample" -o "$work/sample" --format pdf
pdf=$work/sample/nanchong-2018.pdf
sample_pages=$(pages "$pdf")
row "nanchong-2018" "$sample_pages" evalreport "$work/sample.runs" "$pdf"
sample_ms=$(median "$work/sample.runs" | cut -d' ' -f1)
sample_kb=$(median "$work/sample.runs" | cut -d' ' -f2)
sample_size=$(wc -c <"$pdf")

# K for a number of pages: pages grow linearly with K
generate 100 "$work/k100.yaml"
mkdir -p "$work/k100"
"$bin" render "$work/k100.yaml" -o "$work/k100" --format pdf >/dev/null 2>&1
per_k=$(echo "$(pages "$work/k100/k100.pdf") $sample_pages" | awk '{ print ($1 - $2) / 100 }')
big_ms=0 big_kb=0
for target in 50 100 300; do
  k=$(echo "$target $sample_pages $per_k" | awk '{ k = ($1 - $2) / $3; printf "%d", k < 1 ? 1 : k }')
  name=gen-$target
  generate "$k" "$work/$name.yaml"
  mkdir -p "$work/$name"
  echo "generated, ~$target pages (K=$k): $runs runs…" >&2
  measure "$runs" "$work/$name.runs" "$bin" render "$work/$name.yaml" -o "$work/$name" --format pdf
  row "generated (K=$k)" "$(pages "$work/$name/$name.pdf")" evalreport "$work/$name.runs" \
    "$work/$name/$name.pdf"
  big_ms=$(median "$work/$name.runs" | cut -d' ' -f1)
  big_kb=$(median "$work/$name.runs" | cut -d' ' -f2)
done

wp_line=""
if command -v weasyprint >/dev/null 2>&1; then
  "$bin" render "$sample" -o "$work/sample" --format html >/dev/null 2>&1
  echo "WeasyPrint: 3 runs…" >&2
  measure 3 "$work/wp.runs" weasyprint "$work/sample/nanchong-2018.html" "$work/wp.pdf"
  row "nanchong-2018, its HTML" "$(pages "$work/wp.pdf")" "WeasyPrint $(weasyprint --version |
    awk '{ print $NF }')" "$work/wp.runs" "$work/wp.pdf"
  wp_ms=$(median "$work/wp.runs" | cut -d' ' -f1)
  wp_line=$(awk -v a="$sample_ms" -v b="$wp_ms" -v sa="$sample_size" -v sb="$(wc -c <"$work/wp.pdf")" \
    'BEGIN { printf "- evalreport against WeasyPrint on the same document: %.0f× as fast (target ≥ 30×: %s), " \
             "file %.0f%% of the size (target smaller: %s)", b / a, (b / a >= 30 ? "met" : "NOT met"),
             100 * sa / sb, (sa < sb ? "met" : "NOT met") }')
fi

verdict() { [ "$1" -le "$2" ] && echo met || echo "NOT met"; }
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
build="Release"
if ldd "$bin" 2>/dev/null | grep -q libasan; then build="ASan (Debug), not representative"; fi
{
  echo "## pdf"
  echo
  echo "\`bench/pdf.sh\`: \`evalreport render --format pdf\`, from the data file to the"
  echo "PDF (load, check, score, template, typesetting, fonts, writing). Median wall"
  echo "time of $runs runs (WeasyPrint: 3) and that run's CPU time (user + sys), peak"
  echo "RSS, all by /usr/bin/time -f '%e %M %U %S' (hundredths of a second). The generated"
  echo "reports are $sample with K more narrative paragraphs and K more survey"
  echo "questions of 4 options."
  echo
  echo "| document | pages | tool | median wall time | its CPU time | peak RSS | file | all runs, wall (ms) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  printf %s "$rows"
  echo
  echo "- the sample: $(secs "$sample_ms") (target ≤ 100 ms: $(verdict "$sample_ms" 100)), $(mb "$sample_kb") (target ≤ 64 MB: $(verdict "$sample_kb" 65536))"
  echo "- about 300 pages: $(secs "$big_ms") (target ≤ 2 s: $(verdict "$big_ms" 2000)), $(mb "$big_kb") (target ≤ 150 MB: $(verdict "$big_kb" 153600))"
  [ -n "$wp_line" ] && echo "$wp_line"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(uname -srm); ${cpu:-unknown CPU}; $(nproc) CPUs; ${mem:-unknown memory}"
  echo "- load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  (the machine is shared: with a load above its $(nproc) CPUs, wall times stretch"
  echo "  while CPU times hold)"
  echo "- build: $build; $("$bin" version)"
} >"$work/section"

# bench/RESULTS.md: replace the section "pdf", keep every other one
results_md=bench/RESULTS.md
[ -f "$results_md" ] || printf '# Benchmarks\n\n' >"$results_md"
awk -v section="$work/section" '
  function put() { while ((getline line < section) > 0) print line; close(section); done = 1 }
  /^## / { if (skipping) { skipping = 0; print "" } if ($0 == "## pdf") { put(); skipping = 1; next } }
  !skipping { print }
  END { if (!done) { print ""; put() } }
' "$results_md" >"$work/results.md"
awk 'NF { if (blank && printed) print ""; blank = 0; printed = 1; print; next } { blank = 1 }' \
  "$work/results.md" >"$results_md"
cat "$work/section"
