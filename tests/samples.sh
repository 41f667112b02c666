#!/bin/sh
# samples.sh EVALREPORT SAMPLES_DIR
# Every sample checks without errors, and scores to its published figures.
set -eu
bin=$1 dir=$2
fail=0
expect() { # expect FILE JSON_FRAGMENT
  json=$("$bin" score "$dir/$1" --json)
  if ! printf '%s\n' "$json" | grep -qF -- "$2"; then
    echo "FAIL $1: no $2 in score --json"
    fail=1
  else
    echo "ok $1: $2"
  fi
}
for f in "$dir"/*.yaml; do
  if ! "$bin" check "$f" >/dev/null; then
    "$bin" check "$f"
    fail=1
  fi
done
expect nanchong-2018.yaml '"total": 88.38,'
expect nanchong-2018.yaml '"grade": "良好",'
expect chenggong-2023.yaml '"total": 100,'
expect chenggong-2023.yaml '"grade": "优秀",'
expect jialing-2023.yaml '"execution_rate": 98.42'
exit $fail
