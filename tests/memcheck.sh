#!/bin/sh
# memcheck.sh EVALREPORT render|batch ARGS…
#
# Runs `EVALREPORT render|batch ARGS… -o SCRATCH` under valgrind's memcheck and fails on any invalid
# read or write, use of uninitialised memory, or leak (definite, indirect
# or possible). Memory still reachable at exit is allowed: it is what
# ctemplate's static initialisers and GLib (under HarfBuzz) keep for the
# life of the process. The command itself must exit 0. Skipped (77)
# without valgrind. (A sanitizer build cannot run under valgrind: CMake
# adds these tests to other builds only.)
set -u
bin=$1
shift
command -v valgrind >/dev/null 2>&1 || {
  echo "valgrind not installed: skipped"
  exit 77
}
log=$(mktemp)
out=$(mktemp -d)
trap 'rm -rf "$log" "$out"' EXIT
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect,possible \
  --errors-for-leak-kinds=definite,indirect,possible --track-origins=yes --error-exitcode=99 \
  --log-file="$log" "$bin" "$@" -o "$out" >/dev/null 2>&1
status=$?
if [ "$status" -eq 99 ] || ! grep -q "ERROR SUMMARY: 0 errors" "$log"; then
  cat "$log"
  echo "FAIL: memcheck found errors in: evalreport $*"
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: evalreport $* exited with $status"
  exit 1
fi
grep -E "definitely lost|in use at exit|ERROR SUMMARY" "$log" | sed 's/^==[0-9]*== *//'
