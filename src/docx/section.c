/* Pages: the A4 page of the style profile in twips, with the document
 * grid that gives its lines × characters (22 × 28 on GB/T 9704) — Word
 * sets lines linePitch twips apart and characters at the body size plus
 * charSpace/4096 pt — the landscape page of wide tables (the portrait
 * page turned, its binding margin on top, as the PDF turns it), each
 * section's properties, and the footers: "— N —" in 四号, odd pages right
 * and even pages left, one character in; the cover's section has none. */
#include "docx/docxw.h"

#include <math.h>
#include <stdio.h>

long er_docx_twips(er_length l) { return lround((double)l.pt.units / ER_DEC_SCALE * 20.0); }

er_dx_page er_docx_page(const er_style *s, bool landscape) {
  er_dx_page p = {er_docx_twips(s->page_width),
                  er_docx_twips(s->page_height),
                  er_docx_twips(s->margin_top),
                  er_docx_twips(s->margin_right),
                  er_docx_twips(s->margin_bottom),
                  er_docx_twips(s->margin_left),
                  0,
                  0,
                  0,
                  0};
  long block_w = p.width - p.left - p.right, block_h = p.height - p.top - p.bottom;
  double pitch = (double)er_docx_twips(s->line_pitch);
  double size = (double)s->fonts[ER_ROLE_BODY].size.pt.units / ER_DEC_SCALE; /* pt */
  long lines = pitch > 0 ? lround(block_h / pitch) : 1, chars = lround(block_w / 20.0 / size);
  if (lines < 1)
    lines = 1;
  if (chars < 1)
    chars = 1;
  /* rounded down, so that exactly `lines` lines and `chars` characters fit */
  p.line_pitch = block_h / lines;
  p.char_space = (long)floor((block_w / 20.0 / (double)chars - size) * 4096.0);
  /* a twentieth of a point more than the cell asks: with the exact figure
   * LibreOffice sets 27 characters where a line of 28 ends in punctuation,
   * and its lines are no longer the PDF's */
  p.compress =
      p.char_space < 0 ? (long)floor((block_w / 20.0 / (double)chars - size) * 20.0) - 1 : 0;
  p.cell = block_w / chars;
  if (landscape) {
    er_dx_page q = p;
    q.width = p.height;
    q.height = p.width;
    /* as the PDF turns it: the sheet a quarter clockwise, its binding
     * edge on top and its foot at the left (GB/T 9704 §10.1) */
    q.top = p.left;
    q.left = p.bottom;
    q.right = p.top;
    q.bottom = p.right;
    p = q;
  }
  return p;
}

static void footer_ref(er_docxw *w, const char *type, int rel) {
  er_xml_open(&w->x, "w:footerReference");
  er_xml_attr(&w->x, "w:type", type);
  er_xml_attrf(&w->x, "r:id", "rId%d", rel);
  er_xml_close(&w->x);
}

void er_docx_sect(er_docxw *w, bool last) {
  const er_dx_page *p = w->landscape_on ? &w->landscape : &w->portrait;
  bool cover = w->in_cover;
  er_xml *x = &w->x;
  er_xml_open(x, "w:sectPr");
  if (w->header_rel) { /* the watermark, on every page */
    static const char *const types[] = {"default", "even", "first"};
    for (int i = 0; i < 3; i++) {
      er_xml_open(x, "w:headerReference");
      er_xml_attr(x, "w:type", types[i]);
      er_xml_attrf(x, "r:id", "rId%d", w->header_rel);
      er_xml_close(x);
    }
  }
  /* front matter in Roman numerals or unnumbered, as the profile says; the
   * first section has nothing to inherit footers from */
  bool numbered = !cover && !(w->in_front && w->style->front_matter == ER_FRONT_NONE);
  if (numbered) {
    footer_ref(w, "default", w->footer_odd);
    footer_ref(w, "even", w->footer_even);
  }
  er_xml_open(x, "w:pgSz");
  er_xml_attri(x, "w:w", p->width);
  er_xml_attri(x, "w:h", p->height);
  if (w->landscape_on)
    er_xml_attr(x, "w:orient", "landscape");
  er_xml_close(x);
  er_xml_open(x, "w:pgMar");
  er_xml_attri(x, "w:top", p->top);
  er_xml_attri(x, "w:right", p->right);
  er_xml_attri(x, "w:bottom", p->bottom);
  er_xml_attri(x, "w:left", p->left);
  /* the footer's baseline 7 mm below the text block, as GB/T 9704 has it */
  er_xml_attr(x, "w:header", "851");
  er_xml_attri(x, "w:footer", p->bottom > 397 + 200 ? p->bottom - 397 : 200);
  er_xml_attr(x, "w:gutter", "0");
  er_xml_close(x);
  if (numbered && (w->restart || w->in_front)) {
    er_xml_open(x, "w:pgNumType");
    if (w->in_front)
      er_xml_attr(x, "w:fmt", "upperRoman");
    if (w->restart)
      er_xml_attr(x, "w:start", "1");
    er_xml_close(x);
  }
  er_xml_open(x, "w:docGrid");
  er_xml_attr(x, "w:type", w->landscape_on ? "lines" : "linesAndChars");
  er_xml_attri(x, "w:linePitch", p->line_pitch);
  if (!w->landscape_on)
    er_xml_attri(x, "w:charSpace", p->char_space);
  er_xml_close(x);
  er_xml_close(x);
  (void)last;
  w->sections++;
  w->restart = cover; /* numbered from the page after the cover */
}

