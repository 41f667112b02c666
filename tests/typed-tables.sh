#!/bin/sh
# typed-tables.sh EVALREPORT SOURCE_DIR OUT_DIR
# A table typed in the data (outline block `table`), as a published report
# has tables of its own: numbered and cited like the computed ones, its
# figures right-aligned, a reference resolved in a cell, and the 合计 row
# summed by the engine (1,087 and 50.00, a percentage column left blank) in
# the HTML, the PDF and the DOCX; a short row is refused at its line and
# column, and a typed 合计 that is not the sum of its rows is pointed out;
# "^" and "<" merge cells (a two-row header, a name over its rows) in every
# format, and landscape: true turns its pages. A chart typed in the data (block: chart): numbered 图1-1 and cited, its
# scale 0 to 25 in steps of 5 alike in the HTML, the PDF and the DOCX's
# native chart (with the values cached); a value that is no figure is
# refused at its line and column.
set -u
bin=$1 src=$2 out=$3
fail=0
rm -rf "$out"
mkdir -p "$out"

bad() {
  echo "FAIL: $*"
  fail=1
}

# refused NAME LINE_PATTERN COLUMN MESSAGE: check of $out/NAME.yaml exits 1
# and says MESSAGE at the line matching LINE_PATTERN, at COLUMN
refused() {
  "$bin" check "$out/$1.yaml" >"$out/$1.out" 2>&1
  rc=$?
  line=$(grep -n "$2" "$out/$1.yaml" | cut -d: -f1)
  [ "$rc" = 1 ] || bad "check of $1.yaml exited $rc, not 1"
  grep -q "$1.yaml:$line:$3: error: $4" "$out/$1.out" ||
    bad "check did not say “$4” at $line:$3: $(cat "$out/$1.out")"
}

data=$out/towns.yaml
cat "$src/tests/forms/anhui-2019.yaml" - >"$data" <<'EOF'
outline:
  - title: 资金分配
    body:
      - 各乡镇资金分配见{table:towns}。
      - block: table
        id: towns
        title: 各乡镇临时救助资金分配情况
        unit: 万元
        rows: |
          乡镇 | 救助人次 | 资金 | 占比
          甲镇 | 30 | 10.50 | 35.00%
          乙镇 | 27 | 9.5 | —
          丙镇 | 1,030 | {funds.planned} | 31.67%
        total: 合计
      - 各季度救助人次见{figure:quarters}。
      - block: chart
        id: quarters
        title: 各季度临时救助人次
        unit: 人次
        rows: |
          季度 | 人次
          第一季度 | 18
          第二季度 | 25
          第三季度 | 21
          第四季度 | 23
      - block: table
        title: 资金来源及使用情况
        header: 2
        landscape: true
        rows: |
          资金项目 | 资金来源 | < | < | 支出
          ^ | 中央 | 省级 | 县级 | ^
          临时救助 | 10 | 5 | 15 | 30
          ^ | 2 | 1 | 0.5 | 3.5
          特困供养 | 20 | — | 4 | 24
        total: 合计
  - title: 附表
    annex: true
    body: [{block: self_table}]
EOF

"$bin" render "$data" -o "$out" >"$out/render.log" 2>&1 || {
  cat "$out/render.log"
  bad "render exited $?"
}

# HTML: the table as written, and the sums
html=$out/towns.html
grep -qF '<p>各乡镇资金分配见表1-1。</p>' "$html" || bad "HTML: the citation is not 表1-1"
grep -qF '<caption>表1-1 各乡镇临时救助资金分配情况（单位：万元）</caption>' "$html" ||
  bad "HTML: no caption 表1-1 … （单位：万元）"
grep -qF '<tr><td>丙镇</td><td class="num">1,030</td><td class="num">30.00</td><td class="num">31.67%</td></tr>' "$html" ||
  bad "HTML: the row with {funds.planned} is not 丙镇 1,030 30.00 31.67%"
grep -qF '<td class="center">—</td>' "$html" || bad "HTML: the blank — is not centred"
grep -qF '<tr><td class="center">合计</td><td class="num">1,087</td><td class="num">50.00</td><td></td></tr>' "$html" ||
  bad "HTML: the 合计 row is not 1,087 50.00 (percentages not added)"

# PDF and DOCX: the same figures in the laid-out text
pdftotext -layout "$out/towns.pdf" - | tr -s ' ' >"$out/pdf.txt"
grep -qF '丙镇 1,030 30.00 31.67%' "$out/pdf.txt" || bad "PDF: the row 丙镇 1,030 30.00 31.67% not found"
grep -qF '合计 1,087 50.00' "$out/pdf.txt" || bad "PDF: the row 合计 1,087 50.00 not found"
unzip -p "$out/towns.docx" word/document.xml | sed 's/<[^>]*>//g' >"$out/docx.txt"
grep -qF '丙镇1,03030.0031.67%合计1,08750.00' "$out/docx.txt" || bad "DOCX: the rows and 合计 1,087 50.00 not found"

