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
echo "keep me" >"$dir/existing.yaml"
if "$bin" init "$dir/existing.yaml" 2>/dev/null; then
  echo "init overwrote an existing file"
  exit 1
fi
grep -qx "keep me" "$dir/existing.yaml"
[ -z "$(ls -A "$dir" | grep '^\.')" ] || { echo "temporary file left behind"; exit 1; }
"$bin" init --kind self | grep -q '^kind: self'
echo ok
