"""pdf_standard.py PDF: properties of a typeset report that a reader checks.

- text extraction: `pdftotext -raw` has no line that starts with a closing
  mark (a squeezed mark must not split a line), and no line of body text
  has spaces between its Chinese characters;
- loose lines: no run of body text (三号) is spaced more than 0.1 em a gap
  beyond the grid's spacing, unless it is the whole of its line (a label
  spread over its width, 项目名称);
- /PageLabels: each page's label is the number printed at its foot
  ("— N —", "— IV —" in the front matter), an unnumbered page's label is
  empty; the body starts at 1 (the first page numbered in Arabic);
- metadata: CreationDate, XMP whose title is the Info title, /Lang zh-CN,
  a document /ID, PDF 1.5;
- fonts: with FandolFang installed (fc-list), the body's 仿宋 is FandolFang;
- 附件 (GB/T 9704 §8): an annex's page starts with 附件N flush left in the
  type area, its title centred under it;
- 附件说明 (§7.3.4): 附件： two characters in, further names under the first;
- signature (§7.3.5.1): the date four characters in from the right edge,
  the signing body centred over it, on a page with text above them;
- 版头 (§7.2.2, §7.2.4, §7.3.1): the red issuing body with its top 35 mm
  below the type area's top, under it a red rule as wide as the type area,
  4 mm below the body's text, and the title with two blank lines between it
  and the rule.
Prints each failure and exits 1 on any.
"""
import html
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
        found = re.findall(r"—\s*(\d+|[IVXLCDM]+)\s*—", page)
        numbers.append(found[-1] if found else "")
    return numbers


def roman(n):
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


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
        style = label.get("/S")
        out.append(str(number) if style == "/D" else roman(number) if style == "/R" else "")
    return out


def check_labels(pdf):
    count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    printed, given = printed_numbers(pdf, count), labels(pdf, count)
    bad = [
        f"page {i + 1}: label '{given[i]}' but '{printed[i]}' printed"
        for i in range(count)
        if printed[i] != given[i]
    ]
    # the front matter (up to the contents) is not numbered in Arabic, and
    # the body after it starts at 1
    pages = run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").split("\f")
    contents = [i for i, page in enumerate(pages[:count]) if "目录" in page.split("\n")[:3]]
    if contents:
        front, body = printed[: contents[0] + 1], printed[contents[0] + 1 :]
        if any(p.isdigit() for p in front):
            bad.append(f"front matter numbered in Arabic: {front}")
        arabic = [p for p in body if p.isdigit()]
        if arabic and arabic[0] != "1":
            bad.append(f"the body starts at {arabic[0]}, not 1")
    return bad


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


LEFT, WIDTH, PITCH = 79.37, 442.2, 442.2 / 28  # the type area of GB/T 9704, pt


def page_lines(pdf):
    """Each page's (width, [(xMin, xMax, text)]) from pdftotext -bbox-layout."""
    pages = []
    rotated = {int(n) for n, r in re.findall(r"Page\s+(\d+) rot:\s+(\d+)", run("pdfinfo", "-f", "1", "-l", "9999", pdf)) if r != "0"}
    for number, page in enumerate(run("pdftotext", "-bbox-layout", pdf, "-").split("<page ")[1:], 1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))
        if number in rotated:  # landscape: a type area of its own
            width = float(re.search(r'height="([\d.]+)"', page).group(1))
        lines = []
        for line in re.findall(r"<line (.*?)</line>", page, re.S):
            x0, x1 = (float(v) for v in re.findall(r'x(?:Min|Max)="([\d.]+)"', line)[:2])
            text = "".join(re.findall(r">([^<]*)</word>", line))
            lines.append((x0, x1, html.unescape(text)))
        pages.append((width, lines))
    return pages


def check_annexes(pages):
    bad = []
    for number, (width, lines) in enumerate(pages, 1):
        if width > 600 or len(lines) < 2 or not re.fullmatch(r"附件\d*", lines[0][2]):
            continue  # landscape pages have a type area of their own
        if abs(lines[0][0] - LEFT) > 1:
            bad.append(f"page {number}: {lines[0][2]} not flush left ({lines[0][0]:.1f})")
        centre = (lines[1][0] + lines[1][1]) / 2
        if abs(centre - (LEFT + WIDTH / 2)) > 2:
            bad.append(f"page {number}: annex title not centred: {lines[1][2]}")
    return bad


def check_annex_note(pages):
    """附件说明 (§7.3.4): 附件： two characters in, each further name under
    the first (after 附件：)."""
    bad = []
    for number, (width, lines) in enumerate(pages, 1):
        for k, (x0, _, text) in enumerate(lines):
            if not text.startswith("附件：") or width > 600:
                continue
            if abs(x0 - (LEFT + 2 * PITCH)) > 1:
                bad.append(f"page {number}: {text} not two characters in")
            for x, _, more in lines[k + 1 :]:
                if not re.match(r"\d+\.", more):
                    break
                if abs(x - (LEFT + 5 * PITCH)) > 1:
                    bad.append(f"page {number}: {more} not under the first annex's name")
    return bad


