"""Checks of evalreport's DOCX report (tests/docx.sh), with Debian's python3
and python3-docx:

  docx_check.py package DOCX              every part typed, referenced, parsed;
                                          python-docx opens it
  docx_check.py structure DOCX HTML PDF   grid, styles, tables, footers,
                                          footnotes, contents page numbers
  docx_check.py office DOCX LOPDF PDF     LibreOffice's PDF of it: the text,
                                          bookmarks, page count, the titles'
                                          and captions' lines
  docx_check.py draft DOCX                the 草稿 watermark on every section
"""
import json
import posixpath
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

failures = []


def fail(msg):
    failures.append(msg)


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def xml(p, name):
    return ET.fromstring(p[name])


def squeeze(s):
    return re.sub(r"\s+", "", s)


def check_package(path):
    p = parts(path)
    names = set(p)
    for n, data in p.items():
        if not n.endswith((".xml", ".rels")):
            continue
        try:
            ET.fromstring(data)
        except ET.ParseError as e:
            fail(f"{n}: not well-formed: {e}")
    types = xml(p, "[Content_Types].xml")
    defaults = {d.get("Extension") for d in types.iter(CT + "Default")}
    overrides = {o.get("PartName").lstrip("/") for o in types.iter(CT + "Override")}
    for n in names - {"[Content_Types].xml"}:
        if n not in overrides and n.rsplit(".", 1)[-1] not in defaults:
            fail(f"{n}: no content type")
    for o in overrides - names:
        fail(f"[Content_Types].xml names a missing part {o}")
    referenced = set()
    for n in names:
        if not n.endswith(".rels"):
            continue
        base = n.replace("_rels/", "").rsplit(".rels", 1)[0]
        folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
        for rel in xml(p, n).iter(PR + "Relationship"):
            target = posixpath.normpath(folder + rel.get("Target")) \
                if rel.get("TargetMode") != "External" else None
            if target and target not in names:
                fail(f"{n}: {rel.get('Id')} points at a missing part {target}")
            referenced.add(target)
    for n in names:
        if n != "[Content_Types].xml" and not n.endswith(".rels") and n not in referenced:
            fail(f"{n}: no relationship refers to it")
    import docx  # python3-docx

    d = docx.Document(path)
    if not d.paragraphs or not d.core_properties.title:
        fail("python-docx: no paragraphs or no title")
    heads = [q.text for q in d.paragraphs if q.style.name.startswith("Heading")]
    if len(heads) < 3:
        fail(f"python-docx sees {len(heads)} headings")
    print(f"ok package: {len(names)} parts, {len(d.paragraphs)} paragraphs, "
          f"{len(d.tables)} tables, {len(heads)} headings")


class HtmlCounts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.thead = False
        self.details = 0  # a chart's data table, in the HTML only
        self.head_rows = self.rowspans = self.colspans = self.asides = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "details":
            self.details += 1
        if self.details:
            return
        if tag == "thead":  # not the first row the HTML lifts into a head of its own
            self.thead = "lifted" not in (a.get("class") or "")
        elif tag == "tr" and self.thead:
            self.head_rows += 1
        elif tag in ("td", "th"):
            self.rowspans += int(a.get("rowspan", "1")) > 1
            self.colspans += int(a.get("colspan", "1")) > 1
        elif tag == "aside" and "footnote" in (a.get("class") or ""):
            self.asides += 1

    def handle_endtag(self, tag):
        if tag == "details":
            self.details -= 1
        if tag == "thead":
            self.thead = False


def pdf_pages(pdf):
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                          capture_output=True, text=True).stdout
    return text.split("\f")


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(r):
    vals = [ROMAN[c] for c in r]
    return sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))


def folio_of(page):
    """The page number in the footer, the page's last line: an int, or
    ("roman", n) for the front matter's — I —, — II —."""
    m = re.findall(r"—\s*(\d+|[IVXLC]+)\s*—", page)
    if not m:
        return None
    return int(m[-1]) if m[-1].isdigit() else ("roman", roman_value(m[-1]))


def para_text(para):
    return "".join(t.text or "" for t in para.iter(W + "t"))


def span_of(tc):
    g = tc.find(f"{W}tcPr/{W}gridSpan")
    return int(g.get(W + "val")) if g is not None else 1


