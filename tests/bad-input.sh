#!/bin/sh
# bad-input.sh EVALREPORT CASE.expected
# Runs `evalreport check` on the case's data file from its own directory and
# requires exit status 1 and the exact expected diagnostic line in the output.
set -u
bin=$1 expected=$2
dir=$(dirname "$expected")
name=$(basename "$expected" .expected)
data=$(cd "$dir" && ls "$name".* | grep -v '\.expected$' | head -n 1)
[ -n "$data" ] || { echo "no data file for $name"; exit 1; }
want=$(cat "$expected")
out=$(cd "$dir" && timeout 20 "$bin" check "$data" 2>&1)
status=$?
if [ "$status" -ne 1 ]; then
  echo "$data: exit status $status, expected 1"
  echo "$out"
  exit 1
fi
if ! printf '%s\n' "$out" | grep -qxF -- "$want"; then
  echo "$data: expected line not printed:"
  echo "  $want"
  echo "got:"
  echo "$out"
  exit 1
fi
echo "ok $data"
