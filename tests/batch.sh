#!/bin/sh
# batch.sh EVALREPORT SOURCE_DIR
# evalreport batch over a generated folder: 17 variants of the documented
# example with other figures, the 3 samples, and 2 broken files. Exit 1,
# the broken files listed with their first error, summary.csv ranked by
# total (ties by name) with the totals `score --json` gives, the same PDF,
# HTML and XLSX bytes for -j 1 and -j 2, no temporary file left, quiet when
# not a terminal;
# and exit 0 over good files only.
set -eu
bin=$1 src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

mkdir "$dir/units"
i=1
while [ $i -le 17 ]; do
  n=$(printf %02d $i)
  actual=$((3000 + i * 200))       # C1 ratio: actual / 6000
  points=$((i % 5)).$((i % 2 * 5)) # B2 deductions
  bonus=$((i % 4))                 # E bonus score, of 3
  name="测试单位$n"
  # 16 and 17 tie: same figures; the names, not the files, decide
  if [ $i -ge 16 ]; then
    actual=4000 points=1.5 bonus=1
    [ $i -eq 16 ] && name="并列单位B" || name="并列单位A"
  fi
  sed -e "s/^  name: 2024年某县困难群众救助补助资金 .*/  name: $name/" \
    -e "s/^        actual: 6433$/        actual: $actual/" \
    -e "s/{points: 1, reason: 个别乡镇未按月公示}/{points: $points, reason: 未按月公示}/" \
    -e "s/^    score: 2$/    score: $bonus/" \
    -e '/^stated:/,/^  grade:/d' \
    "$src/docs/example.yaml" >"$dir/units/unit-$n.yaml"
  i=$((i + 1))
