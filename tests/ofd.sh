#!/bin/sh
# ofd.sh EVALREPORT SOURCE_DIR OUT_DIR DATA
#
# The OFD report of one data file, through `render --format ofd`, against
# its PDF (the same laid-out pages):
#  - the same data gives the same bytes (SOURCE_DATE_EPOCH, which is the
#    document's creation date);
#  - the package's structure (tests/ofd_check.py): every XML part
#    well-formed, in the OFD namespace with the standard's element names;
#    DocInfo with DocID, title, author and the creation date; every unit ID
#    unique and MaxUnitID the largest; every font, font file, page and
#    outline reference resolves; DeltaX and CGTransform fit their text and
#    every glyph is in its subset; the PDF's page count, and its turned
#    pages landscape in the OFD; and the checker catches a broken package;
#  - each page's text (its TextCodes) is the PDF's page text (pdftotext):
#    the same characters, whitespace aside (the order differs where
#    pdftotext reads a table across its columns);
#  - with --draft, the 草稿 watermark on every page, turned 45°.
# Exits 77 (skipped) without poppler-utils or unzip.
set -u
bin=$1 src=$2 out=$3 data=$4
for tool in pdftotext pdfinfo unzip; do
  command -v $tool >/dev/null 2>&1 || {
    echo "skipped: no $tool"
    exit 77
  }
done
check="/usr/bin/python3 $src/tests/ofd_check.py"
name=$(basename "$data" .yaml)
dir=$out/$name
rm -rf "$dir"
mkdir -p "$dir/a" "$dir/b" "$dir/draft"
fail=0
export SOURCE_DATE_EPOCH=1700000000

for d in a b; do
  "$bin" render "$data" -o "$dir/$d" --format ofd >/dev/null 2>"$dir/render.log" || {
    echo "FAIL: render $data --format ofd"
    cat "$dir/render.log"
    exit 1
  }
done
"$bin" render "$data" -o "$dir/a" --format pdf >/dev/null 2>&1 || {
  echo "FAIL: render $data --format pdf"
  exit 1
}
ofd=$dir/a/$name.ofd pdf=$dir/a/$name.pdf
if cmp -s "$ofd" "$dir/b/$name.ofd"; then
  echo "ok: two renders give the same $(wc -c <"$ofd") bytes"
else
  echo "FAIL: two renders of $name differ"
  fail=1
fi
[ ! -e "$dir/a/$name.html" ] || {
  echo "FAIL: --format ofd wrote other formats too"
  fail=1
}

# the package against a PDF: its page count, and its turned (landscape) pages
check_against() {
  n=$(pdfinfo "$2" | sed -n 's/^Pages: *//p')
  turned=$(pdfinfo -f 1 -l "$n" "$2" | awk '/^Page +[0-9]+ rot: +90/ { printf "%s%d", s, $2 - 1; s = "," }')
  $check "$1" --date 2023-11-14 --pages "$n" --landscape "$turned"
}
check_against "$ofd" "$pdf" || fail=1
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')

# the checker must see a broken package as broken: MaxUnitID one short and
# a font reference to nothing
/usr/bin/python3 - "$ofd" "$dir/broken.ofd" <<'PY'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for item in src.infolist():
    data = src.read(item)
    if item.filename == "Doc_0/Document.xml":
        data = re.sub(rb"<ofd:MaxUnitID>(\d+)", lambda m: b"<ofd:MaxUnitID>%d" % (int(m.group(1)) - 1), data)
    if item.filename == "Doc_0/Pages/Page_0/Content.xml":
        data = data.replace(b'Font="1"', b'Font="99999"', 1)
    dst.writestr(item, data)
dst.close()
PY
if $check "$dir/broken.ofd" >"$dir/broken.log" 2>&1; then
  echo "FAIL: ofd_check.py passed a package with a wrong MaxUnitID and a dangling Font"
  fail=1
elif grep -q MaxUnitID "$dir/broken.log" && grep -q 99999 "$dir/broken.log"; then
  echo "ok: the checker catches a wrong MaxUnitID and a dangling font reference"
else
  echo "FAIL: the checker missed one of the two faults:"
  cat "$dir/broken.log"
  fail=1
fi

# the text of each page, against the PDF's
$check "$ofd" --text | tail -n 1 >"$dir/text.json"
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" "$pdf" "$dir/pdf-$p.txt"
done
/usr/bin/python3 - "$dir" "$pages" <<'PY' || fail=1
import collections, json, re, sys
d, pages = sys.argv[1], int(sys.argv[2])
ofd = json.load(open(d + "/text.json"))
bad = 0
for p in range(pages):
    a = collections.Counter(re.sub(r"\s", "", ofd[p] if p < len(ofd) else ""))
    b = collections.Counter(re.sub(r"\s", "", open("%s/pdf-%d.txt" % (d, p + 1)).read()))
    if a != b:
        bad += 1
        print("FAIL: page %d: OFD only %s, PDF only %s" %
              (p + 1, "".join((a - b).elements())[:40], "".join((b - a).elements())[:40]))
if not bad:
    print("ok: the text of each of the %d pages is the PDF's (%d characters)" %
          (pages, sum(len(re.sub(r"\s", "", t)) for t in ofd)))
sys.exit(1 if bad else 0)
PY

# a draft: 草稿 behind every page, turned 45° (CTM cos −sin sin cos)
"$bin" render "$data" -o "$dir/draft" --format ofd --format pdf --draft >/dev/null 2>&1 || {
  echo "FAIL: render --draft --format ofd --format pdf"
  exit 1
}
draft=$dir/draft/$name.ofd
marks=0
for part in $(unzip -Z1 "$draft" | grep 'Content.xml$'); do
  unzip -p "$draft" "$part" | grep -q 'CTM="0.7071 -0.7071 0.7071 0.7071 [^"]*"[^>]*>.*>草稿</ofd:TextCode>' &&
    marks=$((marks + 1))
done
dpages=$(unzip -Z1 "$draft" | grep -c 'Content.xml$')
if [ "$marks" -eq "$dpages" ] && [ "$dpages" -gt 0 ]; then
  echo "ok: the draft's $dpages pages each carry 草稿 at 45°"
else
  echo "FAIL: 草稿 at 45° on $marks of the draft's $dpages pages"
  fail=1
fi
check_against "$draft" "$dir/draft/$name.pdf" >/dev/null || {
  echo "FAIL: the draft's package"
  fail=1
}
exit $fail