/* One footer: — PAGE — at the side of the page away from the binding. */
static int footer(er_docxw *w, const char *name, bool odd) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "w:ftr");
  er_xml_attr(&x, "xmlns:w", ER_DX_W);
  er_xml_attr(&x, "xmlns:r", ER_DX_R);
  er_xml_open(&x, "w:p");
  er_xml_open(&x, "w:pPr");
  er_dx_empty(&x, "w:pStyle", "Footer");
  er_xml_open(&x, "w:ind");
  /* one body character in */
  er_xml_attri(&x, odd ? "w:right" : "w:left", w->size[ER_ROLE_BODY] * 10);
  er_xml_close(&x);
  er_dx_empty(&x, "w:jc", odd ? "right" : "left");
  er_xml_close(&x);
  static const char *const parts[] = {"— ", NULL, " —"};
  for (int i = 0; i < 3; i++) {
    if (parts[i]) {
      er_xml_open(&x, "w:r");
      er_dx_t(&x, parts[i]);
      er_xml_close(&x);
      continue;
    }
    static const char *const fld[] = {"begin", NULL, "separate", "1", "end"};
    for (int k = 0; k < 5; k++) {
      er_xml_open(&x, "w:r");
      if (k == 1) {
        er_xml_open(&x, "w:instrText");
        er_xml_attr(&x, "xml:space", "preserve");
        er_xml_chars(&x, " PAGE ");
        er_xml_close(&x);
      } else if (k == 3) {
        er_dx_t(&x, fld[k]);
      } else {
        er_xml_open(&x, "w:fldChar");
        er_xml_attr(&x, "w:fldCharType", fld[k]);
        er_xml_close(&x);
      }
      er_xml_close(&x);
    }
  }
  er_xml_close(&x); /* p */
  er_xml_close(&x); /* ftr */
  char part[64];
  snprintf(part, sizeof part, "word/%s", name);
  er_package_add(&w->pkg, part, ER_CT "wordprocessingml.footer+xml", &x);
  return er_package_rel(&w->pkg, name, ER_REL "footer");
}

/* 草稿 across the page, light grey, behind the text: a VML text path in
 * the header, as Word's own watermarks are. */
static int watermark(er_docxw *w) {
  er_xml x;
  er_xml_begin(&x, true);
  er_xml_open(&x, "w:hdr");
  er_xml_attr(&x, "xmlns:w", ER_DX_W);
  er_xml_attr(&x, "xmlns:r", ER_DX_R);
  er_xml_attr(&x, "xmlns:v", "urn:schemas-microsoft-com:vml");
  er_xml_attr(&x, "xmlns:o", "urn:schemas-microsoft-com:office:office");
  er_xml_open(&x, "w:p");
  er_xml_open(&x, "w:pPr");
  er_dx_empty(&x, "w:pStyle", "Header");
  er_xml_close(&x);
  er_xml_open(&x, "w:r");
  er_xml_open(&x, "w:pict");
  er_xml_open(&x, "v:shape");
  er_xml_attr(&x, "id", "ErDraftWatermark");
  er_xml_attr(&x, "o:spid", "_x0000_s1025");
  er_xml_attr(&x, "type", "#_x0000_t136");
  er_xml_attr(&x, "style",
              "position:absolute;margin-left:0;margin-top:0;width:400pt;height:200pt;"
              "rotation:315;z-index:-251657216;mso-position-horizontal:center;"
              "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
              "mso-position-vertical-relative:margin");
  er_xml_attr(&x, "fillcolor", "#d9d9d9");
  er_xml_attr(&x, "stroked", "f");
  er_xml_open(&x, "v:fill");
  er_xml_attr(&x, "opacity", ".5");
  er_xml_close(&x);
  er_xml_open(&x, "v:textpath");
  er_xml_attr(&x, "style", "font-family:\"黑体\";font-size:150pt");
  er_xml_attr(&x, "string", "草稿");
  er_xml_close(&x);
  er_xml_close(&x); /* shape */
  er_xml_close(&x); /* pict */
  er_xml_close(&x); /* r */
  er_xml_close(&x); /* p */
  er_xml_close(&x); /* hdr */
  er_package_add(&w->pkg, "word/header1.xml", ER_CT "wordprocessingml.header+xml", &x);
  return er_package_rel(&w->pkg, "header1.xml", ER_REL "header");
}

void er_docx_footers(er_docxw *w) {
  w->footer_odd = footer(w, "footer1.xml", true);
  w->footer_even = footer(w, "footer2.xml", false);
  if (w->draft)
    w->header_rel = watermark(w);
}
