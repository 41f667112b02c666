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
"$bin" score "$src/docs/example.yaml" --json | grep -q '"total": 94.66,'
"$bin" score "$src/docs/example.yaml" --json | grep -q '"grade": "优秀",'
echo ok
