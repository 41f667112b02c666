/* `render --format ofd` (ofd.h): the pages laid out as for the PDF, then
 * the package — the fonts subset on threads while nothing else waits on
 * them, a Content.xml a page (deflated on a thread as the next is
 * written), the public resources naming the font files,
 * Document.xml with the page list and the outline, and OFD.xml with the
 * document information. Unit IDs are given in that order, from 1: the
 * fonts, then each page, its layer and its objects; MaxUnitID is the last
 * one given. */
#include "ofd/ofd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "ofd/ofdw.h"
#include "pdf/pdfmeta.h"
#include "pdf/usedchars.h"
#include "zip/deflater.h"

#define MAX_LEVELS 8
#define NO_POS ((er_pos){0, 0})

static void box_element(er_xml *x, const char *name, double w, double h) {
  er_numbers n = {0};
  er_numbers_add(&n, 0);
  er_numbers_add(&n, 0);
  er_numbers_add(&n, er_ofd_mm(w));
  er_numbers_add(&n, er_ofd_mm(h));
  er_ox_element(x, name, n.s);
  er_numbers_free(&n);
}

/* The paper of most pages: the first upright one's. */
static const er_page_style *default_paper(const er_pages *pages) {
  for (size_t p = 0; p < pages->npages; p++)
    if (!er_page_turned(&pages->pages[p]))
      return &pages->pages[p].style;
  return pages->npages ? &pages->pages[0].style : &pages->style;
}

/* Bookmarks nested by level, each going to the top of its heading. */
static void outlines(er_xml *x, const er_pages *pages, const unsigned *page_ids) {
  if (pages->noutlines == 0)
    return;
  er_xml_open(x, "ofd:Outlines");
  int depth = 0; /* OutlineElem open */
  for (size_t i = 0; i < pages->noutlines; i++) {
    const er_outline *o = &pages->outlines[i];
    if (o->page >= pages->npages)
      continue;
    int level = o->level < 1 ? 1 : o->level > MAX_LEVELS ? MAX_LEVELS : o->level;
    /* a level below one that is missing hangs from the nearest above */
    int at = level - 1 < depth ? level - 1 : depth;
    for (; depth > at; depth--)
      er_xml_close(x);
    er_xml_open(x, "ofd:OutlineElem");
    er_xml_attr(x, "Title", o->title);
    if (level > 1)
      er_xml_attr(x, "Expanded", "false");
    er_xml_open(x, "ofd:Actions");
    er_xml_open(x, "ofd:Action");
    er_xml_attr(x, "Event", "CLICK");
    er_xml_open(x, "ofd:Goto");
    er_xml_open(x, "ofd:Dest");
    er_xml_attr(x, "Type", "XYZ");
    er_ox_attr_id(x, "PageID", page_ids[o->page]);
    er_xml_attr(x, "Left", "0");
    er_ox_attr_mm(x, "Top", er_ofd_mm(o->y));
    er_xml_close(x);
    er_xml_close(x);
    er_xml_close(x);
    er_xml_close(x);
    depth++;
  }
  for (; depth > 0; depth--)
    er_xml_close(x);
  er_xml_close(x);
}

static void document(er_ofd_package *pkg, const er_pages *pages, const unsigned *page_ids,
                     unsigned max_id) {
  er_xml x;
  er_ox_begin(&x, "ofd:Document");
  er_xml_open(&x, "ofd:CommonData");
  char id[16];
  snprintf(id, sizeof id, "%u", max_id);
  er_ox_element(&x, "ofd:MaxUnitID", id);
  const er_page_style *paper = default_paper(pages);
  er_xml_open(&x, "ofd:PageArea");
  box_element(&x, "ofd:PhysicalBox", paper->width, paper->height);
  er_xml_close(&x);
  er_ox_element(&x, "ofd:PublicRes", "PublicRes.xml");
  er_xml_close(&x);
  er_xml_open(&x, "ofd:Pages");
  for (size_t p = 0; p < pages->npages; p++) {
    char loc[64];
    snprintf(loc, sizeof loc, "Pages/Page_%zu/Content.xml", p);
    er_xml_open(&x, "ofd:Page");
    er_ox_attr_id(&x, "ID", page_ids[p]);
    er_xml_attr(&x, "BaseLoc", loc);
    er_xml_close(&x);
  }
  er_xml_close(&x);
  outlines(&x, pages, page_ids);
  er_xml_close(&x);
  er_ofd_package_add_xml(pkg, "Doc_0/Document.xml", &x);
}

