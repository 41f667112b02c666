#!/bin/sh
# ofd-reader.sh EVALREPORT SOURCE_DIR OUT_DIR DATA
#
# An independent reader opens the OFD report: ofd.js (npm, DLTech21's
# pure-JavaScript OFD renderer: it unzips the package, parses the XML and
# draws every page as SVG) in headless Chromium driven by playwright-core,
# both installed from npm into OUT_DIR. For one data file:
#  - every page renders without an error, as many pages as the PDF, each
#    the size of the PDF's page (portrait or landscape) at 96 dpi;
#  - the text the reader draws on each page is the PDF's (pdftotext): the
#    same characters, whitespace aside;
#  - page 1 and the first page with a table, screenshotted, against
#    pdftoppm's rendering of the PDF at the same 96 dpi (tests/ofd_pixels.py):
#    less than 2% of the ink unmatched within two pixels. The samples'
#    pages measure 0.1-0.8%; a page against the next page measures over 60%,
#    and one missing line of body text costs about 5%.
# ofd.js@1.x is not used: its WebAssembly core refuses to open a file
# without a commercial licence key ("授权信息错误").
# Exits 77 (skipped) without Chromium, npm, poppler-utils or python3-pil, or
# when npm cannot fetch the packages (no network).
set -u
bin=$1 src=$2 out=$3 data=$4
DPI=96
MAX_UNMATCHED=2
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "skipped: no chromium"; exit 77; }
for tool in npm node pdftoppm pdftotext pdfinfo flock; do
  command -v $tool >/dev/null 2>&1 || { echo "skipped: no $tool"; exit 77; }
done
/usr/bin/python3 -c "import PIL" 2>/dev/null || { echo "skipped: no python3-pil"; exit 77; }
mods=$out/node/node_modules
mkdir -p "$out/node"
(
  flock -x 9
  if [ ! -s "$mods/ofd.js/lib/ofd.umd.min.js" ] || [ ! -d "$mods/playwright-core" ]; then
    timeout 300 npm install --prefix "$out/node" --no-save --no-audit --no-fund --no-package-lock \
      --ignore-scripts ofd.js@0.2.6 playwright-core@1.65.2 >"$out/node/npm.log" 2>&1
  fi
) 9>"$out/node/lock"
[ -s "$mods/ofd.js/lib/ofd.umd.min.js" ] && [ -d "$mods/playwright-core" ] || {
  echo "skipped: npm could not install ofd.js and playwright-core:"
  tail -3 "$out/node/npm.log"
  exit 77
}
name=$(basename "$data" .yaml)
dir=$out/$name
rm -rf "$dir"
mkdir -p "$dir"
export SOURCE_DATE_EPOCH=1700000000
"$bin" render "$data" -o "$dir" --format ofd --format pdf >/dev/null 2>"$dir/render.log" || {
  echo "FAIL: render $data"
  cat "$dir/render.log"
  exit 1
}
ofd=$dir/$name.ofd pdf=$dir/$name.pdf
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
# the first page after page 1 with a table: twenty rules or more (0-based)
table=$(/usr/bin/python3 - "$ofd" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
n = 1  # after page 1, which is compared anyway
while "Doc_0/Pages/Page_%d/Content.xml" % n in z.namelist():
    if z.read("Doc_0/Pages/Page_%d/Content.xml" % n).count(b"<ofd:PathObject") >= 20:
        break
    n += 1
print(n)
PY
)
start=$(date +%s)
CHROMIUM=$browser timeout 300 node "$src/tests/ofd_render.js" "$mods" "$ofd" $DPI "$dir" 0 "$table" \
  >"$dir/reader.json" 2>"$dir/reader.log"
echo "ofd.js rendered $name.ofd ($(wc -c <"$ofd") bytes) in $(($(date +%s) - start)) s"
pdfinfo -f 1 -l "$pages" "$pdf" >"$dir/pdfinfo.txt"
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" "$pdf" "$dir/pdf-$p.txt"
done
fail=0
/usr/bin/python3 - "$dir" "$pages" $DPI <<'PY' || fail=1
import collections, json, re, sys
d, pages, dpi = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
try:
    r = json.load(open(d + "/reader.json"))
except ValueError:
    print("FAIL: the reader gave no result: " + open(d + "/reader.log").read()[-500:])
    sys.exit(1)
if "error" in r:
    print("FAIL: ofd.js: " + r["error"][:500])
    sys.exit(1)
bad = 0
if r["errors"]:
    print("FAIL: errors in the page: %s" % r["errors"][:5])
    bad += 1
if r["pages"] != pages:
    print("FAIL: ofd.js shows %d pages, the PDF has %d" % (r["pages"], pages))
    bad += 1
info = open(d + "/pdfinfo.txt").read()
sizes = [tuple(float(x) for x in m) for m in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
rots = [int(x) for x in re.findall(r"Page +\d+ rot: +(\d+)", info)]
for p in range(min(pages, r["pages"])):
    w, h = sizes[p]
    if rots[p] in (90, 270):
        w, h = h, w
    want = (w * dpi / 72, h * dpi / 72)
    got = r["sizes"][p]
    if abs(got[0] - want[0]) > 1 or abs(got[1] - want[1]) > 1:
        print("FAIL: page %d is %gx%g px in ofd.js, %gx%g in the PDF" % (p + 1, got[0], got[1], *want))
        bad += 1
    a = collections.Counter(re.sub(r"\s", "", r["text"][p]))
    b = collections.Counter(re.sub(r"\s", "", open("%s/pdf-%d.txt" % (d, p + 1)).read()))
    if a != b:
        print("FAIL: page %d: ofd.js only %r, PDF only %r" %
              (p + 1, "".join((a - b).elements())[:40], "".join((b - a).elements())[:40]))
        bad += 1
if not bad:
    print("ok: ofd.js shows %d pages without error, each the PDF's size and text (%d characters)" %
          (pages, sum(len(re.sub(r"\s", "", t)) for t in r["text"])))
sys.exit(1 if bad else 0)
PY
for p in 0 "$table"; do
  pdftoppm -r $DPI -png -singlefile -f $((p + 1)) -l $((p + 1)) "$pdf" "$dir/pdf-$p"
  [ -s "$dir/ofd-$p.png" ] || {
    echo "FAIL: no screenshot of page $((p + 1))"
    fail=1
    continue
  }
  if diff=$(/usr/bin/python3 "$src/tests/ofd_pixels.py" "$dir/ofd-$p.png" "$dir/pdf-$p.png" $MAX_UNMATCHED); then
    echo "ok: page $((p + 1)) in ofd.js against the PDF: $diff"
  else
    echo "FAIL: page $((p + 1)) in ofd.js against the PDF: $diff (at most $MAX_UNMATCHED%)"
    fail=1
  fi
done
exit $fail
