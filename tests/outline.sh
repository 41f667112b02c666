#!/bin/sh
# outline.sh EVALREPORT SOURCE_DIR OUT_DIR
# The report's structure: each sample's headings, in the HTML and in the PDF
# bookmarks, equal the numbered headings of its published report
# (tests/outline/NAME.txt, written by reading the report); a data file
# without an outline gets the built-in one; an outline in a --template
# directory applies; numbering restarts with each group; 扣分说明 is filled
# for every leaf that lost points.
set -u
bin=$1 src=$2 out=$3
fail=0
mkdir -p "$out"

expected() { grep -v '^#' "$1"; }

html_headings() { # the h2–h4 of a page, in order, without markup
  grep -o '<h[2-4][^>]*>[^<]*</h[2-4]>' "$1" | sed -e 's/<[^>]*>//g'
}

pdf_headings() { # the bookmarks below the top level, in order
  qpdf --json --json-key=outlines "$1" | python3 -c '
import json, sys
def walk(items, depth):
    for o in items:
        if depth > 0:
            print(o["title"])
        walk(o["kids"], depth + 1)
walk(json.load(sys.stdin)["outlines"], 0)'
}

same() { # same LABEL EXPECTED ACTUAL
  if ! diff -u "$2" "$3" >"$out/diff.txt"; then
    echo "FAIL: $1 headings differ from the published report's:"
    cat "$out/diff.txt"
    fail=1
  else
    echo "ok: $1, $(wc -l <"$2") headings"
  fi
}

check_headings() { # check_headings DATA LIST [render options]
  data=$1 list=$2
  shift 2
  name=$(basename "$data" .yaml)
  if ! "$bin" render "$data" -o "$out" --format html "$@" >/dev/null 2>"$out/$name.log" ||
    ! "$bin" render "$data" -o "$out" --format pdf "$@" >/dev/null 2>>"$out/$name.log"; then
    echo "FAIL: render $data"
    cat "$out/$name.log"
    fail=1
    return
  fi
  expected "$list" >"$out/$name.expected"
  html_headings "$out/$name.html" >"$out/$name.html.txt"
  pdf_headings "$out/$name.pdf" >"$out/$name.pdf.txt"
  same "$name (HTML)" "$out/$name.expected" "$out/$name.html.txt"
  same "$name (PDF bookmarks)" "$out/$name.expected" "$out/$name.pdf.txt"
}

for sample in nanchong-2018 jialing-2023 chenggong-2023; do
  check_headings "$src/samples/$sample.yaml" "$src/tests/outline/$sample.txt"
done

# ---- no outline in the data: the built-in one of its kind ----
mkdir -p "$out/builtin"
sed '/^# --- The report.s structure/,$d' "$src/samples/nanchong-2018.yaml" >"$out/builtin/nanchong-builtin.yaml"
check_headings "$out/builtin/nanchong-builtin.yaml" "$src/tests/outline/builtin-full.txt"

# ---- an outline in a template directory applies to data without one ----
mkdir -p "$out/firm"
cat >"$out/firm/outline.yaml" <<'YAML'
report:
  cover: false
  contents: false
  summary: off
  numbering: [第一章　, 一、, （一）, 1.]
outline:
  - title: 评价结论
    body:
      - 本项目综合得分**{total}**分，评价等级为{grade}，详见{table:score_table}。
      - {block: score_table}
  - title: 问题和建议
    sections:
      - title: 问题
        body: [{block: problems}]
      - title: 建议
        body: [{block: recommendations}]
YAML
printf '第一章　评价结论\n第二章　问题和建议\n一、问题\n（一）低保资格审核有待科学化\n（二）村（居）低保管理有待规范化\n（三）基层民政工作人员压力有待转化\n（四）特定困难群体救助有待明确化\n（五）监督管理有待透明化\n（六）干部及群众满意度有待提升\n二、建议\n（一）加快推进实现低保工作信息化\n（二）加强监督检查和责任追究，确保资金效益发挥\n（三）进一步加大宣传教育力度\n（四）切实抓好管理队伍建设\n（五）让特定困难群众享受低保\n（六）努力实现低保工作联动\n' >"$out/firm/expected.txt"
cp "$out/builtin/nanchong-builtin.yaml" "$out/firm/firm-unit.yaml"
check_headings "$out/firm/firm-unit.yaml" "$out/firm/expected.txt" --template "$out/firm"
if ! grep -qF '本项目综合得分<strong>88.38</strong>分，评价等级为良好，详见表1-1。' "$out/firm-unit.html"; then
  echo "FAIL: the firm's outline: the sentence with its references"
  fail=1