/* OFD.xml: the document information and where the document is. The
 * DocID is a digest of the pages and the information, so that the same
 * report has the same ID. */
static void entry(er_ofd_package *pkg, const er_pdf_info *info, er_pdf_digest *h) {
  er_xml x;
  er_ox_begin(&x, "ofd:OFD");
  er_xml_attr(&x, "Version", "1.0");
  er_xml_attr(&x, "DocType", "OFD");
  er_xml_open(&x, "ofd:DocBody");
  er_xml_open(&x, "ofd:DocInfo");
  const char *text[] = {info->title, info->author, info->subject, info->keywords};
  for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
    if (text[i])
      er_pdf_digest_add(h, text[i], strlen(text[i]) + 1);
  er_pdf_digest_add(h, &info->created, sizeof info->created);
  char docid[33];
  snprintf(docid, sizeof docid, "%016llx%016llx", (unsigned long long)h->a,
           (unsigned long long)h->b);
  er_ox_element(&x, "ofd:DocID", docid);
  if (info->title && info->title[0])
    er_ox_element(&x, "ofd:Title", info->title);
  if (info->author && info->author[0])
    er_ox_element(&x, "ofd:Author", info->author);
  if (info->subject && info->subject[0])
    er_ox_element(&x, "ofd:Subject", info->subject);
  char date[16] = "";
  time_t t = (time_t)info->created;
  struct tm tm;
  if (info->created >= 0 && gmtime_r(&t, &tm))
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
  if (date[0]) {
    er_ox_element(&x, "ofd:CreationDate", date);
    er_ox_element(&x, "ofd:ModDate", date);
  }
  if (info->keywords && info->keywords[0]) {
    er_xml_open(&x, "ofd:Keywords");
    /* the PDF's keywords are one string, comma separated */
    char *words = strdup(info->keywords), *save = NULL;
    if (!words)
      abort();
    for (char *w = strtok_r(words, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
      while (*w == ' ')
        w++;
      if (*w)
        er_ox_element(&x, "ofd:Keyword", w);
    }
    free(words);
    er_xml_close(&x);
  }
  er_ox_element(&x, "ofd:Creator", info->creator ? info->creator : "evalreport");
  er_xml_close(&x);
  er_ox_element(&x, "ofd:DocRoot", "Doc_0/Document.xml");
  er_xml_close(&x);
  er_xml_close(&x);
  er_ofd_package_add_xml(pkg, "OFD.xml", &x);
}

static void public_res(er_ofd_package *pkg, const er_ofd_font *fonts, size_t n) {
  er_xml x;
  er_ox_begin(&x, "ofd:Res");
  er_xml_attr(&x, "BaseLoc", "Res");
  er_ofd_fonts_res(&x, fonts, n);
  er_ofd_package_add_xml(pkg, "Doc_0/PublicRes.xml", &x);
}

/* A page's part into the DocID's digest: its CRC-32 (which deflating
 * it computed) and length; not every byte again. */
static void digest_page(er_pdf_digest *h, const er_ofd_part *page) {
  uint32_t crc = page->deflated.data ? (uint32_t)page->deflated.crc
                                     : (uint32_t)crc32(0L, page->data, (uInt)page->len);
  uint64_t len = page->len;
  er_pdf_digest_add(h, &crc, sizeof crc);
  er_pdf_digest_add(h, &len, sizeof len);
}

/* The pages' streams from `packer` (NULL: none) into the first `npages`
 * parts of `res`; where zlib failed, the zip deflates them. */
static void take_deflated(er_deflater *packer, er_ofd_package *res, size_t npages) {
  er_zip_deflated *streams = NULL;
  size_t n = 0;
  if (!packer || !er_deflater_finish_parts(packer, &streams, &n))
    return;
  for (size_t i = 0; i < n; i++)
    if (i < npages && i < res->nparts)
      res->parts[i].deflated = streams[i];
    else
      free(streams[i].data);
  free(streams);
}

bool er_ofd_write_pages(const er_pages *pages, er_fontset *fs, const er_pdf_info *info,
                        const char *path, er_diag *d) {
  size_t nfaces = er_fontset_face_count(fs);
  hb_set_t **used = er_used_characters(pages, nfaces);
  er_ofd_font *fonts = calloc(nfaces ? nfaces : 1, sizeof *fonts);
  unsigned *page_ids = calloc(pages->npages ? pages->npages : 1, sizeof *page_ids);
  if (!fonts || !page_ids)
    abort();
  er_ofd_package pkg = {0}, res = {0};
  unsigned next_id = 1;
  er_ofd_fonts_start(fonts, nfaces, fs, used);
  er_ofd_fonts_mapped(fonts, nfaces, &next_id);
  bool ok = true;
  er_pdf_digest h;
  er_pdf_digest_init(&h);
  er_page_view view = {0};
  er_deflater *packer = er_deflater_start(ER_OFD_DEFLATE_LEVEL); /* or NULL: the zip deflates */
  for (size_t p = 0; p < pages->npages && ok; p++) {
    const er_page *page = er_pages_view(pages, p, &view);
    if (!page) {
      er_error(d, NO_POS, "ofd",
               "暂存页面的临时文件写入或读回失败（临时目录空间不足？），未生成：%s", path);
      ok = false;
      break;
    }
    page_ids[p] = next_id++;
    er_xml x;
    er_ofd_page(&x, page, fonts, nfaces, &next_id);
    char name[64];
    snprintf(name, sizeof name, "Doc_0/Pages/Page_%zu/Content.xml", p);
    er_ofd_package_add_xml(&res, name, &x);
    const er_ofd_part *part = &res.parts[res.nparts - 1];
    if (packer) {
      er_deflater_feed_kept(packer, part->data, part->len); /* freed after the zip */
      er_deflater_end_part(packer);
    }
  }
  er_page_view_free(&view);
  take_deflated(packer, &res, ok ? pages->npages : 0);
  for (size_t p = 0; ok && p < pages->npages; p++)
    digest_page(&h, &res.parts[p]);
  ok = er_ofd_fonts_finish(fonts, nfaces, &res, d) && ok; /* made while the pages were written */
  if (ok) {
    entry(&pkg, info, &h);
    document(&pkg, pages, page_ids, next_id - 1);
    public_res(&pkg, fonts, nfaces);
    for (size_t i = 0; i < res.nparts; i++) /* the package takes the parts over */
      er_ofd_package_add(&pkg, res.parts[i].name, res.parts[i].data, res.parts[i].len)->deflated =
          res.parts[i].deflated;
    for (size_t i = 0; i < res.nparts; i++)
      free(res.parts[i].name);
    free(res.parts);
    memset(&res, 0, sizeof res);
    ok = er_ofd_package_write(&pkg, path, d);
  }
  er_ofd_package_free(&pkg);
  er_ofd_package_free(&res);
  er_ofd_fonts_free(fonts, nfaces);
  er_used_characters_free(used, nfaces);
  free(fonts);
  free(page_ids);
  return ok;
}

bool er_ofd_write(const er_eval *ev, const er_render_opts *opts, const char *path, er_diag *d) {
  return er_pages_write_report(ev, opts, er_ofd_write_pages, path, d);
}
