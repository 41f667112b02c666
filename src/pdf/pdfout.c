/* Pages → PDF through libharu (pdfout.h). */
#include "pdf/pdfout.h"

#include <errno.h>
#include <hpdf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "model/srcdate.h"
#include "pdf/content.h"
#include "pdf/embed.h"
#include "pdf/packer.h"
#include "pdf/pdfdraw.h"
#include "pdf/pdfmeta.h"
#include "pdf/usedchars.h"

#define NO_POS ((er_pos){0, 0})

typedef struct hpdf_errors {
  HPDF_STATUS code, detail;
} hpdf_errors;

static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void *data) {
  hpdf_errors *e = data;
  if (e->code == 0) {
    e->code = code;
    e->detail = detail;
  }
}

long long er_pdf_report_date(const char *file) {
  long long t = er_source_date(NULL); /* warned about once, by the pipeline */
  struct stat st;
  if (t < 0 && file && stat(file, &st) == 0)
    t = (long long)st.st_mtime;
  return t >= 0 ? t : (long long)time(NULL);
}

/* A page: its content written by content.c, for the packer to put in
 * libharu's stream, the fonts it uses named in its resources. */
static HPDF_Page draw_page(HPDF_Doc pdf, const er_page *page, const er_embedded *fonts,
                           size_t nfaces, const char **names, er_packer *packer) {
  HPDF_Page hp = HPDF_AddPage(pdf);
  /* a turned page is a portrait sheet shown a quarter turn clockwise */
  bool turned = er_page_turned(page);
  HPDF_Page_SetWidth(hp, (HPDF_REAL)(turned ? page->style.height : page->style.width));
  HPDF_Page_SetHeight(hp, (HPDF_REAL)(turned ? page->style.width : page->style.height));
  if (turned)
    HPDF_Page_SetRotate(hp, 90);
  for (size_t f = 0; f < nfaces; f++)
    names[f] = NULL;
  for (size_t r = 0; r < page->nruns; r++) {
    int f = page->runs[r].face;
    if (f >= 0 && (size_t)f < nfaces && fonts[f].font && !names[f])
      names[f] = HPDF_Page_GetLocalFontName(hp, fonts[f].font);
  }
  er_content *c = er_packer_next(packer, hp);
  if (turned)
    er_content_turn(c, page);
  er_content_runs(c, page, fonts, names, true);
  for (size_t i = 0; i < page->nshapes; i++)
    er_content_shape(c, page->style.height, &page->shapes[i]);
  er_content_runs(c, page, fonts, names, false);
  if (turned) {
    er_content_unturn(c);
    er_content_sheet_runs(c, page, fonts, names);
  }
  er_packer_done(packer);
  return hp;
}

bool er_pdf_write_pages(const er_pages *pages, er_fontset *fonts, const er_pdf_info *info,
                        const char *path, er_diag *d) {
  hpdf_errors errors = {0, 0};
  HPDF_Doc pdf = HPDF_New(on_error, &errors);
  if (!pdf) {
    er_error(d, NO_POS, "pdf", "libharu 无法创建 PDF 文档");
    return false;
  }
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  size_t nfaces = er_fontset_face_count(fonts);
  hb_set_t **used = er_used_characters(pages, nfaces);
  er_embedded *faces = calloc(nfaces ? nfaces : 1, sizeof *faces);
  HPDF_Page *hpages = calloc(pages->npages ? pages->npages : 1, sizeof(HPDF_Page));
  if (!faces || !hpages)
    abort();
  bool ok = true;
  for (size_t f = 0; f < nfaces; f++) /* all subsets at once, on threads */
    if (!hb_set_is_empty(used[f]))
      er_embed_start(&faces[f], er_fontset_face(fonts, (int)f), used[f]);
  for (size_t f = 0; f < nfaces && ok; f++)
    if (!hb_set_is_empty(used[f]))
      ok = er_embed_face(pdf, &faces[f], d);
  er_pdf_digest digest;
  er_pdf_digest_init(&digest);
  er_packer *packer = er_packer_new(&digest);
  const char **names = calloc(nfaces ? nfaces : 1, sizeof *names);
  if (!names)
    abort();
  er_page_view view = {0};
  for (size_t p = 0; p < pages->npages && ok; p++) {
    const er_page *page = er_pages_view(pages, p, &view);
    if (!page) {
      er_error(d, NO_POS, "pdf",
               "暂存页面的临时文件写入或读回失败（临时目录空间不足？），未生成：%s", path);
      ok = false;
      break;
    }
    hpages[p] = draw_page(pdf, page, faces, nfaces, names, packer);
  }
  er_page_view_free(&view);
  er_packer_finish(packer);
  free(names);
  for (size_t f = 0; f < nfaces && ok; f++)
    if (faces[f].font && !er_embed_finish(&faces[f])) {
      er_error(d, NO_POS, "pdf-font", "无法压缩字体“%s”的子集",
               er_fontset_face(fonts, (int)f)->family);
      ok = false;
    }
  if (ok) {
    er_pdf_add_links(pdf, pages, hpages);
    er_pdf_add_outlines(pdf, pages, hpages);
    er_pdf_add_page_labels(pdf, pages);
    er_pdf_set_metadata(pdf, info, &digest);
    HPDF_SaveToFile(pdf, path);
  }
  if (ok && errors.code) {
    er_error(d, NO_POS, "pdf", "libharu 写 PDF 出错（错误码 0x%04X，%u）：%s",
             (unsigned)errors.code, (unsigned)errors.detail, path);
    ok = false;
  }
  HPDF_Free(pdf);
  for (size_t f = 0; f < nfaces; f++)
    er_embedded_free(&faces[f]); /* joins its threads before their sets go */
  er_used_characters_free(used, nfaces);
  free(faces);
  free(hpages);
  return ok;
}
