#!/bin/sh
# form-labels.sh EVALREPORT SOURCE_DIR OUT_DIR
# A 自评表 in a region's own wording (tests/forms/anhui-2019.yaml,
# `form_labels`): the HTML, the PDF, the DOCX and the XLSX annex print that
# wording where the national form's stood, the annex heading follows the
# form's title ({form.title}), the form's scores are the engine's (9.09 for
# a ceiling overrun, 总分 99.09), and a misspelt label key is refused at its
# line and column with the key it was meant to be.
set -u
bin=$1 src=$2 out=$3
fail=0
data=$src/tests/forms/anhui-2019.yaml
rm -rf "$out"
mkdir -p "$out"

bad() {
  echo "FAIL: $*"
  fail=1
}

"$bin" render "$data" -o "$out" >"$out/render.log" 2>&1 || {
  cat "$out/render.log"
  bad "render exited $?"
}

# every label the data rewords, and the figures that must stand beside them
labels='绩效目标自评表 资金情况 全年预算数(A) 全年执行数(B) 执行率(B/A) 年度资金总额：
其中：本年财政拨款 年初设定目标 年度总体目标完成情况综述 全年实际值 未完成原因及拟采取的改进措施'
replaced='项目支出绩效自评表 其中：当年财政拨款 预期目标 实际完成情况 偏差原因分析及改进措施'

# HTML: the form's cells, exactly
html=$out/anhui-2019.html
form=$(sed -n '/<table class="small selftable">/,/<\/table>/p' "$html")
[ -n "$form" ] || bad "HTML: no 自评表"
for l in $labels; do
  case $l in
  绩效目标自评表) want="<caption>绩效目标自评表（2019年度）</caption>" ;;
  资金情况) want="资金情况（万元）</th>" ;;
  年度资金总额：* | 其中：*) want=">$l</td>" ;;
  *) want=">$l</th>" ;;
  esac
  printf '%s\n' "$form" | grep -qF "$want" || bad "HTML 自评表 lacks $want"
done
for l in $replaced; do
  printf '%s\n' "$form" | grep -qF ">$l<" && bad "HTML 自评表 still prints the national $l"
done
grep -qF '临时救助绩效目标自评表</h' "$html" || bad "HTML: the annex is not headed 临时救助绩效目标自评表"
printf '%s\n' "$form" | grep -q '≤5300元/户</td><td[^>]*>5830元/户</td><td[^>]*>10</td><td[^>]*>9.09</td>' ||
  bad "HTML: 扶贫临时救助标准 does not score 9.09 of 10"
printf '%s\n' "$form" | grep -q '>总分</th><td[^>]*>100</td><td[^>]*>99.09</td>' ||
  bad "HTML: the form's 总分 is not 99.09 of 100"

# PDF: the page text, spaces removed (a header may wrap inside its cell)
pdftotext "$out/anhui-2019.pdf" - | tr -d ' \n' >"$out/pdf.txt"
for l in 绩效目标自评表（2019年度） 年初设定目标 年度总体目标完成情况综述 全年实际值 其中：本年财政; do
  grep -qF "$l" "$out/pdf.txt" || bad "PDF lacks $l"
done
grep -qF '≤5300元/户5830元/户109.09' "$out/pdf.txt" || bad "PDF: 扶贫临时救助标准 does not score 9.09"

# DOCX: the document's text runs
unzip -p "$out/anhui-2019.docx" word/document.xml >"$out/document.xml" || bad "DOCX: no document.xml"
for l in $labels; do
  case $l in 绩效目标自评表) l=绩效目标自评表（2019年度） ;; 资金情况) l=资金情况（万元） ;; esac
  grep -qF ">$l</w:t>" "$out/document.xml" || bad "DOCX lacks $l"
done

# XLSX: the 自评表 sheet's cells (the 绩效目标 sheet keeps its own headings)
python3 - "$out/anhui-2019-annex.xlsx" "$labels" "$replaced" <<'EOF' || fail=1
import re, sys, zipfile
book, labels, replaced = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
z = zipfile.ZipFile(book)
shared = [re.sub(r"<[^>]+>", "", si) for si in
          re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)]
names = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
sheet = names.index("自评表") + 1
cells = [shared[int(i)] for i in
         re.findall(r'<c r="[A-Z]+\d+"[^>]*t="s"[^>]*><v>(\d+)</v>',
                    z.read(f"xl/worksheets/sheet{sheet}.xml").decode())]
text = [c.replace("\n", "") for c in cells]
ok = True
for l in labels:
    if l == "资金情况":
        l = "资金情况（万元）"
    if l not in text:
        print(f"FAIL: XLSX 自评表 lacks {l}")
        ok = False
for l in replaced:
    if l in text:
        print(f"FAIL: XLSX 自评表 still prints the national {l}")
        ok = False
print(f"ok: XLSX 自评表, {len(labels)} labels in {len(text)} text cells")
sys.exit(0 if ok else 1)
EOF

# a misspelt key: refused where it stands, with the key it was meant to be
sed 's/^  actual: 全年实际值/  acutal: 全年实际值/' "$data" >"$out/misspelt.yaml"
"$bin" check "$out/misspelt.yaml" >"$out/check.out" 2>&1
rc=$?
[ "$rc" = 1 ] || bad "check of a misspelt label key exited $rc, not 1"
grep -q 'misspelt.yaml:[0-9]*:3: error: .*acutal.*actual.*\[unknown-key\]' "$out/check.out" ||
  bad "check did not name the misspelt key's line, column and the right key: $(cat "$out/check.out")"

[ "$fail" = 0 ] && echo "ok: the 自评表 in its own wording in HTML, PDF, DOCX and XLSX"
exit "$fail"
