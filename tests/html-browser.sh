#!/bin/sh
# html-browser.sh PAGE.html… — open each page in headless Chromium, the way
# a reviewer's browser would, and fail when it logs a console message
# (an error, or a Content-Security-Policy refusal) or when the page asks
# for anything from the network. Takes a full-page screenshot of each page
# beside it (PAGE.png), to look at. On a phone's width (390 px) the page
# itself must not scroll sideways: document.scrollingElement.scrollWidth is
# at most the viewport's width (wide tables scroll in their own boxes).
#
# Chromium's own background requests (updates, accounts) are told apart
# from the page's by their network isolation key: a request the page makes
# is keyed by its file:// origin.
#
# Printed to PDF, no page is blank or holds a lone line.
#
# Exits 77 (skipped) when Chromium is not installed.
set -u
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium not installed (apt-get install chromium)"
  exit 77
fi
size=${SHOT_SIZE:-1240,6000}
fail=0

# run PAGE OUTDIR: the page's DOM, Chromium's log and network log in OUTDIR
run() {
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --log-net-log="$2/net.json" --dump-dom "file://$1" >"$2/dom.html" 2>"$2/log.txt"
  status=$?
  rm -rf "$profile"
  return $status
}

# check PAGE: 0 when the page loaded cleanly and stayed off the network
check() {
  page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  work=$(mktemp -d)
  ok=0
  if ! run "$page" "$work"; then
    echo "FAIL $1: chromium failed"
    ok=1
  elif ! grep -q '</html>' "$work/dom.html"; then
    echo "FAIL $1: no document loaded"
    ok=1
  fi
  if grep -E ':CONSOLE[(:]' "$work/log.txt" >/dev/null; then
    echo "FAIL $1: console messages:"
    grep -E ':CONSOLE[(:]' "$work/log.txt" | sed 's/^/  /'
    ok=1
  fi
  requests=$(grep '"network_isolation_key":"file://' "$work/net.json" 2>/dev/null |
    grep -o '"url":"[a-z]*:[^"]*"' | grep -v '"url":"file:' | sort -u)
  if [ -n "$requests" ]; then
    echo "FAIL $1: network requests:"
    echo "$requests" | sed 's/^/  /'
    ok=1
  fi
  rm -rf "$work"
  return $ok
}

shot() {
  page=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  png=${page%.html}.png
  profile=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$size" \
    --screenshot="$png" "file://$page" >/dev/null 2>&1
  rm -rf "$profile"
  if [ -s "$png" ]; then
    echo "ok $1: screenshot $png"
  else
    echo "FAIL $1: no screenshot"
    fail=1
  fi
}

# overflow PAGE: 0 when the page, in a 390 px frame, is no wider than it.
# Headless Chromium's window is at least 500 px wide, so the page is shown
# in an iframe of a phone's width, measured by the frame around it (a copy
# of the page without its Content-Security-Policy, which allows no script).
overflow() {
  work=$(mktemp -d)
  sed -e 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' "$1" >"$work/page.html"
  cat >"$work/frame.html" <<'EOF'
<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="page.html" style="border:0;width:390px;height:844px"></iframe>
<script>document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument;
  document.body.setAttribute("data-widths", d.scrollingElement.scrollWidth + " " + d.documentElement.clientWidth);
});</script></body></html>
EOF
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --allow-file-access-from-files --user-data-dir="$work/profile" --window-size=1280,1000 \
    --dump-dom "file://$work/frame.html" >"$work/dom.html" 2>/dev/null
  widths=$(grep -o 'data-widths="[0-9]* [0-9]*"' "$work/dom.html" | tr -dc '0-9 ')
  rm -rf "$work"
  set -- "$1" $widths
  if [ $# -ne 3 ]; then
    echo "FAIL $1: no width measured at 390 px"
    return 1
  elif [ "$2" -gt "$3" ]; then
    echo "FAIL $1: at 390 px the page is $2 px wide: it scrolls sideways"
    return 1
  fi
  echo "ok $1: at 390 px the page is $2 px wide, the viewport $3 px"
}

# printed PAGE: Chromium's print to PDF has no blank page and no page that
# holds a lone line (a heading stranded at a page's foot); skipped without
# pdftotext (poppler-utils).
printed() {
  command -v pdftotext >/dev/null || return 0
  work=$(mktemp -d)
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --no-pdf-header-footer --print-to-pdf="$work/p.pdf" \
    "file://$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" >/dev/null 2>&1
  pages=$(pdfinfo "$work/p.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  ok=0
  if [ -z "$pages" ]; then
    echo "FAIL $1: no PDF printed"
    ok=1
  else
    p=1
    while [ "$p" -le "$pages" ]; do
      # the lines of text, the folio "— N —" left out
      lines=$(pdftotext -f "$p" -l "$p" "$work/p.pdf" - | grep -v '^— [0-9]* —$' | grep -c '[^[:space:]]')
      if [ "$lines" -le 1 ]; then
        echo "FAIL $1: printed page $p of $pages holds $lines line(s)"
        ok=1
      fi
      p=$((p + 1))
    done
    [ $ok = 1 ] || echo "ok $1: printed on $pages pages, none blank or a lone line"
  fi
  rm -rf "$work"
  return $ok
}

# The checks must see a bad page as bad: one with a script error and an
# image from the network.
selftest=$(mktemp -d)
cat >"$selftest/bad.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head>
<body><img src="https://example.invalid/x.png"><script>nosuch();</script></body></html>
EOF
if check "$selftest/bad.html" >/dev/null; then
  echo "FAIL: the checks let a page with a script error and a network request pass"
  fail=1
else
  echo "ok: a bad page is caught"
fi
cat >"$selftest/wide.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>wide</title></head>
<body><div style="width:794px">A4</div></body></html>
EOF
if overflow "$selftest/wide.html" >/dev/null; then
  echo "FAIL: the width check let a 794 px page pass at 390 px"
  fail=1
else
  echo "ok: a page wider than a phone is caught"
fi
cat >"$selftest/lone.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>lone</title></head>
<body><h2>附件1</h2><div style="break-after: page"></div><p>一</p><p>二</p></body></html>
EOF
if command -v pdftotext >/dev/null && printed "$selftest/lone.html" >/dev/null; then
  echo "FAIL: the print check let a page holding a lone heading pass"
  fail=1
else
  echo "ok: a printed page with a lone heading is caught"
fi
rm -rf "$selftest"

for page in "$@"; do
  if check "$page"; then
    echo "ok $page: no console message, no network request"
  else
    fail=1
  fi
  overflow "$page" || fail=1
  printed "$page" || fail=1
  shot "$page"
done
exit $fail