def check_annex_list(pages):
    """An outline's own list under its 附件 heading ("附件1：name" a line) is
    set as §7.3.4 sets 附件说明: two characters in, a name that wraps going
    on under its first character (after "附件1：")."""
    bad = []
    for number, (width, lines) in enumerate(pages, 1):
        if sum(bool(re.fullmatch(r"\d+", text)) for _, _, text in lines) >= 3:
            continue  # the contents, with its page numbers
        for k, (x0, _, text) in enumerate(lines):
            if not re.match(r"附件\d+：", text) or width > 600:
                continue
            if abs(x0 - (LEFT + 2 * PITCH)) > 1:
                bad.append(f"page {number}: {text} not two characters in")
            if k + 1 < len(lines) and not re.match(r"附件|—", lines[k + 1][2]):
                if lines[k + 1][0] < LEFT + 5 * PITCH:
                    bad.append(f"page {number}: {lines[k + 1][2]} not under the name it goes on")
    return bad


def check_signature(pages):
    bad = []
    for number, (width, lines) in enumerate(pages, 1):
        for k in range(1, len(lines)):
            x0, x1, text = lines[k]
            if width > 600 or not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", text) or x0 < 300:
                continue
            if abs(x1 - (LEFT + WIDTH - 4 * PITCH)) > 1.5:
                bad.append(f"page {number}: date {text} not four characters from the right")
            body = lines[k - 1]
            text_above = [l for l in lines[: k - 1] if not re.match(r"附件：|\d+\.", l[2])]
            if not text_above:
                bad.append(f"page {number}: the signature without the text it closes")
            fits = body[1] - body[0] <= x1 - x0 + 8 * PITCH
            if fits and abs((body[0] + body[1]) / 2 - (x0 + x1) / 2) > 1.5:
                bad.append(f"page {number}: {body[2]} not centred over the date")
    return bad


LINE = 28.99  # the grid's line pitch, pt
TOP = 37 / 25.4 * 72  # the type area's top, pt below the page's


def check_masthead(pdf):
    """The 版头's red rule on page 1, under the issuing body, and the title
    two lines below it."""
    qdf = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                         capture_output=True, check=False).stdout.decode("latin-1")
    rule = re.search(r"0\.867 0 0 RG\s+[\d.]+ w\s+\d J\s+([\d.]+) ([\d.]+) m ([\d.]+) [\d.]+ l", qdf)
    if not rule:  # no issuing body, or one without its rule
        return ["page 1: no red rule under the red issuing body"] if "0.867 0 0 rg" in qdf else []
    page = run("pdftotext", "-f", "1", "-l", "1", "-bbox-layout", pdf, "-")
    height = float(re.search(r'height="([\d.]+)"', page).group(1))
    y = height - float(rule.group(2))
    boxes = [tuple(float(v) for v in m) for m in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page)]
    above = [b for b in boxes if b[1] <= y]
    below = [b for b in boxes if b[0] >= y]
    bad = []
    if abs(float(rule.group(1)) - LEFT) > 1 or abs(float(rule.group(3)) - (LEFT + WIDTH)) > 1:
        bad.append("page 1: the red rule is not as wide as the type area")
    if not above or not 2 <= (y - above[-1][1]) / 72 * 25.4 <= 4:
        bad.append("page 1: the red rule is not 4 mm under the issuing body")
    if not below or not 2 * LINE <= below[0][0] - y <= 3 * LINE:
        bad.append("page 1: the title is not two blank lines under the red rule")
    # poppler's box reaches the font's ascent, a little above the em box
    if above and not 32 <= (above[0][0] - TOP) / 72 * 25.4 <= 35.5:
        bad.append("page 1: the issuing body's top is not 35 mm below the type area's top "
                   f"({(above[0][0] - TOP) / 72 * 25.4:.1f} mm)")
    return bad


def check_loose(pdf):
    """The character spacing (Tc) of each body run of two glyphs or more,
    against the grid's, the spacing most body runs have."""
    data = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                          capture_output=True, check=True).stdout.decode("latin-1")
    size, tc, line, runs = 0.0, 0.0, "", []
    for m in re.finditer(r"/ActualText <feff([0-9a-f]*)>|([-0-9.]+) Tf|([-0-9.]+) Tc|"
                         r"<([0-9a-f]+)> Tj", data):
        if m.group(1) is not None:
            line = bytes.fromhex(m.group(1)).decode("utf-16-be")
        elif m.group(2):
            size = float(m.group(2))
        elif m.group(3):
            tc = float(m.group(3))
        elif m.group(4) and size == 16 and len(m.group(4)) >= 8:
            runs.append((tc, len(m.group(4)) // 4, line))
    if not runs:
        return []
    spacings = [r[0] for r in runs]
    grid = max(set(spacings), key=spacings.count)
    bad = []
    for tc, glyphs, text in runs:
        if (tc - grid) / 16 > 0.1 + 1e-3 and glyphs < len(text.strip()):
            bad.append(f"a line is spaced {(tc - grid) / 16:.3f} em a gap: {text[:30]}")
    return bad[:5]


def main():
    pdf = sys.argv[1]
    pages = page_lines(pdf)
    bad = check_text(pdf) + check_labels(pdf) + check_metadata(pdf) + check_fonts(pdf)
    bad += check_annexes(pages) + check_annex_note(pages) + check_annex_list(pages)
    bad += check_signature(pages) + check_masthead(pdf) + check_loose(pdf)
    for b in bad:
        print(f"FAIL {pdf}: {b}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
