"""Structure of an OFD package (GB/T 33190-2016), with the standard library only.

    ofd_check.py FILE.ofd [--date YYYY-MM-DD] [--pages N] [--landscape I,J,…]

Checks that every XML part is well-formed, in the OFD namespace and uses the
standard's element names; that OFD.xml has the document information (DocID,
title, author, creation date) and a DocRoot that exists; that Document.xml's
pages, public resources and font files exist; that every unit ID is unique
and MaxUnitID is the largest; that every Font and outline PageID reference
resolves; that each TextCode's DeltaX and CGTransform fit its text and every
glyph id is in its font file; that each page's size is given (its own
PageArea for a landscape page). Prints one line a finding; exit 1 on any.
With --text, prints each page's text (its TextCodes in order) as JSON."""
import json
import re
import struct
import sys
import posixpath
import zipfile
import xml.etree.ElementTree as ET

NS = "http://www.ofdspec.org/2016"
# the elements of the standard this writer may use
KNOWN = {
    "OFD", "DocBody", "DocInfo", "DocID", "Title", "Author", "Subject", "Abstract",
    "CreationDate", "ModDate", "Keywords", "Keyword", "Creator", "CreatorVersion", "DocRoot",
    "Document", "CommonData", "MaxUnitID", "PageArea", "PhysicalBox", "ApplicationBox",
    "PublicRes", "DocumentRes", "Pages", "Page", "Outlines", "OutlineElem", "Actions", "Action",
    "Goto", "Dest", "Res", "Fonts", "Font", "FontFile", "Area", "Content", "Layer",
    "TextObject", "FillColor", "StrokeColor", "CGTransform", "Glyphs", "TextCode",
    "PathObject", "AbbreviatedData",
}

problems = []


def bad(msg):
    problems.append(msg)
    print("FAIL: " + msg)


def q(name):
    return "{%s}%s" % (NS, name)


def glyph_count(font):
    """numGlyphs from the font file's maxp table."""
    if len(font) < 12:
        return None
    n = struct.unpack(">H", font[4:6])[0]
    for i in range(n):
        tag, _, off, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        if tag == b"maxp":
            return struct.unpack(">H", font[off + 4:off + 6])[0]
    return None


def box(text):
    v = [float(x) for x in text.split()]
    if len(v) != 4:
        raise ValueError(text)
    return v


