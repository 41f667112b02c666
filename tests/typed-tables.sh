#!/bin/sh
# typed-tables.sh EVALREPORT SOURCE_DIR OUT_DIR
# A table typed in the data (outline block `table`), as a published report
# has tables of its own: numbered and cited like the computed ones, its
# figures right-aligned, a reference resolved in a cell, and the 合计 row
# summed by the engine (1,087 and 50.00, a percentage column left blank) in
# the HTML, the PDF and the DOCX; a short row is refused at its line and
# column, and a typed 合计 that is not the sum of its rows is pointed out.
set -u
bin=$1 src=$2 out=$3
fail=0
rm -rf "$out"
mkdir -p "$out"

bad() {
  echo "FAIL: $*"
  fail=1
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

# check: a short row, and a typed 合计 that is off
sed -e 's/^          乙镇 | 27 | 9.5 | —$/          乙镇 | 27/' "$data" >"$out/short.yaml"
"$bin" check "$out/short.yaml" >"$out/short.out" 2>&1
rc=$?
line=$(grep -n '^          乙镇 | 27$' "$out/short.yaml" | cut -d: -f1)
[ "$rc" = 1 ] || bad "check of a short row exited $rc, not 1"
grep -q "short.yaml:$line:11: error: 表格第 3 行有 2 格，表头有 4 格" "$out/short.out" ||
  bad "check did not place the short row at $line:11: $(cat "$out/short.out")"
# (the 资金 column holds a reference, which check cannot add up: not judged)
sed -e 's/^        total: 合计$/          合计 | 1,088 | 50.00 | 100%/' "$data" >"$out/typed.yaml"
"$bin" check "$out/typed.yaml" >"$out/typed.out" 2>&1
grep -q '第 2 列为 1,088，上面各行之和为 1,087.*\[table-total\]' "$out/typed.out" ||
  bad "check did not find the typed 合计 1,088 off the sum 1,087: $(cat "$out/typed.out")"
grep -q '第 4 列' "$out/typed.out" && bad "check added up a column of percentages"

[ "$fail" = 0 ] && echo "ok: a typed table in HTML, PDF and DOCX, summed by the engine; check places its faults"
exit "$fail"
