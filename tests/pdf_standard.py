"""pdf_standard.py PDF: properties of a typeset report that a reader checks.

- text extraction: `pdftotext -raw` has no line that starts with a closing
  mark (a squeezed mark must not split a line), and no line of body text
  has spaces between its Chinese characters;
- /PageLabels: each page's label is the number printed at its foot
  ("— N —"), an unnumbered page's label is empty;
- metadata: CreationDate, XMP whose title is the Info title, /Lang zh-CN,
  a document /ID, PDF 1.5;
- fonts: with FandolFang installed (fc-list), the body's 仿宋 is FandolFang.
Prints each failure and exits 1 on any.
"""
import json
import re
import subprocess
import sys

CLOSING = "，。、；：？！）》」』】〕’”"
HAN = r"[\u4e00-\u9fff]"


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def check_text(pdf):
    bad = []
    pages = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split("\f")
    for number, page in enumerate(pages, 1):
        for line in page.split("\n"):
            if line and line[0] in CLOSING:
                bad.append(f"page {number}: line starts with a closing mark: {line[:30]}")
            # two Chinese characters with a space between: a loose line extracted
            # as letters, not a space of the text (which has none between Han)
            if re.search(HAN + " " + HAN + " " + HAN + " " + HAN, line):
                bad.append(f"page {number}: spaces between characters: {line[:30]}")
    return bad


def printed_numbers(pdf, count):
    numbers = []
    pages = run("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-").split("\f")
    for page in pages[:count]:
        found = re.findall(r"—\s*(\d+)\s*—", page)
        numbers.append(found[-1] if found else "")
    return numbers


def labels(pdf, count):
    data = json.loads(run("qpdf", "--json", "--json-key=pagelabels", pdf))
    ranges = sorted(data.get("pagelabels", []), key=lambda r: r["index"])
    out = []
    for page in range(count):
        current = None
        for r in ranges:
            if r["index"] <= page:
                current = r
        if not current:
            out.append(str(page + 1))  # no labels: the viewer's default
            continue
        label = current["label"]
        number = label.get("/St", 1) + page - current["index"]
        out.append(str(number) if label.get("/S") == "/D" else "")
    return out


def check_labels(pdf):
    count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    printed, given = printed_numbers(pdf, count), labels(pdf, count)
    return [
        f"page {i + 1}: label '{given[i]}' but '{printed[i]}' printed"
        for i in range(count)
        if printed[i] != given[i]
    ]


def check_metadata(pdf):
    bad = []
    info = run("pdfinfo", pdf)
    title = re.search(r"^Title:\s+(.*)$", info, re.M)
    if not re.search(r"^CreationDate:\s+\S", info, re.M):
        bad.append("no CreationDate")
    if not re.search(r"^PDF version:\s+1\.[5-7]", info, re.M):
        bad.append("PDF version below 1.5")
    meta = run("pdfinfo", "-meta", pdf)
    if not title or f'x-default">{title.group(1).strip()}<' not in meta:
        bad.append("XMP dc:title is not the Info title")
    trailer = run("qpdf", "--show-object=trailer", pdf)
    if "/ID [" not in trailer:
        bad.append("no document /ID")
    catalog = run("qpdf", "--show-object=1", pdf)
    if "/Lang (zh-CN)" not in catalog:
        bad.append("no /Lang zh-CN")
    return bad


def check_fonts(pdf):
    installed = run("fc-list", ":", "family")
    if "FandolFang" not in installed:
        return []
    fonts = run("pdffonts", pdf)
    return [] if "+FandolFang" in fonts else ["FandolFang installed but not used:\n" + fonts]


def main():
    pdf = sys.argv[1]
    bad = check_text(pdf) + check_labels(pdf) + check_metadata(pdf) + check_fonts(pdf)
    for b in bad:
        print(f"FAIL {pdf}: {b}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
