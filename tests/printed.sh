#!/bin/sh
# printed.sh EVALREPORT SOURCE_DIR OUT_DIR
# Every printed figure checks out by hand: each sample and a file of
# awkward decimals rendered to HTML, their arithmetic redone from what is
# printed (tests/printed_audit.py), with check's rounding warnings.
set -u
bin=$1 src=$2 out=$3
mkdir -p "$out"
: >"$out/check.txt"
pages=""
for data in "$src/samples/nanchong-2018.yaml" "$src/samples/chenggong-2023.yaml" \
  "$src/samples/jialing-2023.yaml" "$src/tests/printed/awkward.yaml"; do
  "$bin" check "$data" >>"$out/check.txt" 2>&1
  "$bin" render "$data" -o "$out" --format html >/dev/null 2>&1 || { echo "FAIL: render $data"; exit 1; }
  pages="$pages $out/$(basename "$data" .yaml).html"
done
# the awkward file's parts do not add up as printed: check says so
for want in '总分显示为 89.37，而 A、B、C 显示的得分相加为 89.38' \
  '指标 B 的得分显示为 41.38，而 B1、B2 显示的得分相加为 41.37'; do
  grep -qF -- "$want" "$out/check.txt" || { echo "FAIL: check did not say: $want"; exit 1; }
done
# shellcheck disable=SC2086
python3 "$src/tests/printed_audit.py" "$out/check.txt" $pages
