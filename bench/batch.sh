#!/bin/sh
# bench/batch.sh [EVALREPORT]
#
# Times `evalreport batch` over 1,000 generated unit files (the documented
# example with other names and figures), with -j 1 and -j 2: the median
# wall time of 3 runs and files per second, written to bench/RESULTS.md,
# section "batch", with the machine and the date. Not a test. Use a
# Release build (scripts/setup samples builds one in build/):
#
#   cmake -S . -B /tmp/build-rel -DCMAKE_BUILD_TYPE=Release -DER_TESTS=OFF
#   cmake --build /tmp/build-rel -j && bench/batch.sh /tmp/build-rel/evalreport
#
# BENCH_FILES and BENCH_JOBS change the number of files and the -j values.
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/evalreport}
files=${BENCH_FILES:-1000}
jobs=${BENCH_JOBS:-1 2}
runs=3
[ -x "$bin" ] || {
  echo "bench/batch.sh: no $bin; build first (see the comment at the top)" >&2
  exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "generating $files unit files…" >&2
mkdir "$work/units"
awk -v n="$files" -v dir="$work/units" '
  { lines[NR] = $0 }
  END {
    for (i = 1; i <= n; i++) {
      out = sprintf("%s/unit-%04d.yaml", dir, i)
      skip = 0
      for (k = 1; k <= NR; k++) {
        line = lines[k]
        if (line ~ /^stated:/) { skip = 1; continue }
        if (skip && line ~ /^  /) continue
        skip = 0
        if (line ~ /^  name: 2024年某县困难群众救助补助资金/) line = sprintf("  name: 某县第%04d号单位救助补助资金", i)
        if (line ~ /^        actual: 6433$/) line = sprintf("        actual: %d", 3000 + (i * 37) % 3400)
        if (line ~ /^    score: 2$/) line = sprintf("    score: %d", i % 4)
        print line > out
      }
      close(out)
    }
  }' docs/example.yaml
"$bin" check "$work/units/unit-0001.yaml" >/dev/null 2>&1 || {
  echo "bench/batch.sh: a generated file does not pass check" >&2
  exit 1
}

median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
# CPU seconds (user + system) of this shell's finished children, as
# `times` wrote them to file $1 (`times` must run in this shell, not in a
# command substitution's subshell)
cpu_seconds() { tail -n 1 "$1" | tr 'ms' '  ' | awk '{ print $1 * 60 + $2 + $3 * 60 + $4 }'; }
now() { date +%s.%N; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

results=""
for j in $jobs; do
  : >"$work/times"
  r=1
  while [ $r -le $runs ]; do
    rm -rf "$work/out"
    times >"$work/cpu-before"
    start=$(now)
    if ! "$bin" batch "$work/units" -o "$work/out" -j "$j" >/dev/null 2>"$work/err"; then
      cat "$work/err" >&2
      exit 1
    fi
    end=$(now)
    times >"$work/cpu-after"
    echo "$end $start $(cpu_seconds "$work/cpu-after") $(cpu_seconds "$work/cpu-before")" |
      awk '{ printf "%.3f %.2f\n", $1 - $2, $3 - $4 }' >>"$work/times"
    echo "-j $j run $r: $(tail -n 1 "$work/times" | cut -d' ' -f1) s" >&2
    r=$((r + 1))
  done
  line=$(median <"$work/times")
  t=${line% *}
  cpu=${line#* }
  rate=$(echo "$files $t" | awk '{ printf "%.1f", $1 / $2 }')
  use=$(echo "$cpu $t" | awk '{ printf "%.0f%%", 100 * $1 / $2 }')
  all=$(cut -d' ' -f1 "$work/times" | tr '\n' ' ' | sed 's/ $//; s/ /, /g')
  results="$results| -j $j | $t s | $rate | $cpu s | $use | $all |
"
done

outputs=$(ls "$work/out" | wc -l)
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
build="Release"
if ldd "$bin" 2>/dev/null | grep -q libasan; then build="ASan (Debug), not representative"; fi
{
  echo "## batch"
  echo
  echo "\`bench/batch.sh\`: \`evalreport batch\` over $files generated unit files"
  echo "(docs/example.yaml with other names and figures), each rendered to every"
  echo "format this build writes ($((outputs - 2)) outputs), plus summary.csv and"
  echo "summary.xlsx. Median wall time of $runs runs."
  echo
  echo "| workers | median wall time | files/s | CPU time (user+sys) | CPU use | all runs, wall (s) |"
  echo "| --- | --- | --- | --- | --- | --- |"
  printf %s "$results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(uname -srm); ${cpu:-unknown CPU}; $(nproc) CPUs; ${mem:-unknown memory}"
  echo "- load average before the runs: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- build: $build; $("$bin" version)"
  echo "- CPU use is CPU time over wall time: below 100% per worker, the"
  echo "  workers waited for CPUs other processes held (see the load average)."
} >"$work/section"

# bench/RESULTS.md: replace the section "batch", keep every other one
results_md=bench/RESULTS.md
[ -f "$results_md" ] || printf '# Benchmarks\n\n' >"$results_md"
awk -v section="$work/section" '
  function put() { while ((getline line < section) > 0) print line; close(section); done = 1 }
  /^## / { if (skipping) { skipping = 0; print "" } if ($0 == "## batch") { put(); skipping = 1; next } }
  !skipping { print }
  END { if (!done) { print ""; put() } }
' "$results_md" >"$work/results.md"
# one blank line between blocks, none at the end
awk 'NF { if (blank && printed) print ""; blank = 0; printed = 1; print; next } { blank = 1 }' \
  "$work/results.md" >"$results_md"
cat "$work/section"
