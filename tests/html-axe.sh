#!/bin/sh
# html-axe.sh WORK PAGE.html…: axe-core (from npm, installed into WORK) run
# in headless Chromium on each page finds no violation of serious or
# critical impact. Skipped (77) without Chromium, or when npm cannot fetch
# axe-core (no network).
set -u
work=$1
shift
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "SKIP: chromium not installed"; exit 77; }
command -v npm >/dev/null || { echo "SKIP: npm not installed"; exit 77; }
mkdir -p "$work"
axe=$work/node_modules/axe-core/axe.min.js
if [ ! -s "$axe" ]; then
  timeout 120 npm install --prefix "$work" --no-save --no-audit --no-fund --no-package-lock \
    axe-core@4 >"$work/npm.log" 2>&1
  [ -s "$axe" ] || { echo "SKIP: npm could not install axe-core:"; tail -3 "$work/npm.log"; exit 77; }
fi
fail=0
# the check must see a bad page as bad: an image without a text alternative
selftest=$(mktemp -d)
printf '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>bad</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>\n' >"$selftest/bad.html"
set -- "$selftest/bad.html" "$@"
for page in "$@"; do
  tmp=$(mktemp -d)
  cp "$axe" "$tmp/axe.min.js"
  # the page without its Content-Security-Policy (which allows no script),
  # axe beside it; the result written into the page for --dump-dom
  sed -e 's/<meta http-equiv="Content-Security-Policy"[^>]*>//' -e 's#</body>##' -e 's#</html>##' \
    "$page" >"$tmp/page.html"
  cat >>"$tmp/page.html" <<'HTML'
<script src="axe.min.js"></script>
<script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  var bad = r.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; });
  var out = document.createElement("pre");
  out.id = "axe";
  out.textContent = "[" + bad.map(function (v) {
    return v.impact + " " + v.id + ": " + v.nodes.slice(0, 3).map(function (n) { return n.html.slice(0, 100); }).join(" | ");
  }).join("\n") + "]";
  document.body.appendChild(out);
});
</script>
</body></html>
HTML
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --allow-file-access-from-files --user-data-dir="$tmp/profile" --virtual-time-budget=30000 \
    --window-size=1280,1000 --dump-dom "file://$tmp/page.html" 2>/dev/null |
    sed -n '/<pre id="axe">/,/<\/pre>/p' >"$tmp/result"
  if [ "$page" = "$selftest/bad.html" ]; then
    if grep -q 'image-alt' "$tmp/result"; then
      echo "ok: a page with an image without alt is caught"
    else
      echo "FAIL: axe let an image without alt pass: $(cat "$tmp/result")"
      fail=1
    fi
  elif [ ! -s "$tmp/result" ]; then
    echo "FAIL $page: axe did not run"
    fail=1
  elif grep -q '<pre id="axe">\[\]</pre>' "$tmp/result"; then
    echo "ok $page: no serious or critical violation"
  else
    echo "FAIL $page: axe found:"
    sed -e 's/<[^>]*>//g' "$tmp/result" | sed 's/^/  /'
    fail=1
  fi
  rm -rf "$tmp"
done
rm -rf "$selftest"
exit $fail
