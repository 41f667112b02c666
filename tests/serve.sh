#!/bin/sh
# serve.sh EVALREPORT SOURCE_DIR
# The preview server on a free loopback port: / holds the report (or the
# findings with file:line:col), /events streams the generation, traversal
# attempts and other paths are 404, an edit of the data file changes the
# page within 1.5 s and reaches an open event stream, SIGTERM exits 0 with
# an event stream still open, and the private directory is removed.
# Skipped (77) without curl.
set -eu
bin=$1 src=$2
command -v curl >/dev/null 2>&1 || {
  echo "curl is not installed: skipped"
  exit 77
}
dir=$(mktemp -d)
pid=""
cleanup() {
  [ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- server log:"
  cat "$dir/log" 2>/dev/null || true
  exit 1
}
now_ms() { date +%s%3N; }

cp "$src/docs/example.yaml" "$dir/unit.yaml"
mkdir "$dir/tmp"
TMPDIR=$dir/tmp "$bin" serve "$dir/unit.yaml" --port 0 >"$dir/url" 2>"$dir/log" &
pid=$!
i=0
while [ ! -s "$dir/url" ] && [ $i -lt 150 ]; do
  sleep 0.1
  i=$((i + 1))
done
url=$(head -n 1 "$dir/url")
case $url in
http://127.0.0.1:*/) ;;
*) fail "no loopback URL on stdout: '$url'" ;;
esac
[ -n "$(ls -A "$dir/tmp")" ] || fail "no private directory under TMPDIR"

# GET PATH: the status, with the body in $dir/body
get() { curl -s --path-as-is --max-time 20 -o "$dir/body" -w '%{http_code}' "$url$1"; }

[ "$(get '')" = 200 ] || fail "/ is not 200"
grep -q '2024年某县困难群众救助补助资金' "$dir/body" || fail "/ does not hold the report"
grep -q 'EventSource("/events")' "$dir/body" || fail "/ has no live-reload script"
grep -q "script-src 'nonce-" "$dir/body" || fail "the page's policy does not allow the script"
grep -q '<script nonce="[0-9a-f]*">' "$dir/body" || fail "the script has no nonce"

curl -sN --max-time 1 "${url}events" >"$dir/events" || true
grep -qx 'data: 1' "$dir/events" || fail "/events did not send the generation: $(cat "$dir/events")"

for path in '../../../../../../etc/passwd' '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd' \
  '..%2f..%2f..%2f..%2fetc%2fpasswd' '%2e%2e%2f%2e%2e%2fetc%2fpasswd' 'events/../../../etc/passwd' \
  '/etc/passwd' '%2Fetc%2Fpasswd' 'unit.yaml' "${dir#/}/unit.yaml" 'templates/report.tpl' \
  'index.html' 'report.html' '.' '..' '%00' 'report.pdf/../unit.yaml'; do
  code=$(get "$path")
  [ "$code" = 404 ] || fail "/$path answered $code, not 404"
  if grep -q 'root:' "$dir/body"; then fail "/$path served a file of the machine"; fi
done
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url")
[ "$code" = 405 ] || fail "POST answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: attacker.example' "$url")
[ "$code" = 403 ] || fail "a foreign Host header answered $code"

# /annex.xlsx when this build writes XLSX, /report.pdf and /report.docx when
# it writes PDF and DOCX
for route in annex.xlsx report.pdf report.docx; do
  code=$(get "$route")
  case $code in
  200) [ "$(head -c 4 "$dir/body" | od -An -c | tr -d ' ')" != "" ] || fail "/$route is empty" ;;
  404) ;;
  *) fail "/$route answered $code" ;;
  esac
done

# an edit (saved the way editors do: a new file renamed over the old one)
# shows within 1.5 s, and an open event stream hears of it
curl -sN --max-time 4 "${url}events" >"$dir/stream" &
stream=$!
sleep 0.5
start=$(now_ms)
sed 's/2024年某县困难群众救助补助资金/2024年某县改过名的项目/' "$dir/unit.yaml" >"$dir/unit.yaml.new"
mv "$dir/unit.yaml.new" "$dir/unit.yaml"
seen=""
while [ $(($(now_ms) - start)) -lt 1500 ]; do
  if [ "$(get '')" = 200 ] && grep -q '2024年某县改过名的项目' "$dir/body"; then
    seen=$(($(now_ms) - start))
    break
  fi
  sleep 0.05
done
[ -n "$seen" ] || fail "the page did not change within 1.5 s of the edit"
echo "re-rendered page seen after ${seen} ms"
wait $stream || true
grep -qx 'data: 1' "$dir/stream" && grep -qx 'data: 2' "$dir/stream" ||
  fail "the event stream did not announce generation 2: $(cat "$dir/stream")"

# invalid data keeps the server up: the draft lists the findings
sed 's/^    weight: 20$/    weight: 25/' "$src/docs/example.yaml" >"$dir/unit.yaml"
sleep 1
[ "$(get '')" = 200 ] || fail "/ is not 200 with invalid data"
grep -q '\[weights\]' "$dir/body" || fail "the draft does not show the findings"
code=$(get annex.xlsx)
[ "$code" = 409 ] || [ "$code" = 404 ] || fail "/annex.xlsx of invalid data answered $code"
# data the writer cannot render at all: a page of findings with file:line:col
printf 'evalreport: 1\nkind: full\nproject: [unclosed\n' >"$dir/unit.yaml"
sleep 1
[ "$(get '')" = 200 ] || fail "/ is not 200 with broken data"
grep -q "unit.yaml:[0-9]*:[0-9]*</code>" "$dir/body" || fail "no FILE:LINE:COL in the findings page"
grep -q 'EventSource' "$dir/body" || fail "the findings page does not reload itself"

# SIGTERM, with an event stream open: exit 0, promptly, nothing left behind
curl -sN --max-time 20 "${url}events" >/dev/null &
stream=$!
sleep 0.3
start=$(now_ms)
kill -TERM "$pid"
set +e
wait "$pid"
status=$?
set -e
pid=""
[ $status -eq 0 ] || fail "exit status $status after SIGTERM"
[ $(($(now_ms) - start)) -lt 5000 ] || fail "took more than 5 s to stop"
kill "$stream" 2>/dev/null || true
[ -z "$(ls -A "$dir/tmp")" ] || fail "private directory left behind: $(ls -A "$dir/tmp")"
if grep -q 'Sanitizer\|runtime error' "$dir/log"; then fail "sanitizer report"; fi
echo ok
