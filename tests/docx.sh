#!/bin/sh
# docx.sh EVALREPORT SOURCE_DIR OUT_DIR DATA|footnote|annex
#
# The Word report of one data file, through `render --format docx`:
#  - the same data gives the same bytes (SOURCE_DATE_EPOCH, which is the
#    document's date);
#  - every part is well-formed (xmllint), typed in [Content_Types].xml and
#    referred to by a relationship; python-docx opens it;
#  - document.xml: the 22 × 28 grid, heading styles with outline levels,
#    tblHeader on the header rows, vMerge and gridSpan for the HTML's
#    rowspans and colspans, even and odd footers with PAGE fields and none
#    on the cover, footnote references, the contents' cached page numbers
#    equal to the pages of evalreport's PDF, every table's column edges
#    where evalreport's PDF draws its rules (to the twip);
#  - LibreOffice converts it to PDF (headless, a private profile): every
#    paragraph's text is there, the headings are bookmarks, each within a
#    page of where evalreport's PDF has it, the page count within 10% of
#    evalreport's PDF, the page numbers running on from 1 after the cover,
#    the titles and table captions on the lines evalreport's PDF gives them;
#  - LibreOffice, through UNO (python3-uno), updates the contents: the same
#    entries as the cached ones, an annex's whole "附件N：title" among them;
#  - with --draft, the 草稿 watermark on every section.
# "footnote" stands for nanchong with a footnote in its summary: a Word
# footnote with its ① mark, and its text on LibreOffice's page. "annex"
# stands for nanchong with an annex title of two lines: its 附件1 line, its
# title and its contents entry on evalreport's lines in LibreOffice's PDF.
# Exits 77 (skipped) without soffice, xmllint, poppler-utils, qpdf, unzip or
# python3-docx.
set -u
bin=$1 src=$2 out=$3 data=$4
for tool in soffice xmllint pdftotext qpdf unzip; do
  command -v $tool >/dev/null 2>&1 || {
    echo "skipped: no $tool"
    exit 77
  }
done
/usr/bin/python3 -c "import docx" 2>/dev/null || {
  echo "skipped: no python3-docx"
  exit 77
}
check="/usr/bin/python3 $src/tests/docx_check.py"
name=$(basename "$data" .yaml)
dir=$out/$name
rm -rf "$dir"
mkdir -p "$dir/a" "$dir/b" "$dir/parts"
# variant EDIT WHAT: nanchong with the sed edit EDIT, which must change it
variant() {
  sed "$1" "$src/samples/nanchong-2018.yaml" >"$dir/$name.yaml"
  cmp -s "$dir/$name.yaml" "$src/samples/nanchong-2018.yaml" && {
    echo "FAIL: no $2 put into $dir/$name.yaml"
    exit 1
  }
  data=$dir/$name.yaml
}
case "$data" in
annex) variant 's/^  - title: 绩效评价指标体系评分表$/  - title: 南充市城乡低保补助资金专项支出绩效评价指标体系评分表（市本级及顺庆、高坪、嘉陵三区汇总）/' \
  "long annex title" ;;
footnote) variant 's/切实解决低收入人群的贫困问题。/切实解决低收入人群的贫困问题[^低保标准由各县（市、区）人民政府确定。]。/' \
  footnote ;;
esac
fail=0
export SOURCE_DATE_EPOCH=1700000000

for d in a b; do
  "$bin" render "$data" -o "$dir/$d" --format docx >/dev/null 2>"$dir/render.log" || {
    echo "FAIL: render $data --format docx"
    cat "$dir/render.log"
    exit 1
  }
done
docx=$dir/a/$name.docx
cmp -s "$docx" "$dir/b/$name.docx" || {
  echo "FAIL: two renders of $name differ"
  fail=1
}
"$bin" render "$data" -o "$dir/a" --format pdf >/dev/null 2>&1 &&
  "$bin" render "$data" -o "$dir/a" --format html >/dev/null 2>&1 || {
  echo "FAIL: render $data as PDF and HTML"
  exit 1
}

(cd "$dir/parts" && unzip -q "$docx") || fail=1
find "$dir/parts" -type f \( -name '*.xml' -o -name '*.rels' \) | sort | while read -r part; do
  xmllint --noout "$part" || echo "$part" >>"$dir/bad-xml"
done
if [ -s "$dir/bad-xml" ]; then
  echo "FAIL: not well-formed: $(cat "$dir/bad-xml")"
  fail=1
fi
grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-14T22:13:20Z<' \
  "$dir/parts/docProps/core.xml" || {
  echo "FAIL: core.xml does not carry SOURCE_DATE_EPOCH's date"
  fail=1
}

$check package "$docx" || fail=1
notes=""
[ "$name" = footnote ] && notes=yes
$check structure "$docx" "$dir/a/$name.html" "$dir/a/$name.pdf" $notes || fail=1

# LibreOffice, with a profile of its own so that parallel tests do not meet
mkdir -p "$dir/office"
if ! soffice -env:UserInstallation="file://$dir/profile" --headless --convert-to pdf \
  --outdir "$dir/office" "$docx" >"$dir/office.log" 2>&1 || [ ! -s "$dir/office/$name.pdf" ]; then
  echo "FAIL: LibreOffice could not convert $name.docx"
  cat "$dir/office.log"
  fail=1
else
  $check office "$docx" "$dir/office/$name.pdf" "$dir/a/$name.pdf" || fail=1
fi
# LibreOffice updates the contents as a user would (through UNO)
/usr/bin/python3 "$src/tests/docx_update.py" "$docx" "$dir/update-profile"
rc=$?
[ $rc -eq 0 ] || [ $rc -eq 77 ] || fail=1

mkdir -p "$dir/draft"
if "$bin" render "$data" -o "$dir/draft" --format docx --draft >/dev/null 2>&1; then
  $check draft "$dir/draft/$name.docx" || fail=1
else
  echo "FAIL: render --draft"
  fail=1
fi

[ "$fail" = 0 ] && echo "ok $name: same bytes twice, well-formed parts, structure, LibreOffice, draft"
exit $fail
