"""pdf_tables.py PDF: how a report's tables fill their pages.

- a table that goes on over the page (the next page starts with 续表)
  leaves no more than a quarter of the type area's height empty under its
  frame: a tall row or a merged group splits rather than go over whole;
- every page a score sheet (a header of 一级指标 二级指标 …) goes on to
  starts with 续表 and repeats the header row, and on it the
  一级指标 and 二级指标 columns hold text: a merged cell cut by the break
  shows its text again on the page it goes on to;
- the frame is closed on both sides of a break: each part of a table is
  drawn inside a rectangle of its own;
- a score sheet's 一级指标 and 二级指标 headers are each on one line.

The frames are read from the page contents (qpdf --qdf), the text from
pdftotext -bbox-layout. Prints each failure and exits 1 on any; with -v,
each table page's empty height.
"""
import html
import os
import re
import subprocess
import sys
import tempfile

MM = 72 / 25.4
# the type area of GB/T 9704, from the page's top: 37 mm down, 225 mm
# high; a landscape page is the portrait one turned, 28 mm down, 156 mm high
PORTRAIT = (37 * MM, 225 * MM)
LANDSCAPE = (28 * MM, 156 * MM)
GAPING = 0.25  # of the type area's height


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def frames(pdf):
    """Each page's table frames as (top, bottom) from the page's top, pt:
    the rectangles stroked with the frame's width (half as thick again as
    the grid's rules, src/pdf/tablepage.c)."""
    with tempfile.TemporaryDirectory() as tmp:
        qdf = os.path.join(tmp, "q.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        data = open(qdf, "rb").read().decode("latin-1")
    out = {}
    for m in re.finditer(r"%% Contents for page (\d+)\n.*?stream\n(.*?)endstream", data, re.S):
        page, content = int(m.group(1)), m.group(2)
        turned = re.match(r"q 0 1 -1 0 [\d.]+ 0 cm", content) is not None
        height = 595.276 if turned else 841.89
        rule, found = None, []
        for line in content.split("\n"):
            w = re.fullmatch(r"([\d.]+) w", line)
            if w:
                width = float(w.group(1))
                rule = width if rule is None or width < rule else rule
                current = width
                continue
            r = re.fullmatch(r"([\d.-]+) ([\d.-]+) ([\d.]+) ([\d.]+) re", line)
            if r and rule and abs(current - 1.5 * rule) < 1e-3:
                y, h = float(r.group(2)), float(r.group(4))
                found.append((height - y - h, height - y))
        out[page] = (turned, found)
    return out


def words(pdf):
    """Each page's words as (xMin, yMin, xMax, yMax, text), in reading order."""
    pages = []
    for page in run("pdftotext", "-bbox-layout", pdf, "-").split("<page ")[1:]:
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page):
            ws.append((*(float(m.group(k)) for k in range(1, 5)), html.unescape(m.group(5))))
        pages.append(ws)
    return pages


def continued(ws):
    """The 续表 caption a page starts with, or None."""
    for w in ws:
        if re.fullmatch(r"续表[\dA-Za-z.-]*", w[4]):
            return w[4]
        if not re.fullmatch(r"[—\dIVX ]*", w[4]):  # a page number drawn first
            return None
    return None


def header_centres(ws, below):
    """The centres of the 一级指标 and 二级指标 header cells under y `below`, and
    the header's foot, or None."""
    heads = {}
    for x0, y0, x1, y1, text in ws:
        if y0 > below and text in ("一级指标", "二级指标") and text not in heads:
            heads[text] = ((x0 + x1) / 2, y1)
    if len(heads) < 2:
        return None
    return heads


def check(pdf, verbose=False):
    bad = []
    fr, pages = frames(pdf), words(pdf)
    score_sheet = False  # the page before had a score sheet's header
    raw = [re.sub(r"\s", "", p) for p in run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split("\f")]
    for number in range(1, len(pages) + 1):
        turned, found = fr.get(number, (False, []))
        nxt = continued(pages[number]) if number < len(pages) else None
        if nxt:
            if not found:
                bad.append(f"page {number}: the next page says {nxt} but no table frame ends here")
                continue
            top, block = LANDSCAPE if turned else PORTRAIT
            empty = top + block - max(b for _, b in found)
            if verbose:
                print(f"{pdf}: page {number}: {empty:.1f} pt of {block:.1f} empty under the table")
            if empty > GAPING * block + 1:
                bad.append(f"page {number}: {empty:.0f} pt of {block:.0f} empty under a table that goes on")
            if not fr.get(number + 1, (False, []))[1]:
                bad.append(f"page {number + 1}: {nxt} without a closed frame")
        cont = continued(pages[number - 1])
        ws = pages[number - 1]
        heads = header_centres(ws, 0)
        # the header's words may be set over two lines: in the text as drawn
        headed = "一级指标二级指标" in raw[number - 1]
        had_heads, score_sheet = score_sheet, headed or (cont and score_sheet)
        if headed and heads is None:
            bad.append(f"page {number}: the score sheet's 一级指标 or 二级指标 broken over two lines")
        if not cont:
            continue
        if had_heads and not headed:
            bad.append(f"page {number}: {cont} without the score sheet's header row")
        if heads is None:
            continue
        foot = max(y for _, y in heads.values())
        for name, (centre, _) in heads.items():
            if not any(y0 > foot and x0 <= centre <= x1 for x0, y0, x1, _, _ in ws):
                bad.append(f"page {number}: the {name} column is empty under {cont}: "
                           "a merged cell's text not repeated")
    return bad


def main():
    verbose = "-v" in sys.argv
    bad = []
    for pdf in [a for a in sys.argv[1:] if a != "-v"]:
        bad += [f"FAIL {pdf}: {b}" for b in check(pdf, verbose)]
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
