#!/usr/bin/env python3
"""Checks of a report's PDF against its document (tests/pdf-report.sh).

  pdf_check.py text HTML PDF        every block of the document's text is in the PDF
  pdf_check.py toc PDF              the contents' page numbers are the pages the headings are on
  pdf_check.py repeat PDF HEAD MARK MERGED
                                    every page with a row holding MARK repeats the header
                                    HEAD, and the merged cell MERGED is on two pages or more

Texts are compared without white space. The PDF's text comes from poppler's
pdftotext (-raw: in the order it is drawn), page by page, with the page
numbers "— N —" taken out. Exits 1 with a line per problem.
"""
import html.parser
import re
import subprocess
import sys

FOLIO = re.compile(r"^\s*—\s*(\d+|[IVXLCDM]+)\s*—\s*$")  # Roman: the front matter
SPACE = re.compile(r"\s+")


def squeeze(s):
    return SPACE.sub("", s)


def pages_of(pdf, layout=False):
    """The text of each page, and the number printed on it (None without)."""
    args = ["pdftotext", "-enc", "UTF-8", "-layout" if layout else "-raw", pdf, "-"]
    run = subprocess.run(args, capture_output=True, check=True)
    if run.stderr:
        sys.exit("pdftotext complained: " + run.stderr.decode("utf-8", "replace"))
    out = []
    for page in run.stdout.decode("utf-8").split("\f"):
        folio, kept = None, []
        for line in page.split("\n"):
            m = FOLIO.match(line)
            if m:
                folio = int(m.group(1)) if m.group(1).isdigit() else None
            else:
                kept.append(line)
        out.append(("\n".join(kept), folio))
    if out and not out[-1][0].strip():
        out.pop()
    return out


class Blocks(html.parser.HTMLParser):
    """The text of each outermost text block of the HTML report, as the
    document holds it (charts' SVG and the contents' links left out)."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "caption", "figcaption", "th", "td"}
    SKIP = {"svg", "nav", "style", "title", "head", "details"}  # details: a chart's data

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.open, self.depth, self.skip = [], None, 0, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS and not self.skip:
            if self.open is None:
                self.open, self.depth, self.text = tag, 0, []
                self.annex = (dict(attrs).get("id") or "").startswith("annex-")
            if tag == self.open:
                self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip -= 1
        elif tag == self.open:
            self.depth -= 1
            if self.depth == 0:
                text = squeeze("".join(self.text))
                # an annex's heading: GB/T 9704 §8 sets 附件N on its own line,
                # without the colon, and the title centred under it
                label = re.match(r"(附件[0-9-]*)：?(.+)$", text) if self.annex else None
                if label:
                    self.blocks += [label.group(1), label.group(2)]
                elif text:
                    self.blocks.append(text)
                self.open = None

    def handle_data(self, data):
        if self.open is not None and not self.skip:
            self.text.append(data)


def split_over(block, text):
    """Whether a block is in the text in two parts, the second after the
    first: a table cell split over a page break, the next page's header
    rows and 续表 between its parts."""
    for k in range(4, len(block) - 3):
        first = text.find(block[:k])
        if first >= 0 and text.find(block[k:], first + k) >= 0 and block[: k + 1] not in text:
            return True
    return False


def check_text(html_path, pdf):
    parser = Blocks()
    with open(html_path, encoding="utf-8") as f:
        parser.feed(f.read())
    text = squeeze("".join(t for t, _ in pages_of(pdf)))
    missing = [b for b in parser.blocks if b not in text and not split_over(b, text)]
    for b in missing:
        print(f"FAIL {pdf}: not in the PDF's text: {b}")
    if not parser.blocks:
        print(f"FAIL {html_path}: no text blocks")
        return 1
    print(f"{pdf}: {len(parser.blocks) - len(missing)} of {len(parser.blocks)} blocks found")
    return 1 if missing else 0


def check_toc(pdf):
    pages = pages_of(pdf, layout=True)
    toc = None
    for i, (text, _) in enumerate(pages):
        if squeeze(text).startswith("目录"):
            toc = i
            break
    if toc is None:
        print(f"FAIL {pdf}: no contents page")
        return 1
    entries, pending, last = [], "", toc
    for i in range(toc, len(pages)):
        text = pages[i][0]
        if i > toc and not re.search(r"\S\s+\d+\s*$", text, re.M):
            break
        for line in text.split("\n"):
            m = re.match(r"^\s*(\S.*?)\s+(\d+)\s*$", line)
            if m:
                entries.append((squeeze(pending + m.group(1)), int(m.group(2))))
                pending = ""
            elif line.strip() and squeeze(line) != "目录":
                pending += line
        last = i
    bad, start = 0, last + 1
    for title, number in entries:
        found = pages_of_lines(pages, title, start)
        if not found:
            print(f"FAIL {pdf}: heading {title} (contents: page {number}) not found")
            bad = 1
            continue
        # the same words may come first as a line of text (六、附件 lists
        # the annexes by their titles): the heading is the one on its page
        on_page = [f for f in found if f[1] == number]
        start, folio = on_page[0] if on_page else found[0]
        if folio != number:
            print(f"FAIL {pdf}: {title} is on page {folio}, the contents say {number}")
            bad = 1
    if not entries:
        print(f"FAIL {pdf}: no entries in the contents")
        bad = 1
    print(f"{pdf}: {len(entries)} contents entries checked")
    return bad


def pages_of_lines(pages, title, start):
    """Pages from `start` on where a line (or up to three running lines) of
    the text is the title, as (index, page number): in order, so that a heading is
    found after the one before it."""
    # an annex's heading is 附件N on a line of its own, without the colon,
    # and its title under it (GB/T 9704 §8)
    titles = {title, re.sub(r"^(附件[0-9-]*)：", r"\1", title)}
    out = []
    for i in range(start, len(pages)):
        text, folio = pages[i]
        lines = [squeeze(l) for l in text.split("\n") if l.strip()]
        if any("".join(lines[k : k + j]) in titles for k in range(len(lines)) for j in (1, 2, 3)):
            out.append((i, folio))
    return out


def check_repeat(pdf, head, mark, merged):
    pages = pages_of(pdf)
    head, merged = squeeze(head), squeeze(merged)
    bad, with_rows, with_merged = 0, 0, 0
    for i, (text, folio) in enumerate(pages):
        t = squeeze(text)
        if mark in t:
            with_rows += 1
            if head not in t:
                print(f"FAIL {pdf}: page {i + 1} has rows of the table but not its header")
                bad = 1
        if merged in t:
            with_merged += 1
    if with_rows < 2:
        print(f"FAIL {pdf}: the table is on {with_rows} page(s), expected several")
        bad = 1
    if with_merged < 2:
        print(f"FAIL {pdf}: the merged cell's text is on {with_merged} page(s), expected 2 or more")
        bad = 1
    print(f"{pdf}: table on {with_rows} pages, merged cell on {with_merged}")
    return bad


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "text":
        return check_text(sys.argv[2], sys.argv[3])
    if len(sys.argv) == 3 and sys.argv[1] == "toc":
        return check_toc(sys.argv[2])
    if len(sys.argv) == 6 and sys.argv[1] == "repeat":
        return check_repeat(*sys.argv[2:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