fi

# ---- numbering restarts with each group ----
mkdir -p "$out/groups"
cat "$out/builtin/nanchong-builtin.yaml" - >"$out/groups/groups.yaml" <<'YAML'
outline:
  - title: 存在问题
    body: [{block: problems, group: 资金管理}, {block: problems, group: 项目实施}]
  - title: 全部问题
    body: [{block: problems}]
YAML
python3 - "$out/groups/groups.yaml" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p).read()
# give the six problems two groups, three each, and no titles
n = [0]
def group(m):
    n[0] += 1
    return "  - group: %s\n    text:" % ("资金管理" if n[0] <= 3 else "项目实施")
s = re.sub(r"  - title: .*\n    summary: .*\n    text:", group, s.split("# --- Recommendations")[0], count=6) + "# --- Recommendations" + s.split("# --- Recommendations")[1]
open(p, "w").write(s)
PY
if "$bin" render "$out/groups/groups.yaml" -o "$out/groups" --format html >/dev/null 2>"$out/groups/log"; then
  leads=$(grep -o '<p><strong>[0-9]*\.</strong>' "$out/groups/groups.html" | sed 's/<[^>]*>//g' | tr '\n' ' ')
  if [ "$leads" != "1. 2. 3. 1. 2. 3. 1. 2. 3. 1. 2. 3. " ]; then
    echo "FAIL: problem numbers by group: $leads"
    fail=1
  else
    echo "ok: numbering restarts per group ($leads)"
  fi
else
  echo "FAIL: render with groups"
  cat "$out/groups/log"
  fail=1
fi

# ---- every reference form resolves, to the figure the report prints ----
mkdir -p "$out/refs"
cat "$out/builtin/nanchong-builtin.yaml" - >"$out/refs/refs.yaml" <<'YAML'
outline:
  - title: 引用
    body:
      - "总分{total}|等级{grade}|满分{total_weight}|得分率{total_rate}|加分{bonus}"
      - "名称{name:B}|分值{weight:B}|得分{score:B}|得分率{rate:C}|扣分{deducted:C}"
      - "初{funds.initial}|预算{funds.planned}|到位{funds.arrived}|支出{funds.spent}|结余{funds.balance}|到位率{funds.arrival_rate}|执行率{funds.execution_rate}|来源{funds.sources}"
      - "项目{project.name}|{project.year}|{project.region}|{project.department}|{project.implementer}|{project.commissioner}|{project.evaluator}|{project.report_month}"
      - "答卷{respondents}|群众{respondents:群众}|表{table:score_table}|图{figure:score_chart}|括号{{}}"
      - {block: score_table}
YAML
if "$bin" render "$out/refs/refs.yaml" -o "$out/refs" --format html >/dev/null 2>"$out/refs/log"; then
  for want in '总分88.38|等级良好|满分100|得分率88.38%|加分0' \
    '名称项目管理|分值35|得分32|得分率82.76%|扣分8.62' \
    '到位率100.00%|执行率100.00%' '项目2018年南充市城乡低保补助资金专项支出|2018|南充市|南充市民政局' \
    '|2019年12月' '答卷120|群众100|表表1-1|图图1-1|括号{}'; do
    grep -qF -- "$want" "$out/refs/refs.html" || { echo "FAIL: references: no $want"; grep -o '总分[^<]*\|名称[^<]*\|初[^<]*\|项目2[^<]*\|答卷[^<]*' "$out/refs/refs.html"; fail=1; }
  done
else
  echo "FAIL: render with every reference"; cat "$out/refs/log"; fail=1
fi

# ---- a titled part typed with its number keeps it ----
mkdir -p "$out/typed"
cat "$out/builtin/nanchong-builtin.yaml" - >"$out/typed/typed.yaml" <<'YAML'
outline:
  - title: 保障情况
    body: [{block: narrative, key: background}]
YAML
sed -i 's/^narrative:$/narrative:\n  background:\n    - {title: （一）政策保障, text: 文件齐全。}\n    - {title: 资金保障, text: 资金到位。}/' "$out/typed/typed.yaml"
"$bin" render "$out/typed/typed.yaml" -o "$out/typed" --format html >/dev/null 2>&1
for want in '<strong>（一）政策保障。</strong>文件齐全。' '<strong>（二）资金保障。</strong>资金到位。'; do
  grep -qF -- "$want" "$out/typed/typed.html" || { echo "FAIL: typed numbers: no $want"; fail=1; }
