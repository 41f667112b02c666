#!/bin/sh
# outputs.sh EVALREPORT SOURCE_DIR
#
# Outputs are safe. For each format (pdf, html, xlsx):
#   - the same data gives the same bytes twice;
#   - a render killed with SIGKILL while writing leaves the previous output
#     as it was, and the next render of the file removes the temporary file
#     the killed one left;
#   - a render never writes over its input (a data file named like its
#     output), and the input is left as it was.
# And output names come from the data file's name only: a project whose
# name is a path ("../../escape") writes nothing outside the output folder.
set -u
bin=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() {
  echo "FAIL $*"
  failed=1
}

# The sample with K generated narrative paragraphs and K survey questions:
# a long report, so that a render takes long enough to be killed mid-write.
generate() {
  awk -v k="$1" '
    { print }
    /^  methods:$/ {
      for (i = 1; i <= k; i++)
        printf "    - 第%d段：为检验中途终止而生成的段落。评价组对照指标体系逐项核查了资料，" \
               "本段涉及资金%d.%02d万元，覆盖%d户。\n", i, 100 + i, i % 100, 1000 + 3 * i
    }
    /^      questions:$/ && !done {
      done = 1
      for (i = 1; i <= k; i++) {
        printf "        - text: 生成的第%d个问题\n          options:\n", i
        for (o = 1; o <= 4; o++) printf "            选项%d-%d: 25\n", i, o
      }
    }' "$src/samples/nanchong-2018.yaml" >"$2"
}
generate 3000 "$work/long.yaml"

temps() { ls -A "$1" | grep '^\.' || true; }

for format in pdf html xlsx docx; do
  out=$work/$format
  "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 || fail "$format: render failed"
  "$bin" render "$work/long.yaml" -o "$out/b" --format "$format" >/dev/null 2>&1 || fail "$format: render failed"
  file=$(ls "$out/a")
  cmp -s "$out/a/$file" "$out/b/$file" || fail "$format: two renders of the same data differ"
  cp "$out/a/$file" "$work/before"

  # Kill a render once its temporary file is there and it is still running.
  killed=""
  for attempt in 1 2 3 4 5; do
    "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && [ -z "$(temps "$out/a")" ]; do sleep 0.005; done
    if kill -9 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      [ -n "$(temps "$out/a")" ] && killed=yes && break
    fi
    wait "$pid" 2>/dev/null
  done
  if [ -z "$killed" ]; then
    fail "$format: no render could be killed while writing (each ended first)"
    continue
  fi
  cmp -s "$out/a/$file" "$work/before" || fail "$format: the killed render changed $file"
  "$bin" render "$work/long.yaml" -o "$out/a" --format "$format" >/dev/null 2>&1 || fail "$format: render after the kill failed"
  [ -z "$(temps "$out/a")" ] || fail "$format: the temporary file of the killed render is still there: $(temps "$out/a")"
  cmp -s "$out/a/$file" "$work/before" || fail "$format: the render after the kill wrote other bytes"
  [ "$failed" = 0 ] && echo "ok $format: same bytes twice; killed mid-write, $file intact, no temporary file left"
done

# Never over the input: a data file named as its output would be (for the
# annex, whose name no data file gives, an output name linked to the input).
mkdir -p "$work/over"
for pair in "pdf report.pdf" "html report.html" "xlsx report-annex.xlsx"; do
  format=${pair% *} name=${pair#* } input=${pair#* }
  if [ "$format" = xlsx ]; then
    input=report.yaml
    cp "$src/samples/nanchong-2018.yaml" "$work/over/$input"
    ln -f "$work/over/$input" "$work/over/$name"
  fi
  cp "$src/samples/nanchong-2018.yaml" "$work/over/$input"
  if "$bin" render "$work/over/$input" -o "$work/over" --format "$format" >/dev/null 2>"$work/over/err"; then
    fail "$format: wrote over its input $name"
  fi
  grep -q "覆盖输入文件" "$work/over/err" || fail "$format: no message about the input: $(cat "$work/over/err")"
  cmp -s "$work/over/$input" "$src/samples/nanchong-2018.yaml" || fail "$format: the input $input was changed"
done
[ -z "$(temps "$work/over")" ] || fail "temporary file left after refusing: $(temps "$work/over")"

# Names from data stay inside the output folder.
mkdir -p "$work/names/in/out"
sed 's|^  name: .*|  name: ../../escape/x|' "$src/samples/nanchong-2018.yaml" >"$work/names/in/unit.yaml"
for format in pdf html xlsx; do
  "$bin" render "$work/names/in/unit.yaml" -o "$work/names/in/out" --format $format >/dev/null 2>&1 ||
    fail "$format: render of unit.yaml failed"
done
"$bin" batch "$work/names/in/unit.yaml" -o "$work/names/in/batch" --format pdf,html,xlsx >/dev/null 2>&1 ||
  fail "batch of unit.yaml failed"
outside=$(find "$work/names" -type f ! -path "$work/names/in/out/*" ! -path "$work/names/in/batch/*" \
  ! -name unit.yaml)
[ -z "$outside" ] || fail "written outside the output folder: $outside"
written=$(ls "$work/names/in/out" "$work/names/in/batch" | tr '\n' ' ')
[ "$written" = "$work/names/in/batch: summary.csv summary.xlsx unit-annex.xlsx unit.html unit.pdf  $work/names/in/out: unit-annex.xlsx unit.html unit.pdf " ] ||
  fail "not the expected files: $written"

exit $failed