def letters(s):
    """Letters, digits and CJK characters only: pdftotext does not always
    return a punctuation mark that hangs at the end of a line."""
    return re.sub(r"[\W_]+", "", s)


def bookmarks(pdf):
    """(title, page from 1) of every bookmark, in order."""
    out = json.loads(subprocess.run(["qpdf", "--json", "--json-key=outlines", pdf],
                                    capture_output=True, text=True).stdout)["outlines"]
    marks = []

    def walk(items):
        for o in items:
            marks.append((squeeze(o["title"]), o.get("destpageposfrom1")))
            walk(o.get("kids", []))
    walk(out)
    return marks


def style_of(para):
    s = para.find(f"{W}pPr/{W}pStyle")
    return s.get(W + "val") if s is not None else "Normal"


def pdf_rules(pdf):
    """The x of every vertical line the PDF's pages draw (table rules), pt."""
    out = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"],
                         check=True, capture_output=True).stdout.decode("latin-1")
    return [float(a) for a, b in
            re.findall(r"(-?[\d.]+) -?[\d.]+ m (-?[\d.]+) -?[\d.]+ l", out) if a == b]


def check_table_widths(doc, pdf):
    """The columns of every table are those evalreport's PDF draws: each
    edge between two columns, from the left margin, is the x of a rule in
    the PDF (to the twip; the PDF draws pages turned sideways in their own
    upright coordinates)."""
    rules = pdf_rules(pdf)
    sects = {s.find(W + "pgSz").get(W + "orient") == "landscape": s for s in doc.iter(W + "sectPr")}

    def left_of(landscape):
        return int(sects[landscape].find(W + "pgMar").get(W + "left")) / 20 \
            if landscape in sects else None
    sect = sects[False]
    block = (int(sect.find(W + "pgSz").get(W + "w")) - int(sect.find(W + "pgMar").get(W + "left"))
             - int(sect.find(W + "pgMar").get(W + "right")))
    checked = edges = 0
    for tbl in doc.iter(W + "tbl"):
        pr = tbl.find(W + "tblPr")
        if pr.find(W + "tblCellMar") is None or cover_values(tbl):  # the cover's fields, set apart
            continue
        cols = [int(g.get(W + "w")) for g in tbl.iter(W + "gridCol")]
        left = left_of(sum(cols) > block)  # the score sheet, on pages turned sideways
        if int(pr.find(W + "tblW").get(W + "w")) != sum(cols):
            fail(f"a table {pr.find(W + 'tblW').get(W + 'w')} twips wide, its columns {sum(cols)}")
        x = 0
        for w in cols[:-1]:
            x += w
            edges += 1
            # the margin is 28 mm, 1587 twips rounded: 0.02 pt off
            if not any(abs(r - (left + x / 20)) < 0.06 for r in rules):
                fail(f"a table's column edge at {x} twips is no rule of the PDF's table "
                     f"(columns {cols})")
                break
        checked += 1
    if checked == 0:
        fail("no table to compare with the PDF's columns")
    print(f"ok columns: {edges} column edges of {checked} tables where the PDF draws them")


def tc_entries(q):
    """The TC fields of a paragraph, as (level, entry)."""
    out = []
    for t in q.iter(W + "instrText"):
        m = re.match(r'\s*TC\s+"((?:[^"\\]|\\.)*)"(.*)', t.text or "")
        if m:
            lvl = re.search(r"\\l\s+(\d)", m.group(2))
            out.append((int(lvl.group(1)) if lvl else 1, re.sub(r"\\(.)", r"\1", m.group(1))))
    return out


