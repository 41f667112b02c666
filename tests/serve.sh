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
# stop_server MS LABEL: SIGTERM; exit 0 within MS, the private directory removed
stop_server() {
  start=$(now_ms)
  kill -TERM "$pid"
  set +e
  wait "$pid"
  status=$?
  set -e
  pid=""
  [ $status -eq 0 ] || fail "${2}exit status $status after SIGTERM"
  [ $(($(now_ms) - start)) -lt "$1" ] || fail "${2}took more than $1 ms to stop"
  [ -z "$(ls -A "$dir/tmp")" ] || fail "${2}private directory left behind: $(ls -A "$dir/tmp")"
}

cp "$src/docs/example.yaml" "$dir/unit.yaml"
mkdir "$dir/tmp"
TMPDIR=$dir/tmp # the server's private directory goes there
export TMPDIR
. "$src/tests/serve-lib.sh"
serve_start "$dir/unit.yaml" "$dir/url" "$dir/log"
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
# it writes PDF and DOCX, /report.ofd (a zip) when it writes OFD
for route in annex.xlsx report.pdf report.docx report.ofd; do
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

# HTTP/1.1 requires Host: without it, 400; HTTP/1.0 may leave it out
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host:' "$url")
[ "$code" = 400 ] || fail "HTTP/1.1 without Host answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' --http1.0 -H 'Host:' "$url")
[ "$code" = 200 ] || fail "HTTP/1.0 without Host answered $code"

# many connections: 70 open event streams, then 70 clients that send half a
# request and wait, do not lock anyone out; streams closed are released
# at once (they once left new connections reset for 15 s)
streams=""
for i in $(seq 1 70); do
  curl -sN --max-time 30 "${url}events" >/dev/null 2>&1 &
  streams="$streams $!"
done
sleep 1
[ "$(get '')" = 200 ] || fail "/ is not served with 70 event streams open"
# shellcheck disable=SC2086
kill $streams 2>/dev/null || true
[ "$(get '')" = 200 ] || fail "/ is not served right after 70 event streams closed"
for i in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${url}events" --max-filesize 1 2>/dev/null)" != 000 ] ||
    fail "connection $i after the streams closed was refused"
done
/usr/bin/python3 - "$url" <<'PY' &
import socket, sys, time
host, port = sys.argv[1].split("//")[1].rstrip("/").split(":")
socks = []
for i in range(70):
    s = socket.create_connection((host, int(port)))
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end
    socks.append(s)
time.sleep(8)
PY
slow=$!
sleep 1
[ "$(get '')" = 200 ] || fail "/ is not served with 70 slow clients connected"
kill $slow 2>/dev/null || true
echo "ok many connections"

# SIGTERM, with an event stream open: exit 0, promptly, nothing left behind
curl -sN --max-time 20 "${url}events" >/dev/null &
stream=$!
sleep 0.3
stop_server 5000 ""
kill "$stream" 2>/dev/null || true
if grep -q 'Sanitizer\|runtime error' "$dir/log"; then fail "sanitizer report"; fi
# SIGTERM while a render is slow (20,000 first-level indicators: seconds
# even in a Release build), and with the data file replaced by a FIFO: the
# server stops within its grace of 2 s, and removes its private directory
{
  printf 'evalreport: 1\nproject:\n  name: 大项目\n  year: 2024\nindicators:\n'
  awk 'BEGIN { for (i = 0; i < 20000; i++)
    printf "  - {code: A%d, name: 指标%d, weight: 0.005, rule: score, score: 0.004}\n", i, i }'
} >"$dir/big.yaml"
cp "$src/docs/example.yaml" "$dir/small.yaml"
for case in slow fifo; do
  data=$dir/big.yaml
  [ $case = slow ] || data=$dir/small.yaml
  : >"$dir/url"
  "$bin" serve "$data" --port 0 >"$dir/url" 2>"$dir/log" &
  pid=$!
  if [ $case = fifo ]; then
    i=0
    while [ ! -s "$dir/url" ] && [ $i -lt 300 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    rm "$data" && mkfifo "$data"
    sleep 1.5 # a reload of the FIFO: refused at once, not waited on
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$(head -n 1 "$dir/url")")" = 200 ] ||
      fail "fifo: / not served after the data became a FIFO"
  else
    sleep 1
  fi
  stop_server 6000 "$case: "
done
if grep -q 'Sanitizer\|runtime error' "$dir/log"; then fail "sanitizer report"; fi
echo "ok SIGTERM during a slow render and with a FIFO"
echo ok