def main():
    args = sys.argv[1:]
    path = args[0]
    want_date = args[args.index("--date") + 1] if "--date" in args else None
    want_pages = int(args[args.index("--pages") + 1]) if "--pages" in args else None
    landscape = set()
    if "--landscape" in args:
        landscape = {int(x) for x in args[args.index("--landscape") + 1].split(",") if x}
    z = zipfile.ZipFile(path)
    names = set(z.namelist())
    trees = {}
    for name in sorted(names):
        if not name.endswith(".xml"):
            continue
        try:
            root = ET.fromstring(z.read(name))
        except ET.ParseError as e:
            bad("%s: not well-formed XML: %s" % (name, e))
            continue
        trees[name] = root
        for el in root.iter():
            m = re.match(r"\{(.*)\}(.*)", el.tag)
            if not m or m.group(1) != NS:
                bad("%s: element %s outside the OFD namespace" % (name, el.tag))
            elif m.group(2) not in KNOWN:
                bad("%s: element ofd:%s is not one of the standard's" % (name, m.group(2)))
    if "OFD.xml" not in trees:
        bad("no OFD.xml")
        return
    ofd = trees["OFD.xml"]
    if ofd.tag != q("OFD") or ofd.get("Version") != "1.0" or ofd.get("DocType") != "OFD":
        bad("OFD.xml: root is not ofd:OFD Version=1.0 DocType=OFD")
    info = ofd.find(q("DocBody") + "/" + q("DocInfo"))
    if info is None:
        bad("OFD.xml: no DocInfo")
        return
    docid = info.findtext(q("DocID")) or ""
    if not re.fullmatch(r"[0-9a-f]{32}", docid):
        bad("DocID %r is not 32 hex digits" % docid)
    for field in ("Title", "Author", "CreationDate"):
        if not (info.findtext(q(field)) or "").strip():
            bad("DocInfo has no %s" % field)
    if want_date and info.findtext(q("CreationDate")) != want_date:
        bad("CreationDate %s, not %s" % (info.findtext(q("CreationDate")), want_date))
    docroot = ofd.findtext(q("DocBody") + "/" + q("DocRoot"))
    if docroot not in trees:
        bad("DocRoot %r is not a part" % docroot)
        return
    base = posixpath.dirname(docroot)
    doc = trees[docroot]
    common = doc.find(q("CommonData"))
    max_id = int(common.findtext(q("MaxUnitID")))
    default_box = box(common.findtext(q("PageArea") + "/" + q("PhysicalBox")))
    # resources: fonts and their files
    fonts = {}
    for res_name in [e.text for e in common.findall(q("PublicRes"))] + \
            [e.text for e in common.findall(q("DocumentRes"))]:
        part = posixpath.join(base, res_name)
        if part not in trees:
            bad("resource part %s missing" % part)
            continue
        res = trees[part]
        res_base = posixpath.join(posixpath.dirname(part), res.get("BaseLoc", ""))
        for font in res.iter(q("Font")):
            file = posixpath.normpath(posixpath.join(res_base, font.findtext(q("FontFile"))))
            if file not in names:
                bad("font %s: file %s missing" % (font.get("ID"), file))
                continue
            fonts[font.get("ID")] = glyph_count(z.read(file))
            if not fonts[font.get("ID")]:
                bad("font file %s has no maxp table" % file)
    # unit IDs over every part
    ids = []
    for name, root in trees.items():
        ids += [int(el.get("ID")) for el in root.iter() if el.get("ID") is not None]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        bad("unit IDs not unique: %s" % dup)
    if ids and max(ids) != max_id:
        bad("MaxUnitID %d, but the largest ID is %d" % (max_id, max(ids)))
    # pages
    pages = doc.findall(q("Pages") + "/" + q("Page"))
    page_ids = {p.get("ID") for p in pages}
    if want_pages is not None and len(pages) != want_pages:
        bad("%d pages, the PDF has %d" % (len(pages), want_pages))
    texts = []
    for n, p in enumerate(pages):
        part = posixpath.join(base, p.get("BaseLoc"))
        if part not in trees:
            bad("page %d: %s missing" % (n, part))
            texts.append("")
            continue
        page = trees[part]
        area = page.findtext(q("Area") + "/" + q("PhysicalBox"))
        size = box(area) if area else default_box
        if (n in landscape) != (size[2] > size[3]):
            bad("page %d is %gx%g mm" % (n, size[2], size[3]))
        text = []
        for obj in page.iter(q("TextObject")):
            if obj.get("Font") not in fonts:
                bad("page %d: TextObject %s uses Font %s, not a resource" %
                    (n, obj.get("ID"), obj.get("Font")))
                continue
            box(obj.get("Boundary"))
            codes = obj.findall(q("TextCode"))
            for cg in obj.findall(q("CGTransform")):
                glyphs = [int(g) for g in cg.findtext(q("Glyphs")).split()]
                chars = len(codes[0].text or "") if codes else 0
                if int(cg.get("GlyphCount")) != len(glyphs) or \
                        int(cg.get("CodePosition")) + int(cg.get("CodeCount")) > chars:
                    bad("page %d: CGTransform of %s does not fit its text" % (n, obj.get("ID")))
                if glyphs and max(glyphs) >= fonts[obj.get("Font")]:
                    bad("page %d: glyph %d past the font's %d" %
                        (n, max(glyphs), fonts[obj.get("Font")]))
            for code in codes:
                t = code.text or ""
                delta = (code.get("DeltaX") or "").split()
                if len(delta) != max(len(t) - 1, 0):
                    bad("page %d: %d DeltaX for %d characters in %r" % (n, len(delta), len(t), t))
                float(code.get("X"))
                float(code.get("Y"))
                text.append(t)
        for obj in page.iter(q("PathObject")):
            box(obj.get("Boundary"))
            data = obj.findtext(q("AbbreviatedData")) or ""
            if not re.fullmatch(r"(\s*([MLBC])(\s+-?[0-9.]+)*)+\s*", data):
                bad("page %d: path %s: bad AbbreviatedData %r" % (n, obj.get("ID"), data[:60]))
        texts.append("".join(text))
    for dest in doc.iter(q("Dest")):
        if dest.get("PageID") not in page_ids:
            bad("outline goes to PageID %s, not a page" % dest.get("PageID"))
    if "--text" in args:
        print(json.dumps(texts, ensure_ascii=False))
    else:
        print("%s: %d parts, %d pages, %d fonts, %d unit IDs, MaxUnitID %d, %d bookmarks" %
              (path, len(names), len(pages), len(fonts), len(ids), max_id,
               len(list(doc.iter(q("OutlineElem"))))))


main()
sys.exit(1 if problems else 0)