# merged cells: a two-row header, a name over two rows, sums over the body
grep -qF '<th scope="colgroup" colspan="3">资金来源</th>' "$html" || bad "HTML: 资金来源 does not span 3 columns"
grep -qF 'rowspan="2">资金项目</th>' "$html" || bad "HTML: 资金项目 does not span the 2 header rows"
grep -qF 'rowspan="2">临时救助</th>' "$html" || bad "HTML: 临时救助 does not span its 2 rows"
grep -qF '<td class="center">合计</td><td class="num">32</td><td class="num">6</td><td class="num">19.5</td><td class="num">57.5</td>' "$html" ||
  bad "HTML: the merged table's 合计 is not 32 6 19.5 57.5"
grep -qF '合计 32 6 19.5 57.5' "$out/pdf.txt" || bad "PDF: the merged table's 合计 32 6 19.5 57.5 not found"
unzip -p "$out/towns.docx" word/document.xml >"$out/document.xml"
grep -qF '<w:gridSpan w:val="3"/>' "$out/document.xml" || bad "DOCX: no cell spans 3 columns"
grep -qF '<w:vMerge w:val="restart"/>' "$out/document.xml" || bad "DOCX: no cell merged down"
# landscape: true turns the merged table's pages, in the PDF and the DOCX
pdfinfo -f 1 -l 99 "$out/towns.pdf" | grep -q 'rot: *90' || bad "PDF: no page turned (/Rotate 90)"
grep -qF 'w:orient="landscape"' "$out/document.xml" || bad "DOCX: no landscape section"

# the chart: caption, citation, the values and one scale in every format
grep -qF '<p>各季度救助人次见图1-1。</p>' "$html" || bad "HTML: the chart is not cited as 图1-1"
grep -qF '<title>图1-1 各季度临时救助人次</title>' "$html" || bad "HTML: no chart 图1-1 各季度临时救助人次"
ticks=$(grep -o 'fill="#444">[0-9.]*人次' "$html" | sed 's/.*>//' | tr '\n' ' ')
[ "$ticks" = "0人次 5人次 10人次 15人次 20人次 25人次 " ] || bad "HTML: the chart's scale is $ticks"
grep -qF '图1-1 各季度临时救助人次' "$out/pdf.txt" || bad "PDF: no caption 图1-1"
for t in 0人次 5人次 25人次 18人次 23人次; do
  grep -q "\(^\| \)$t\( \|$\)" "$out/pdf.txt" || bad "PDF: the chart lacks $t"
done
chart=$(unzip -p "$out/towns.docx" word/charts/chart1.xml)
for want in '<c:max val="25"/>' '<c:majorUnit val="5"/>' '<c:v>第二季度</c:v>' '<c:v>25</c:v>'; do
  printf '%s' "$chart" | grep -qF "$want" || bad "DOCX chart lacks $want"
done

# check: a short row, and a typed 合计 that is off
sed -e 's/^          乙镇 | 27 | 9.5 | —$/          乙镇 | 27/' "$data" >"$out/short.yaml"
refused short '^          乙镇 | 27$' 11 '表格第 3 行有 2 格，表头有 4 格'
# (the 资金 column holds a reference, which check cannot add up: not judged)
sed -e 's/^        total: 合计$/          合计 | 1,088 | 50.00 | 100%/' "$data" >"$out/typed.yaml"
"$bin" check "$out/typed.yaml" >"$out/typed.out" 2>&1
grep -q '第 2 列为 1,088，上面各行之和为 1,087.*\[table-total\]' "$out/typed.out" ||
  bad "check did not find the typed 合计 1,088 off the sum 1,087: $(cat "$out/typed.out")"
grep -q '第 4 列' "$out/typed.out" && bad "check added up a column of percentages"

sed -e 's/^          第三季度 | 21$/          第三季度 | 约21/' "$data" >"$out/word.yaml"
refused word '第三季度 | 约21$' 18 '图的第 4 行的数值“约21”不是数字'
# 临时救助 merged right and down would cover the 2 below it: not a rectangle
sed -e 's/^          临时救助 | 10 |/          临时救助 | < |/' "$data" >"$out/merge.yaml"
refused merge '^          ^ | 2 | 1 | 0.5 | 3.5$' 15 '表格第 4 行第 2 格：在上面或左边合并成的方块之内'
sed -e 's/^        header: 2$/        header: 6/' "$data" >"$out/header.yaml"
refused header '^        header: 6$' 17 'header 是表头的行数，应为 1 到 4 之间的整数'

[ "$fail" = 0 ] && echo "ok: a typed table and chart in HTML, PDF and DOCX, summed and scaled by the engine; check places their faults"
exit "$fail"