done
cp "$src"/samples/*.yaml "$dir/units/"
# broken: a YAML syntax error, and weights that do not add up
printf 'evalreport: 1\nkind: full\nproject: [unclosed\n' >"$dir/units/broken-syntax.yaml"
sed 's/^    weight: 20$/    weight: 25/' "$src/docs/example.yaml" >"$dir/units/broken-weights.yml"
echo "not data" >"$dir/units/readme.txt" # not a data file: ignored

for j in 1 2; do
  set +e
  "$bin" batch "$dir/units" -o "$dir/out$j" -j $j --format pdf,html,xlsx >"$dir/stdout$j" 2>"$dir/stderr$j"
  status=$?
  set -e
  [ $status -eq 1 ] || { cat "$dir/stderr$j"; fail "-j $j: exit status $status, not 1"; }
  grep -q "broken-syntax.yaml:[0-9]*:[0-9]*: error: " "$dir/stderr$j" || fail "-j $j: broken-syntax.yaml not listed"
  grep -q "broken-weights.yml:[0-9]*:[0-9]*: error: .*\[weights\]" "$dir/stderr$j" ||
    fail "-j $j: broken-weights.yml not listed with its first error"
  grep -q "readme" "$dir/stderr$j" && fail "-j $j: readme.txt taken as data"
  if grep -q "$(printf '\r')" "$dir/stderr$j"; then fail "-j $j: progress bar on a non-terminal"; fi
  if grep -q "Sanitizer\|runtime error" "$dir/stderr$j"; then cat "$dir/stderr$j"; fail "sanitizer report"; fi
  grep -qx "$dir/out$j/summary.csv" "$dir/stdout$j" || fail "-j $j: summary.csv not reported"
  [ -z "$(ls -A "$dir/out$j" | grep '^\.')" ] || fail "-j $j: temporary file left in the output"
done

# the same bytes whatever the number of workers
(cd "$dir/out1" && ls) >"$dir/list1"
(cd "$dir/out2" && ls) >"$dir/list2"
cmp -s "$dir/list1" "$dir/list2" || fail "-j 1 and -j 2 wrote different files"
for f in $(cat "$dir/list1"); do
  cmp -s "$dir/out1/$f" "$dir/out2/$f" || fail "$f differs between -j 1 and -j 2"
done
[ "$(wc -l <"$dir/list1")" -eq $((20 * 3 + 2)) ] || fail "expected 60 outputs and 2 summaries: $(cat "$dir/list1")"
head -c 2 "$dir/out1/summary.xlsx" | grep -q PK || fail "summary.xlsx is not a workbook"
# summary.xlsx prints on A4 (paperSize 9), one page wide
/usr/bin/python3 -c 'import sys, zipfile; x = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode(); sys.exit(0 if "paperSize=\"9\"" in x and "fitToHeight=\"0\"" in x else 1)' \
  "$dir/out1/summary.xlsx" || fail "summary.xlsx has no A4 print set-up"

# summary.csv: one row per good file, the totals of score --json, ranked
csv=$dir/out1/summary.csv
# a UTF-8 byte-order mark first, for Excel on Chinese Windows
[ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "summary.csv has no UTF-8 BOM"
head -n 1 "$csv" | sed '1s/^\xEF\xBB\xBF//' | grep -q '^排名,项目名称,数据文件,总分,等级,' || fail "header: $(head -n 1 "$csv")"
[ "$(tail -n +2 "$csv" | wc -l)" -eq 20 ] || fail "expected 20 rows"
tail -n +2 "$csv" | while IFS=, read -r rank name file total grade rest; do
  "$bin" score "$file" --json >"$dir/score.json" 2>/dev/null
  want=$(sed -n 's/^  "total": \([0-9.]*\),$/\1/p' "$dir/score.json")
  awk -v a="$total" -v b="$want" 'BEGIN { exit !(a + 0 == b + 0) }' ||
    fail "$file: total $total in summary.csv, $want by score --json"
  want_grade=$(sed -n 's/^  "grade": "\(.*\)",$/\1/p' "$dir/score.json")
  [ "$grade" = "$want_grade" ] || fail "$file: grade $grade, score says $want_grade"
done
tail -n +2 "$csv" | cut -d, -f2,4 >"$dir/ranked"
LC_ALL=C sort -t, -k2,2nr -k1,1 "$dir/ranked" >"$dir/expected"
cmp -s "$dir/ranked" "$dir/expected" || { diff "$dir/ranked" "$dir/expected"; fail "not ranked by total, then name"; }
r1=$(grep ',并列单位A,' "$csv" | cut -d, -f1)
r2=$(grep ',并列单位B,' "$csv" | cut -d, -f1)
[ -n "$r1" ] && [ "$r1" = "$r2" ] || fail "equal totals ranked $r1 and $r2"
[ "$(grep -n ',并列单位A,' "$csv" | cut -d: -f1)" -lt "$(grep -n ',并列单位B,' "$csv" | cut -d: -f1)" ] ||
  fail "a tie is not ordered by name"
# a unit's first-level scores and rates, and the fund execution rate
grep -q ',2024年某县困难群众救助补助资金,' "$csv" && fail "name not varied"
grep "unit-01.yaml" "$csv" | grep -q ',98.16$' || fail "fund execution rate: $(grep unit-01.yaml "$csv")"

# good files only: exit 0
rm "$dir/units/broken-syntax.yaml" "$dir/units/broken-weights.yml"
"$bin" batch "$dir/units" -o "$dir/clean" 2>"$dir/stderr-clean" >/dev/null ||
  { cat "$dir/stderr-clean"; fail "a clean batch did not exit 0"; }
# usage errors
if "$bin" batch "$dir/units" 2>/dev/null; then fail "no -o accepted"; fi
if "$bin" batch "$dir/units" -o "$dir/x" -j 0 2>/dev/null; then fail "-j 0 accepted"; fi
# 10,000 first-level dimensions: the summary (once cubic in them) within a
# generous bound, and summary.xlsx, wider than column XFD, goes on over a
# second sheet with every column of summary.csv (it was cut at XFD)
mkdir -p "$dir/wide"
{
  printf 'evalreport: 1\nproject:\n  name: 宽表\n  year: 2024\nindicators:\n'
  awk 'BEGIN { for (i = 0; i < 10000; i++)
    printf "  - {code: A%d, name: 维度%d, weight: 0.01, rule: score, score: 0.008}\n", i, i }'
} >"$dir/wide/wide.yaml"
timeout 300 "$bin" batch "$dir/wide" -o "$dir/wide-out" --format xlsx >/dev/null 2>&1 || fail "the wide batch failed or hung"
[ "$(head -n 1 "$dir/wide-out/summary.csv" | awk -F, '{ print NF }')" = 20006 ] || fail "summary.csv is not 20,006 columns wide"
sheets=$(/usr/bin/python3 -c '
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = re.findall(r"<sheet name=\"([^\"]*)\"", z.read("xl/workbook.xml").decode())
dims = [re.search(r"<dimension ref=\"([^\"]*)\"", z.read("xl/worksheets/sheet%d.xml" % (i + 1)).decode()).group(1)
        for i in range(len(names))]
print(" ".join("%s:%s" % p for p in zip(names, dims)))
' "$dir/wide-out/summary.xlsx")
[ "$sheets" = "汇总:A1:XFD2 汇总(2):A1:EIM2" ] || fail "summary.xlsx sheets: $sheets"
echo ok
