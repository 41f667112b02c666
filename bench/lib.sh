# shellcheck shell=sh disable=SC2154 # $work: set by bench/run
# bench/lib.sh: helpers for bench/run, which sources it (POSIX sh).
# They use $work, the scratch directory bench/run makes.

say() { printf '%s\n' "$*" >&2; }
die() {
  say "bench/run: $*"
  exit 1
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# measure NAME N CMD…: runs CMD N times, its output to /dev/null and its
# stderr to $work/NAME.err, and appends "wall_ms cpu_ms rss_kb" per run to
# $work/NAME.runs: wall time and CPU time (user + system) in milliseconds
# and the peak RSS of the largest process, as bench/walltime.c measures
# them (compiled into $work on first use). $pre_run, if set, is evaluated
# before each run, untimed. A run that fails stops the benchmark.
measure() {
  name=$1 n=$2
  shift 2
  if [ ! -x "$work/walltime" ]; then
    ${CC:-cc} -O2 -o "$work/walltime" "$root/bench/walltime.c" || die "cannot compile bench/walltime.c (needs a C compiler)"
  fi
  [ -f "$work/$name.runs" ] || echo "$name" >>"$work/measurements"
  i=1
  while [ "$i" -le "$n" ]; do
    [ -z "${pre_run:-}" ] || eval "$pre_run"
    "$work/walltime" "$work/$name.runs" "$@" >/dev/null 2>"$work/$name.err" || {
      cat "$work/$name.err" >&2
      die "failed: $*"
    }
    say "  $name: run $i/$n, $(tail -n 1 "$work/$name.runs" | cut -d' ' -f1) ms"
    i=$((i + 1))
  done
}

# med NAME COLUMN: the median of a column of $work/NAME.runs (1 wall ms,
# 2 CPU ms, 3 peak RSS KB); of an even number of runs, the lower middle one
med() {
  cut -d' ' -f"$2" "$work/$1.runs" | sort -n |
    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

# every NAME COLUMN: all runs of a column, in order, comma-separated
every() { cut -d' ' -f"$2" "$work/$1.runs" | paste -sd, - | sed 's/,/, /g'; }

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }
bytes() { wc -c <"$1" | tr -d ' '; }

# formatting: milliseconds, KB of RSS, bytes of a file, a ratio A / B
fmt_ms() { awk -v t="$1" 'BEGIN { if (t < 1000) printf "%d ms", t; else printf "%.2f s", t / 1000 }'; }
fmt_rss() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }
fmt_size() {
  awk -v b="$1" 'BEGIN { if (b < 1048576) printf "%.0f KB", b / 1024; else printf "%.2f MB", b / 1048576 }'
}
fmt_ratio() {
  awk -v a="$1" -v b="$2" -v unit="${3:-}" 'BEGIN {
    if (b == 0) { print "?"; exit }
    r = a / b
    printf (r >= 10 ? "%.0f%s" : "%.2f%s"), r, unit
  }'
}

# at_least A B N: exit status of A / B >= N
at_least() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { exit !(b > 0 && a / b >= n) }'; }
verdict() { if "$@"; then echo PASS; else echo FAIL; fi; }

# manifest DIR: "sha256  ./path" for every file under DIR, sorted
manifest() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
