#!/bin/sh
# init.sh EVALREPORT: each starter file passes check and scores; an
# existing file is left alone.
set -eu
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for kind in full self; do
  "$bin" init --kind "$kind" "$dir/$kind.yaml"
  "$bin" check "$dir/$kind.yaml"
  "$bin" score "$dir/$kind.yaml" --json | grep -q '"grade": "优"'
done
# with the built-in outline to edit: the same report as without it
for kind in full self; do
  "$bin" init --kind "$kind" --outline "$dir/$kind-outline.yaml"
  grep -q '^outline:' "$dir/$kind-outline.yaml"
  "$bin" check "$dir/$kind-outline.yaml"
  "$bin" render "$dir/$kind.yaml" -o "$dir" --format html >/dev/null
  "$bin" render "$dir/$kind-outline.yaml" -o "$dir" --format html >/dev/null
  grep -o '<h[1-4][^>]*>[^<]*' "$dir/$kind.html" >"$dir/$kind.headings"
  grep -o '<h[1-4][^>]*>[^<]*' "$dir/$kind-outline.html" >"$dir/$kind-outline.headings"
  cmp "$dir/$kind.headings" "$dir/$kind-outline.headings" ||
    { echo "init --outline: the headings differ from the built-in outline's"; exit 1; }
  [ "$(wc -l <"$dir/$kind.headings")" -gt 5 ] || { echo "init: too few headings"; exit 1; }
done
echo "keep me" >"$dir/existing.yaml"
if "$bin" init "$dir/existing.yaml" 2>/dev/null; then
  echo "init overwrote an existing file"
  exit 1
fi
grep -qx "keep me" "$dir/existing.yaml"
[ -z "$(ls -A "$dir" | grep '^\.')" ] || { echo "temporary file left behind"; exit 1; }
"$bin" init --kind self | grep -q '^kind: self'
echo ok