def check_toc_update(doc, styles, paras):
    """What Word's "update field" makes of the contents: the TOC field
    takes headings 2 and 3 by their styles, as toc 1 and toc 2, and the TC
    fields (\\t "Heading 2,1,Heading 3,2" \\f), not the outline (\\o, \\u:
    an annex's 附件N line would come as "附件N" alone in Word, and beside
    its TC entry in LibreOffice). Worked out from the document's
    paragraphs, the entries must be the cached ones: an annex's
    "附件N：title" among them, the summary's headings (Heading2Unlisted)
    not; those and the annex's 附件N line keep heading 2's outline level
    (their styles based on Heading2) for the navigation pane."""
    toc = next(t.text for t in doc.iter(W + "instrText") if re.match(r"\s*TOC\b", t.text or ""))
    if '\\t "Heading 2,1,Heading 3,2"' not in toc or not re.search(r"\\f\b", toc) or \
            re.search(r"\\[ou]\b", toc):
        fail(f"TOC field {toc.strip()}: not headings 2–3 by style and TC fields alone")
    based = {s.get(W + "styleId"): s.find(W + "basedOn").get(W + "val")
             for s in styles.iter(W + "style") if s.find(W + "basedOn") is not None}
    for style, base in (("AnnexHeading", "Heading2"), ("Heading2Unlisted", "Heading2"),
                        ("Heading3Unlisted", "Heading3")):
        if based.get(style) != base:
            fail(f"no {style} style based on {base} (its outline level)")
    by_style = {"Heading2": 1, "Heading3": 2}
    cached, updated, annexes = [], [], 0
    for q in paras:
        if style_of(q) in ("TOC1", "TOC2") and q.find(W + "hyperlink") is not None:
            texts = [t.text or "" for t in q.find(W + "hyperlink").iter(W + "t")]
            cached.append((int(style_of(q)[3:]), letters("".join(texts[:-1]))))
            continue
        if style_of(q) in by_style:
            updated.append((by_style[style_of(q)], letters(para_text(q))))
        tcs = tc_entries(q)
        if style_of(q) == "AnnexHeading":
            annexes += 1
            if len(tcs) != 1:
                fail(f"annex heading {para_text(q)} with {len(tcs)} TC fields")
        updated += [(lvl, letters(t)) for lvl, t in tcs]
    if updated != cached:
        i = next((i for i, (a, b) in enumerate(zip(updated, cached)) if a != b),
                 min(len(updated), len(cached)))
        fail(f"an updated contents would differ from the cached one from entry {i + 1}: "
             f"{updated[i:i + 2]} for {cached[i:i + 2]}")
    print(f"ok contents update: {len(cached)} entries by heading style and TC field, "
          f"{annexes} annexes' entries whole")


