# shellcheck shell=sh disable=SC2154 # $work, $bin: set by bench/run
# bench/scaling.sh: section 6 of bench/run, which sources it (POSIX sh).
# Also runs alone, measuring only this section and printing it:
#
#   sh bench/scaling.sh build/evalreport
#
# Generated data: 1,000, 10,000 and 100,000 leaf indicators (ten leaves
# under each second-level indicator, ten of those under each first-level
# one), each rendered in every format, and a batch of two units with
# 6,000 first-level dimensions each, whose summary was once cubic in them.
# BENCH_SCALE_RUNS runs per measurement (default 1); BENCH_SCALE_LEAVES
# the sizes (default "1000 10000 100000").

# scale_data N FILE: the generated data (tests/scale-data.sh)
# ($0 is bench/run or this file: the repository is its parent's parent)
: "${root:=$(cd "$(dirname "$0")/.." && pwd)}"
# shellcheck source=tests/scale-data.sh
. "$root/tests/scale-data.sh"

scaling_measure() {
  scale_runs=${BENCH_SCALE_RUNS:-1}
  scale_leaves=${BENCH_SCALE_LEAVES:-1000 10000 100000}
  mkdir -p "$work/scale"
  load_scale=$(loadavg)
  # (not $n: measure() sets it)
  for leaves in $scale_leaves; do
    scale_data "$leaves" "$work/scale/leaves-$leaves.yaml"
    "$bin" check "$work/scale/leaves-$leaves.yaml" >/dev/null 2>&1 ||
      die "the generated $leaves-leaf file does not pass check"
    for f in html pdf xlsx; do
      say "scaling: $leaves leaves, $f: $scale_runs runs"
      measure "scale-$leaves.$f" "$scale_runs" "$bin" render "$work/scale/leaves-$leaves.yaml" \
        -o "$work/scale/out" --format "$f"
    done
  done
  mkdir -p "$work/scale/dims"
  for u in a b; do
    awk -v u="$u" 'BEGIN {
      printf "evalreport: 1\nproject:\n  name: 维度测试%s\n  year: 2024\nindicators:\n", u
      for (i = 0; i < 6000; i++)
        printf "  - {code: D%d, name: 维度%d, weight: 0.01, rule: score, score: 0.008}\n", i, i
      printf "  - {code: R, name: 余量, weight: 40, rule: score, score: 32}\n" }' >"$work/scale/dims/$u.yaml"
  done
  say "scaling: batch of 2 units × 6,000 dimensions: $scale_runs runs"
  pre_run="rm -rf '$work/scale/dims-out'"
  measure "scale-dims" "$scale_runs" "$bin" batch "$work/scale/dims" -o "$work/scale/dims-out" -j 1 --format xlsx
  pre_run=""
  load_scale="$load_scale → $(loadavg)"
}

# per_leaf N FORMAT [COLUMN]: µs per leaf of wall time (or of COLUMN 2, CPU time)
per_leaf() { awk -v t="$(med "scale-$1.$2" "${3:-1}")" -v n="$1" 'BEGIN { printf "%.1f", 1000 * t / n }'; }

scaling_section() {
  echo "## 6. Scaling"
  echo
  echo "\`evalreport render --format F\` on generated data of 1,000, 10,000 and 100,000 leaf"
  echo "indicators (ten leaves under each second-level indicator, ten of those under each"
  echo "first-level one). Medians of $scale_runs run(s)."
  echo
  echo "Targets: the wall time per leaf at 100,000 leaves at most 1.5× that at 10,000; 100,000"
  echo "leaves in at most 10 s and 1 GB per format; the batch summary of 6,000 dimensions in"
  echo "at most 2 s (measured with the rendering of the two units' annexes)."
  echo
  echo "| leaves | format | wall time | CPU time | peak RSS | µs per leaf (wall) | µs per leaf (CPU) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for n in $scale_leaves; do
    for f in html pdf xlsx; do
      echo "| $n | $f | $(fmt_ms "$(med "scale-$n.$f" 1)") | $(fmt_ms "$(med "scale-$n.$f" 2)")" \
        "| $(fmt_rss "$(med "scale-$n.$f" 3)") | $(per_leaf "$n" "$f") | $(per_leaf "$n" "$f" 2) |"
    done
  done
  echo
  case " $scale_leaves " in
  *" 10000 "*)
    case " $scale_leaves " in
    *" 100000 "*)
      echo "Per-leaf cost compared in CPU time, which a loaded machine stretches less than wall time:"
      echo
      for f in html pdf xlsx; do
        a=$(per_leaf 10000 "$f" 2) b=$(per_leaf 100000 "$f" 2)
        t=$(med "scale-100000.$f" 1) m=$(med "scale-100000.$f" 3)
        ok=$(awk -v a="$a" -v b="$b" -v t="$t" -v m="$m" \
          'BEGIN { print (b <= 1.5 * a && t <= 10000 && m <= 1048576) ? "PASS" : "FAIL" }')
        echo "- $f: $ok — per leaf $(fmt_ratio "$b" "$a" ×) the CPU time of 10,000 leaves;" \
          "$(fmt_ms "$t") and $(fmt_rss "$m") at 100,000"
      done
      ;;
    esac
    ;;
  esac
  t=$(med scale-dims 1)
  echo "- batch summary, 2 units × 6,000 dimensions: $(verdict at_least 2000 "$t" 1) — $(fmt_ms "$t"), $(fmt_rss "$(med scale-dims 3)")"
  echo "- load average: $load_scale"
}

# alone: sh bench/scaling.sh [EVALREPORT]
if [ -z "${work:-}" ]; then
  set -eu
  root=$(cd "$(dirname "$0")/.." && pwd)
  bin=${1:-$root/build/evalreport}
  case "$bin" in /*) ;; *) bin=$(pwd)/$bin ;; esac
  # shellcheck source=bench/lib.sh
  . "$root/bench/lib.sh"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  : >"$work/measurements"
  scaling_measure
  scaling_section
fi