done

# ---- a sentence that lists deductions adds up as printed ----
python3 - "$out/nanchong-2018.html" "$out/nanchong-builtin.html" <<'PY' || fail=1
import re, sys
from decimal import Decimal
bad = n = 0
for path in sys.argv[1:]:
    text = re.sub(r"<[^>]*>", "", open(path, encoding="utf-8").read())
    for total, parts in re.findall(r"共扣([0-9.]+)分，其中：(.*?)。", text):
        n += 1
        # the points of each part, not the figures inside its reasons
        points = re.findall(r"扣([0-9.]+)分(?:（[^（）]*(?:（[^（）]*）[^（）]*)*）)?(?:；|$)", parts)
        if sum(map(Decimal, points)) != Decimal(total):
            bad += 1
            print("FAIL: 共扣%s分 but the parts add to %s: %s" % (total, sum(map(Decimal, points)), parts[:120]))
print("ok: %d deduction sentences add up as printed" % n if not bad else "")
sys.exit(1 if bad or not n else 0)
PY

# ---- 扣分说明: every leaf that lost points says why ----
python3 - "$out/nanchong-2018.html" <<'PY' || fail=1
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
bad = checked = 0
for table in re.findall(r'<table class="total">\s*<caption>[^<]*指标得分情况表</caption>(.*?)</table>', html, re.S):
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S):
        cells = re.findall(r'<td class="num">([^<]*)</td>', row)
        note = re.findall(r"<td>([^<]*)</td>$", row.strip())
        if len(cells) < 2 or not note or "合计" in row:
            continue
        weight, score = float(cells[-2]), float(cells[-1])
        if score < weight:
            checked += 1
            # (a typed "未扣分" on a leaf that lost points is check's note-contradicts)
            if not note[0].strip():
                bad += 1
                print("FAIL: 扣分说明 blank for a row scored %s of %s" % (score, weight))
print("ok: %d leaves that lost points, all with 扣分说明" % checked if not bad else "")
sys.exit(1 if bad or not checked else 0)
PY

# ---- front and back matter: 版头, 主送, footnote, table note, two signers,
# 附件说明, annex, 版记; tables numbered straight through ----
mkdir -p "$out/official"
if "$bin" render "$src/tests/outline/official.yaml" -o "$out/official" --format html >/dev/null 2>&1 &&
  "$bin" render "$src/tests/outline/official.yaml" -o "$out/official" --format pdf >/dev/null 2>&1; then
  f=$out/official/official.html
  pdftotext -layout "$out/official/official.pdf" "$out/official/official.txt"
  for want in '<p class="issuer">云南省民政厅</p>' '<p class="issuer">云南省财政厅</p>' \
    '<p class="doc-number">云民社救〔2017〕7号</p>' \
    '<p class="addressee">民政部办公厅、财政部办公厅：</p>' \
    '报告如下<sup>①</sup>：</p>' '<aside class="footnote">①见民办函〔2017〕12号。</aside>' \
    '此项分值41分，自评得分<strong>39.50</strong>分，扣1.50分：工作管理得分率96.34%。' \
    '各项得分见表1。' '<caption>表1 ' '<caption>表2 ' \
    '<p class="note">注：工作创新为加分项，不计入100分。</p>' \
    '<p class="annex-note">附件：自评得分汇总表</p>' '<h2 id="annex-1">附件：自评得分汇总表</h2>' \
    '<p class="signature">云南省财政厅</p>' '<p class="imprint">抄送：各州（市）民政局、财政局。</p>' \
    '<p class="imprint">云南省民政厅办公室　　2017年3月21日印发</p>'; do
    # as shown: without the <wbr>s of the phrase breaks
    sed 's/<wbr>//g' "$f" | grep -qF -- "$want" || { echo "FAIL official.html: no $want"; fail=1; }
  done
  for want in 云南省民政厅 云民社救〔2017〕7号 民政部办公厅、财政部办公厅： ①见民办函〔2017〕12号。 \
    抄送：各州（市）民政局、财政局。 2017年3月21日印发; do
    grep -qF -- "$want" "$out/official/official.txt" || { echo "FAIL official.pdf: no $want"; fail=1; }
  done
  [ $fail -eq 0 ] && echo "ok: 版头, 主送, footnote, note, signers, 附件说明, 版记 in HTML and PDF"
else
  echo "FAIL: render tests/outline/official.yaml"
  fail=1
fi

[ $fail -eq 0 ] && echo "ok: outlines"
exit $fail
