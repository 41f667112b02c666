#!/bin/sh
# serve-debounce.sh EVALREPORT SOURCE_DIR: a single save makes one new
# version at once; ten saves of the data file 50 ms apart make two (the
# first at once, the last once the saves stop), not ten; a broken YAML page shows
# the offending line with a caret under the column; a missing data file is
# an error at start. Skipped (77) without curl.
set -u
bin=$1 src=$2
command -v curl >/dev/null 2>&1 || { echo "curl is not installed: skipped"; exit 77; }
. "$src/tests/serve-lib.sh"
serve_scratch
fail() {
  echo "FAIL: $*"
  echo "--- server log:"
  cat "$dir/log"
  exit 1
}
"$bin" serve "$dir/none.yaml" --port 0 >/dev/null 2>"$dir/log"
[ $? = 1 ] || fail "serve started without its data file"
grep -q "none.yaml" "$dir/log" || fail "serve did not name the missing file"

cp "$src/docs/example.yaml" "$dir/unit.yaml"
serve_start "$dir/unit.yaml" "$dir/url" "$dir/log"
[ -n "$url" ] || fail "no URL"
versions() { grep -c "^\[[0-9:]*\] 第 [0-9]* 版" "$dir/log"; }
# one save, then quiet: one version, without waiting for a debounce
before=$(versions)
sed "s/2024年某县困难群众救助补助资金/2024年某县单独保存/" "$src/docs/example.yaml" >"$dir/unit.yaml"
sleep 1
[ $(($(versions) - before)) = 1 ] || fail "one save made $(($(versions) - before)) versions, expected 1"
curl -s "$url" | grep -q "2024年某县单独保存" || fail "the page does not show the single save"
echo "ok one save, one new version"
before=$(versions)
# the first save of a burst is shown at once, the rest once quiet; a save
# that comes 100 ms or more after the one before may rightly make a version
# of its own (a busy machine can stretch the 50 ms): count them
n=0 gaps=0 last=0
while [ $n -lt 10 ]; do
  sed "s/2024年某县困难群众救助补助资金/2024年某县第${n}次保存/" "$src/docs/example.yaml" >"$dir/unit.yaml"
  t=$(date +%s%3N)
  [ $n -gt 0 ] && [ $((t - last)) -ge 100 ] && gaps=$((gaps + 1))
  last=$t
  sleep 0.05
  n=$((n + 1))
done
sleep 2
after=$(versions)
made=$((after - before))
[ $made -ge 1 ] && [ $made -le $((gaps + 2)) ] ||
  fail "ten saves 50 ms apart made $made versions, expected 2 ($gaps gaps of 100 ms or more)"
curl -s "$url" | grep -q "2024年某县第9次保存" || fail "the page does not show the last save"
echo "ok ten saves, $made new version(s) ($gaps gaps of 100 ms or more)"

# broken YAML: the line and a caret under column 2
printf 'evalreport: 1\nkind: full\nproject:\n  name: 测试\n year: 2023\n' >"$dir/unit.yaml"
sleep 1
curl -s "$url" >"$dir/page"
grep -q '<pre class="snippet">5 |  year: 2023' "$dir/page" || fail "no source line on the findings page: $(grep -A2 '<li' "$dir/page")"
grep -q '^     <span class="caret">^</span></pre>' "$dir/page" || fail "no caret under column 2: $(grep -A2 '<li' "$dir/page")"
echo "ok the broken-YAML page shows the line and a caret"