def check_structure(path, html, pdf, expect_notes=""):
    p = parts(path)
    doc = xml(p, "word/document.xml")
    body = doc.find(W + "body")
    sects = [s for s in doc.iter(W + "sectPr")]
    # the grid: 22 lines of 28 characters on the portrait pages
    styles = xml(p, "word/styles.xml")
    size = None
    for s in styles.iter(W + "style"):
        if s.get(W + "styleId") == "Normal":
            size = int(s.find(f"{W}rPr/{W}sz").get(W + "val")) / 2
    portrait = [s for s in sects if s.find(W + "pgSz").get(W + "orient") != "landscape"]
    for s in portrait:
        sz, mar, grid = s.find(W + "pgSz"), s.find(W + "pgMar"), s.find(W + "docGrid")
        height = int(sz.get(W + "h")) - int(mar.get(W + "top")) - int(mar.get(W + "bottom"))
        width = (int(sz.get(W + "w")) - int(mar.get(W + "left")) - int(mar.get(W + "right"))) / 20
        pitch = int(grid.get(W + "linePitch"))
        cell = size + int(grid.get(W + "charSpace")) / 4096
        if (sz.get(W + "w"), sz.get(W + "h")) != ("11906", "16838"):
            fail(f"page {sz.get(W + 'w')} × {sz.get(W + 'h')} twips is not A4")
        if grid.get(W + "type") != "linesAndChars" or height // pitch != 22 or int(width // cell) != 28:
            fail(f"grid {grid.attrib}: {height // pitch} lines, {width / cell:.2f} characters")
    wide = re.search(r'<table class="[^"]*\b(sheet|landscape)\b', open(html, encoding="utf-8").read())
    if wide and not any(s.find(W + "pgSz").get(W + "orient") == "landscape" for s in sects):
        fail("no landscape section for the score sheet")
    check_table_widths(doc, pdf)
    # headings: styles with outline levels 0–3, used by the headings
    levels = {}
    for s in styles.iter(W + "style"):
        lvl = s.find(f"{W}pPr/{W}outlineLvl")
        if lvl is not None and int(lvl.get(W + "val")) < 9:  # 9: body text
            levels[s.get(W + "styleId")] = int(lvl.get(W + "val"))
    if levels != {f"Heading{k}": k - 1 for k in range(1, 5)}:
        fail(f"outline levels of the heading styles: {levels}")
    paras = list(body.iter(W + "p"))
    used = {style_of(q) for q in paras}
    # 版头 (GB/T 9704 §7.2.2): the issuing body's top 35 mm below the type
    # area's top, its em box centred in its grid line
    issuers = [q for q in paras if style_of(q) == "Issuer"]
    if issuers:
        before = issuers[0].find(f"{W}pPr/{W}spacing")
        em = 22 * 20  # 二号, twips
        want = round(35 / 25.4 * 1440) - (pitch - em) // 2
        got = int(before.get(W + "before")) if before is not None else 0
        if abs(got - want) > 2:
            fail(f"the issuing body {got} twips below the type area's top, not {want} (35 mm)")
    # an annex's heading as the PDF sets it (GB/T 9704 §8): "附件N" alone,
    # its title a paragraph of its own (AnnexTitle) — not "附件N：title"
    # run on as one heading that Word breaks where it likes
    run_on = [para_text(q) for q in paras if style_of(q).startswith("Heading") and
              re.match(r"附件[\d\-]*[：:　 ]\s*\S", para_text(q))]
    if run_on:
        fail(f"annex headings with their title run on: {run_on[:2]}")
    for a, b in zip(paras, paras[1:]):
        if style_of(b) == "AnnexTitle" and not (style_of(a) == "AnnexHeading" and
                                                re.fullmatch(r"附件[\d\-]*", para_text(a))):
            fail(f"annex title {para_text(b)[:20]} not under its 附件N heading")
    # the cover's fields without cell padding: the value as wide as its rule
    for tbl in body.iter(W + "tbl"):
        if cover_values(tbl):
            mar = tbl.find(f"{W}tblPr/{W}tblCellMar")
            sides = {e.tag[len(W):]: e.get(W + "w") for e in mar} if mar is not None else {}
            if sides.get("left") != "0" or sides.get("right") != "0":
                fail(f"cover fields' cell margins {sides}, not 0 left and right")
    page = open(html, encoding="utf-8").read()
    for k in (1, 2, 3):
        if f"<h{k}" in page and f"Heading{k}" not in used:
            fail(f"no paragraph in Heading{k}")
    # tables: header rows repeat, rowspans are vMerge runs, colspans gridSpans
    counts = HtmlCounts()
    counts.feed(open(html, encoding="utf-8").read())
    head_rows = sum(1 for tr in doc.iter(W + "tr") if tr.find(f"{W}trPr/{W}tblHeader") is not None)
    restarts = sum(1 for v in doc.iter(W + "vMerge") if v.get(W + "val") == "restart")
    continues = sum(1 for v in doc.iter(W + "vMerge") if v.get(W + "val") is None)
    spans = sum(1 for g in doc.iter(W + "gridSpan"))
    if head_rows != counts.head_rows or head_rows == 0:
        fail(f"{head_rows} rows marked tblHeader, the HTML has {counts.head_rows} thead rows")
    if restarts != counts.rowspans or (restarts and continues < restarts):
        fail(f"{restarts} vMerge restarts ({continues} continued), HTML rowspans {counts.rowspans}")
    if spans < counts.colspans:
        fail(f"{spans} gridSpans, HTML colspans {counts.colspans}")
    for tbl in doc.iter(W + "tbl"):
        widths = [int(c.get(W + "w")) for c in tbl.iter(W + "gridCol")]
        row_cells = [sum(span_of(tc) for tc in tr.findall(W + "tc")) for tr in tbl.findall(W + "tr")]
        if any(n != len(widths) for n in row_cells):
            fail(f"a table row spans {row_cells} of {len(widths)} grid columns")
    # figures right-aligned: every cell the HTML marks num
    # footers: odd right, even left, both a PAGE field; the cover none
    settings = xml(p, "word/settings.xml")
    if settings.find(W + "evenAndOddHeaders") is None:
        fail("settings: no evenAndOddHeaders")
    rels = {r.get("Id"): r.get("Target") for r in
            xml(p, "word/_rels/document.xml.rels").iter(PR + "Relationship")}
    cover = '<section class="cover">' in page
    if cover and sects[0].find(W + "footerReference") is not None:
        fail("the cover's section has a footer")
    for s in sects[1:] if cover else sects:
        kinds = {}
        for f in s.iter(W + "footerReference"):
            kinds[f.get(W + "type")] = "word/" + rels[f.get(R + "id")]
        if set(kinds) != {"default", "even"}:
            fail(f"a section's footers: {kinds}")
            continue
        for kind, jc in (("default", "right"), ("even", "left")):
            ftr = xml(p, kinds[kind])
            if ftr.find(f".//{W}jc").get(W + "val") != jc or \
                    "PAGE" not in "".join(t.text for t in ftr.iter(W + "instrText")) or \
                    "—" not in "".join(t.text for t in ftr.iter(W + "t")):
                fail(f"{kind} footer {kinds[kind]}: not — PAGE — at the {jc}")
    numbered = [s for s in sects if s.find(W + "pgNumType") is not None]
    if cover and (not numbered or numbered[0].find(W + "pgNumType").get(W + "start") != "1"):
        fail("numbering does not start at 1 after the cover")
    # footnotes: a reference per footnote, each note in footnotes.xml
    refs = [r.get(W + "id") for r in doc.iter(W + "footnoteReference")]
    notes = [n.get(W + "id") for n in xml(p, "word/footnotes.xml").iter(W + "footnote")
             if n.get(W + "type") is None]
    if len(refs) != counts.asides or sorted(refs) != sorted(notes) or \
            (expect_notes and not refs):
        fail(f"footnote references {refs}, notes {notes}, HTML asides {counts.asides}")
    # the contents: a TOC field; each entry's cached page number is the
    # page evalreport's PDF has the heading on
    instr = " ".join(t.text for t in doc.iter(W + "instrText"))
    toc = '<nav class="toc">' in page
    if toc and not re.search(r"\bTOC\b", instr):
        fail("no TOC field")
    if toc:
        check_toc_update(doc, styles, paras)
    entries = []
    for q in paras:
        if style_of(q).startswith("TOC"):
            link = q.find(W + "hyperlink")
            runs = [r for r in link.findall(W + "r")]
            texts = [t.text for r in runs for t in r.findall(W + "t")]
            entries.append(("".join(texts[:-1]), int(texts[-1])))
    # the headings' pages in evalreport's PDF: its bookmarks, in order
    pages = pdf_pages(pdf)
    marks = bookmarks(pdf)
    # after the contents' own title (the summary before it has headings too)
    at = next((i + 1 for i, m in enumerate(marks) if m[0] == "目录"), 0)
    wrong = []
    for text, cached in entries:
        found = None
        for i in range(at, len(marks)):
            if marks[i][0] == squeeze(text):
                found = marks[i][1] - 1
                at = i + 1
                break
        if found is None:
            wrong.append(f"{text}: no such bookmark in the PDF")
            continue
        if folio_of(pages[found]) != cached:
            wrong.append(f"{text}: cached {cached}, PDF page {folio_of(pages[found])}")
    if (toc and not entries) or wrong:
        fail(f"contents ({len(entries)} entries): " + "; ".join(wrong[:5]))
    # charts: native chart parts whose cached values are the figure's data,
    # with the workbook Word's "Edit Data" opens holding the same
    charts = sorted(n for n in p if re.fullmatch(r"word/charts/chart\d+\.xml", n))
    figures = page.count('<figure class="chart"')
    if len(charts) != figures:
        fail(f"{len(charts)} chart parts for {figures} figures")
    import io
    import openpyxl  # python3-openpyxl
    C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
    for n in charts:
        cached = [float(v.text) for v in xml(p, n).iter(C + "numCache") for v in v.iter(C + "v")]
        book = n.replace("charts/", "embeddings/").replace(".xml", ".xlsx")
        if book not in p:
            fail(f"{n}: no embedded workbook")
            continue
        sheet = openpyxl.load_workbook(io.BytesIO(p[book]))["Sheet1"]
        values = [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)]
        if not cached or values != cached:
            fail(f"{n}: cached {cached}, workbook {values}")
    print(f"ok structure: {len(charts)} charts, {len(sects)} sections, {head_rows} header rows, {restarts} vMerge runs, "
          f"{spans} gridSpans, {len(refs)} footnotes, {len(entries)} contents entries")


