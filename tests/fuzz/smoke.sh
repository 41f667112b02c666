#!/bin/sh
# tests/fuzz/smoke.sh BUILD_DIR [SECONDS]
#
# Runs each libFuzzer target of an ER_FUZZ build (see docs/fuzzing.md) for
# SECONDS (default 60) from its seed corpus, and fails on the first crash,
# sanitizer report, leak, timeout (10 s for one input) or memory blow-up
# (2 GB). New inputs go to a temporary directory: the committed corpus is
# left as it is. A failing input is kept as BUILD_DIR/fuzz-artifacts/*.
set -eu
build=$1
seconds=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"
artifacts=$(cd "$artifacts" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
# run TARGET CORPUS DICT: one target, its seed corpus and dictionary.
run() {
  target=$1 corpus=$here/corpus/$2 dict=$here/$3
  bin=$build/tests/fuzz/$target
  if [ ! -x "$bin" ]; then
    echo "smoke: $bin not built (cmake -DER_FUZZ=ON …; cmake --build … --target fuzz)" >&2
    failed=1
    return
  fi
  mkdir -p "$work/$target"
  echo "smoke: $target for ${seconds}s"
  if "$bin" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -dict="$dict" \
    -artifact_prefix="$artifacts/$target-" -print_final_stats=1 \
    "$work/$target" "$corpus" >"$work/$target.log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units' "$work/$target.log" || true
  else
    tail -n 60 "$work/$target.log"
    echo "smoke: $target FAILED; the input is in $artifacts (docs/fuzzing.md: adding a crash)" >&2
    failed=1
  fi
}

run fuzz_load load yaml.dict
run fuzz_view view yaml.dict
run fuzz_tpl tpl tpl.dict
run fuzz_doc doc xhtml.dict
run fuzz_layout layout layout.dict
run fuzz_xlsx xlsx yaml.dict
run fuzz_text text yaml.dict
run fuzz_text_docs text yaml.dict

exit $failed
