#!/bin/sh
# scoring.sh EVALREPORT: end to end, a bonus scheme's total against its own
# scale and a scheme without grades (score and the HTML report), and data
# that cannot be scored refused alike by check, score, render and batch,
# with nothing written.
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$dir/bonus.yaml" <<'YAML'
evalreport: 1
project: {name: 加分方案测试, year: 2023}
indicators:
  - {code: A, name: 绩效, weight: 100, rule: score, score: 96.18}
  - {code: B, name: 工作创新, weight: 5, bonus: true, rule: score, score: 3}
scoring: {out_of: 105, rate_base: 100}
grades: []
YAML
out=$("$bin" score "$dir/bonus.yaml") || fail "score exited $?"
printf '%s\n' "$out" | grep -qxF "总分 99.18 / 105（得分率 99.18%）" ||
  fail "total not shown on its scale, without a grade: $out"
"$bin" score "$dir/bonus.yaml" --json | grep -qF '"grade": null' || fail "--json gives a grade"
"$bin" render "$dir/bonus.yaml" -o "$dir/out" --format html >/dev/null || fail "render exited $?"
grep -qF "经综合评价，项目综合得分<strong>99.18</strong>分。" "$dir/out/bonus.html" || fail "summary sentence"
if grep -qF "评价等级为" "$dir/out/bonus.html"; then fail "a grade printed for grades: []"; fi

# roll-up groups: [] — once check exit 0, render a report with total 0,
# batch "not rendered" while writing it
cat >"$dir/nogroups.yaml" <<'YAML'
evalreport: 1
project: {name: 无单位组, year: 2023}
indicators:
  - {code: A, name: 乡镇综合成效, weight: 100, rule: rollup, groups: []}
YAML
want="nogroups.yaml:4:56: error: 指标 A 的 groups 为空：rollup 至少需要一个单位组（name、share、scores） [missing-input]"
for cmd in check score; do
  out=$(cd "$dir" && "$bin" $cmd nogroups.yaml 2>&1)
  [ $? -eq 1 ] || fail "$cmd: exit status not 1"
  printf '%s\n' "$out" | grep -qxF "$want" || fail "$cmd: $out"
done
out=$(cd "$dir" && "$bin" render nogroups.yaml -o "$dir/none" 2>&1)
[ $? -eq 1 ] || fail "render: exit status not 1"
printf '%s\n' "$out" | grep -qxF "$want" || fail "render: $out"
[ ! -e "$dir/none" ] || [ -z "$(ls -A "$dir/none")" ] || fail "render wrote $(ls "$dir/none")"
mkdir "$dir/units" && cp "$dir/nogroups.yaml" "$dir/units/"
"$bin" batch "$dir/units" -o "$dir/batch" >/dev/null 2>"$dir/batch.err"
[ $? -eq 1 ] || fail "batch: exit status not 1"
grep -qF "groups 为空" "$dir/batch.err" || fail "batch: $(cat "$dir/batch.err")"
ls "$dir/batch" | grep -q "nogroups" && fail "batch wrote $(ls "$dir/batch")"

# a not-applicable leaf in the annex: its siblings' rescaled weights, and
# the weights that add up exclude it, after a LibreOffice recalculation
cat >"$dir/na.yaml" <<'YAML'
evalreport: 1
project: {name: 不适用测试, year: 2024}
indicators:
  - code: A
    name: 产出
    weight: 60
    children:
      - {code: A1, name: 数量, weight: 30, rule: score, score: 24}
      - {code: A2, name: 质量, weight: 20, rule: score, score: 20}
      - {code: A3, name: 时效, weight: 10, applicable: false}
  - {code: B, name: 效益, weight: 40, rule: score, score: 36}
YAML
"$bin" render "$dir/na.yaml" -o "$dir/na" --format xlsx >/dev/null 2>&1 || fail "render na.yaml"
if command -v soffice >/dev/null; then
  sh "$(dirname "$0")/xlsx-recalc.sh" "$dir/na/na-annex.xlsx" "$dir/na/csv" >/dev/null 2>&1
  sheet=$(cat "$dir/na/csv/"*评分表.csv)
  for want in '"总分",,100,,,88.80,88.80%' '"产出","数量",36,,,28.80,80.00%' ',"小计",60,,,52.80,88.00%'; do
    printf '%s\n' "$sheet" | grep -qF -- "$want" || fail "n/a annex: no $want"
  done
fi
echo ok