def check_office(path, lopdf, pdf):
    p = parts(path)
    doc = xml(p, "word/document.xml")
    body = doc.find(W + "body")
    # a paragraph may run over a page break: the page numbers between go
    text = letters("".join(re.sub(r"—\s*(\d+|[IVXLC]+)\s*—", "", pg) for pg in pdf_pages(lopdf)))
    missing = []
    count = 0
    # footnotes first: set at the foot of a page, they may split a paragraph
    text = re.sub("[\u2460-\u24ff]", "", text)
    for n in xml(p, "word/footnotes.xml").iter(W + "footnote"):
        t = re.sub("[\u2460-\u24ff]", "", letters(para_text(n)))
        if t:
            count += 1
            if t not in text:
                missing.append(t[:30])
            text = text.replace(t, "", 1)
    for q in body.findall(W + "p"):
        t = re.sub("[\u2460-\u24ff]", "", letters(para_text(q)))
        if not t or style_of(q).startswith("TOC"):
            continue
        count += 1
        if t not in text:
            missing.append(t[:30])
    if missing:
        fail(f"LibreOffice's PDF lacks {len(missing)} of {count} paragraphs: {missing[:3]}")
    ours = len(pdf_pages(pdf)) - 1
    lo_pages = pdf_pages(lopdf)[:-1]
    theirs = len(lo_pages)
    if abs(theirs - ours) > 0.10 * ours:
        fail(f"LibreOffice sets {theirs} pages, evalreport's PDF {ours}")
    # the front matter in Roman numerals from I (when the profile numbers
    # it), then the body from 1, running on through every section
    folios = [folio_of(pg) for pg in lo_pages]
    first = next((i for i, f in enumerate(folios) if f is not None), 0)
    start = next((i for i, f in enumerate(folios) if isinstance(f, int)), first)
    want = [("roman", i - first + 1) for i in range(first, start)] + \
        [i - start + 1 for i in range(start, len(folios))]
    wrong = [(i + 1, f, w) for i, (f, w) in enumerate(zip(folios[first:], want), first) if f != w]
    if wrong:
        fail(f"LibreOffice's page numbers are not I… then 1…: (page, number, wanted) {wrong[:4]}")
    marks = bookmarks(lopdf)
    titles = [t for t, _ in marks]
    heads = [squeeze(para_text(q)) for q in body.findall(W + "p")
             if style_of(q).startswith("Heading") or style_of(q) == "AnnexHeading"]
    absent = [h for h in heads if h and h not in titles]
    if absent:
        fail(f"{len(absent)} headings are not bookmarks: {absent[:3]}")
    # the layout follows evalreport's: every heading on the PDF's page, the
    # one before or the one after (the body's lines are the PDF's, line for
    # line; the PDF's long tables run longer, with 续表 lines and merged
    # cells set again on each page, which Word has no way to draw)
    # (a title may come twice, in the summary and in the body, and the
    # cover's is a bookmark in LibreOffice's only: paired from the end)
    theirs_at = {}
    for t, pg in marks:
        theirs_at.setdefault(t, []).append(pg)
    pairs = []
    for t, pg in reversed(bookmarks(pdf)):
        if theirs_at.get(t):
            pairs.append((t, pg, theirs_at[t].pop()))
    drift = [x for x in pairs if x[1] and x[2] and abs(x[2] - x[1]) > 1]
    if drift:
        fail(f"{len(drift)} headings more than a page away from evalreport's PDF "
             f"(heading, PDF page, LibreOffice page): {drift[:3]}")
    same = sum(1 for _, a, b in pairs if a == b)
    titled, multi = check_title_lines(body, lopdf, pdf)
    print(f"ok office: {count} paragraphs found, {theirs} pages (evalreport {ours}), "
          f"{len(heads)} headings as bookmarks, {same} on the same page as in evalreport's PDF, "
          f"{titled} titles, captions and contents entries on evalreport's lines "
          f"({multi} of more than one)")


