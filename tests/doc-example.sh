#!/bin/sh
# doc-example.sh EVALREPORT SOURCE_DIR
# The annotated example in docs/data-format.md is docs/example.yaml, and it
# passes check with the total the document states.
set -eu
bin=$1 src=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
sed -n '/^<!-- example -->$/,/^<!-- \/example -->$/p' "$src/docs/data-format.md" | sed '1,2d;$d' | sed '$d' >"$tmp"
cmp "$tmp" "$src/docs/example.yaml" || { echo "docs/data-format.md's example differs from docs/example.yaml"; exit 1; }
"$bin" check "$src/docs/example.yaml"
# the outline example, appended to the data example, checks and renders
sed -n '/^<!-- outline-example -->$/,/^<!-- \/outline-example -->$/p' "$src/docs/data-format.md" | sed '1,2d;$d' | sed '$d' >"$tmp"
cmp "$tmp" "$src/docs/outline-example.yaml" || { echo "docs/data-format.md's outline example differs from docs/outline-example.yaml"; exit 1; }
dir=$(mktemp -d)
trap 'rm -f "$tmp"; rm -rf "$dir"' EXIT
cat "$src/docs/example.yaml" "$src/docs/outline-example.yaml" >"$dir/with-outline.yaml"
"$bin" check "$dir/with-outline.yaml"
"$bin" render "$dir/with-outline.yaml" -o "$dir" --format html >/dev/null
for want in '<p class="doc-number">某民发〔2024〕3号</p>' '>（一）资金使用情况</h3>' \
  '项目预算1600.00万元，执行率98.16%，详见表1-1。' '>附件：评分表</h2>' \
  '<p class="imprint">某市民政局办公室　　2024年10月16日印发</p>' \
  '<td class="center">合计</td><td class="num">215</td><td class="num">154.80</td>'; do
  grep -qF -- "$want" "$dir/with-outline.html" || { echo "outline example: no $want"; exit 1; }
done
"$bin" score "$src/docs/example.yaml" --json | grep -q '"total": 94.66,'
"$bin" score "$src/docs/example.yaml" --json | grep -q '"grade": "优秀",'
echo ok
