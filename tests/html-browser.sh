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
# Printed to PDF, no page is blank or holds a lone line; the score sheet
# is on landscape pages that its rows fill, each with its header row and a
# closed frame. Every table has a caption, a thead and th scope.
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
    sheet "$1" "$work/p.pdf" || ok=1
  fi
  rm -rf "$work"
  return $ok
}

# sheet PAGE PDF: the score sheet printed from the browser: on landscape
# pages, one after the other, each with the header row (评分标准), every
# page but its last filled (the table's lowest full-width rule below 70% of
# the page), and the table closed at each page's foot: the lowest rule as
# long as the top one (merged cells cut by the page keep their border).
# Measured on the page at 72 dpi: a rule is a run of dark pixels a third of
# the width or longer.
sheet() {
  grep -q '<table class="small sheet"' "$1" || return 0
  land=$(pdfinfo -f 1 -l 9999 "$2" | awk '/^Page +[0-9]+ size:/ { if ($4 > $6) print $2 }')
  if [ -z "$land" ]; then
    echo "FAIL $1: the score sheet is not printed on landscape pages"
    return 1
  fi
  # shellcheck disable=SC2086 # the page numbers, one word each
  set -- "$1" "$2" $land
  first=$3 last=$(eval echo "\${$#}") ok=0
  if [ $((last - first + 1)) -ne $(($# - 2)) ]; then
    echo "FAIL $1: the landscape pages are not one run: $land"
    ok=1
  fi
  fills=""
  for p in $land; do
    if ! pdftotext -f "$p" -l "$p" "$2" - | grep -q '评分标准'; then
      echo "FAIL $1: printed page $p of the score sheet has no header row"
      ok=1
    fi
    pdftoppm -r 72 -gray -f "$p" -l "$p" "$2" "$work/sheet"
    pgm=$(ls "$work"/sheet*.pgm)
    w=$(sed -n 2p "$pgm" | cut -d' ' -f1) h=$(sed -n 2p "$pgm" | cut -d' ' -f2)
    m=$(tail -c $((w * h)) "$pgm" | od -An -v -tu1 -w"$w" | awk -v w="$w" -v h="$h" '
      { run = 0; best = 0
        for (i = 1; i <= NF; i++) if ($i < 160) { if (++run > best) best = run } else run = 0
        if (best >= w / 3) { if (!top) top = best; bottom = best; low = NR } }
      END { printf "%d %d", 100 * low / h, top ? 100 * bottom / top : 0 }')
    rm -f "$pgm"
    fill=${m% *} closed=${m#* }
    fills="$fills $fill%"
    if [ "$p" != "$last" ] && [ "$fill" -lt 70 ]; then
      echo "FAIL $1: printed page $p of the score sheet is filled to $fill% of its height"
      ok=1
    fi
    if [ "$closed" -lt 97 ]; then
      echo "FAIL $1: printed page $p of the score sheet: the table's bottom rule is $closed% of its top rule (merged cells open)"
      ok=1
    fi
  done
  [ $ok = 1 ] || echo "ok $1: the score sheet is printed on landscape pages $first–$last, filled to$fills, a header row and a closed frame on each"
  return $ok
}

# tables PAGE: every table has a caption, a head and th scope, but the
# cover's fields (labels beside their values, th scope=row)
tables() {
  bad=$(awk 'BEGIN { RS = "</table>" }
    /<table/ && !/<table class="fields"/ {
      sub(/.*<table/, "<table")
      what = ""
      if ($0 !~ /<caption/) what = what " caption"
      if ($0 !~ /<thead[ >]/) what = what " thead"
      if ($0 ~ /<th[ >]/ && gsub(/<th[ >]/, "&") != gsub(/<th [^>]*scope="/, "&")) what = what " scope"
      if (what != "") { split($0, a, ">"); print a[1] ">:" what }
    }' "$1")
  if [ -n "$bad" ]; then
    echo "FAIL $1: tables without$(echo "$bad" | head -n 3)"
    return 1
  fi
  echo "ok $1: every table has a caption, a head and th scope"
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
  tables "$page" || fail=1
  printed "$page" || fail=1
  shot "$page"
done
exit $fail