def splits(lines, text):
    """Every way consecutive lines of `lines` make up `text` exactly, as
    tuples of lines."""
    found = set()
    for i, first in enumerate(lines):
        if not first or not text.startswith(first):
            continue
        got, k = [], i
        while k < len(lines) and len("".join(got)) < len(text):
            got.append(lines[k])
            k += 1
        if "".join(got) == text:
            found.add(tuple(got))
    return found


def cover_values(body):
    """The value paragraphs of the cover's fields (项目名称 …): the rows
    whose label is spread over its cell (jc distribute)."""
    out = []
    for row in body.iter(W + "tr"):
        cells = row.findall(W + "tc")
        jc = cells[0].find(f"{W}p/{W}pPr/{W}jc") if len(cells) == 2 else None
        if jc is not None and jc.get(W + "val") == "distribute":
            out.extend(cells[1].findall(W + "p"))
    return out


def check_title_lines(body, lopdf, pdf):
    """Balanced titles (Heading1: the report's title, the cover's; an
    annex's title and its 附件N line), table captions, the cover's field
    values and the body's 附件 list take the lines evalreport's PDF gives them, in
    LibreOffice's PDF of the DOCX too: the same words on each line, not a
    full line and a stub, nor a last character wrapped."""
    def pdf_lines(path):
        return [letters(l) for pg in pdf_pages(path) for l in pg.split("\n") if letters(l)]
    ours, theirs = pdf_lines(pdf), pdf_lines(lopdf)
    compared = multi = 0
    wrong = []
    paras = list(body.iter(W + "p"))
    annex_labels = {id(a) for a, b in zip(paras, paras[1:]) if style_of(b) == "AnnexTitle"}
    values = {id(q) for q in cover_values(body)}
    # the body's 附件 list (GB/T 9704 §7.3.4), hanging after 附件1： or 附件：
    listed = {id(q) for q in paras if q.find(f"{W}pPr/{W}ind") is not None and
              q.find(f"{W}pPr/{W}ind").get(W + "hangingChars") and
              re.match(r"附件\d*：", para_text(q))}
    for q in paras:
        if style_of(q) not in ("Heading1", "Caption", "AnnexTitle") and \
                id(q) not in annex_labels and id(q) not in values and id(q) not in listed:
            continue
        t = letters(para_text(q))
        want = splits(ours, t)
        if not t or not want:
            continue  # not on a line of its own in evalreport's PDF
        compared += 1
        got = splits(theirs, t)
        multi += any(len(w) > 1 for w in want)
        if not got or not got <= want:
            wrong.append((t[:20], sorted(want)[0], sorted(got)[:1]))
    # the contents' entries, broken between words where the PDF's contents
    # breaks them: on the contents' pages (from 目录 while the folios are
    # Roman: the body's 附件 list holds the same names), their page
    # numbers at the end of a last line left out
    def entry_lines(path):
        pages = pdf_pages(path)
        at = next((i for i, pg in enumerate(pages) if "目录" in map(letters, pg.split("\n"))), None)
        out = []
        for pg in pages[at:] if at is not None else []:
            if not isinstance(folio_of(pg), tuple):
                break
            out += [re.sub(r"\d+$", "", letters(l)) for l in pg.split("\n") if letters(l)]
        return [l for l in out if l]
    ours_e, theirs_e = entry_lines(pdf), entry_lines(lopdf)
    for q in paras:
        if not style_of(q).startswith("TOC") or q.find(W + "hyperlink") is None:
            continue
        texts = [t.text or "" for t in q.find(W + "hyperlink").iter(W + "t")]
        t = letters("".join(texts[:-1]))
        want = splits(ours_e, t)
        if not t or not want:
            continue
        compared += 1
        got = splits(theirs_e, t)
        multi += any(len(w) > 1 for w in want)
        if not got or not got <= want:
            wrong.append((t[:20], sorted(want)[0], sorted(got)[:1]))
    if wrong:
        fail(f"{len(wrong)} titles, captions or contents entries set on other lines than in "
             f"evalreport's PDF (text, evalreport's lines, LibreOffice's): {wrong[:2]}")
    return compared, multi


def check_draft(path):
    p = parts(path)
    headers = [n for n in p if n.startswith("word/header")]
    if not headers or "草稿" not in p[headers[0]].decode():
        fail("draft: no 草稿 watermark header")
    doc = xml(p, "word/document.xml")
    for s in doc.iter(W + "sectPr"):
        if s.find(W + "headerReference") is None:
            fail("draft: a section without the watermark header")
    print("ok draft: 草稿 on every section")


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    {"package": check_package, "structure": check_structure, "office": check_office,
     "draft": check_draft}[mode](*args)
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
