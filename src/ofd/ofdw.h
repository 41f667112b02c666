/* The OFD writer's internals: XML parts through libxml2's xmlTextWriter
 * (xml.c), the zip package (package.c), the embedded font subsets
 * (fonts.c) and a page's content (page.c); document.c puts them together
 * (ofd.h). Lengths in OFD are millimetres; the pages' are points. */
#ifndef ER_OFD_OFDW_H
#define ER_OFD_OFDW_H

#include <hb.h>
#include <libxml/xmlwriter.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "model/diag.h"
#include "pdf/fonts.h"
#include "pdf/pages.h"
#include "zip/xmlpart.h"
#include "zip/zipfile.h"

#define ER_OFD_NS "http://www.ofdspec.org/2016"

/* Points to millimetres. */
static inline double er_ofd_mm(double pt) { return pt * 25.4 / 72.0; }

/* ---- XML parts (zip/xmlpart.h; the OFD's shorthands in xml.c) ---- */

/* A part whose root element is `root` ("ofd:Page"), in the OFD namespace. */
void er_ox_begin(er_xml *x, const char *root);
void er_ox_attr_id(er_xml *x, const char *name, unsigned id);
/* A length in millimetres, to a ten-thousandth. */
void er_ox_attr_mm(er_xml *x, const char *name, double mm);
/* <name>text</name> */
void er_ox_element(er_xml *x, const char *name, const char *text);
/* Closes what is still open and returns the part's bytes (malloc'd). */
unsigned char *er_ox_end(er_xml *x, size_t *len);

/* Space-separated numbers, as in Boundary, DeltaX and AbbreviatedData. */
typedef struct er_numbers {
  char *s;
  size_t len, cap;
} er_numbers;
/* A number in ten-thousandths, without trailing zeros, after a space
 * unless it is the first. */
void er_numbers_add(er_numbers *n, double v);
/* A word (a path operator), after a space unless it is the first. */
void er_numbers_word(er_numbers *n, const char *w);
void er_numbers_clear(er_numbers *n);
void er_numbers_free(er_numbers *n);

/* ---- the package (package.c) ---- */

#define ER_OFD_DEFLATE_LEVEL 1 /* fastest: see package.c */

typedef struct er_ofd_part {
  char *name; /* "Doc_0/Pages/Page_0/Content.xml" */
  unsigned char *data;
  size_t len;
  er_zip_deflated deflated; /* deflated already, or .data NULL */
} er_ofd_part;

typedef struct er_ofd_package {
  er_ofd_part *parts;
  size_t nparts, cap;
} er_ofd_package;

/* Adds a part; the package takes `data` (malloc'd). Returns the part. */
er_ofd_part *er_ofd_package_add(er_ofd_package *p, const char *name, unsigned char *data,
                                size_t len);
void er_ofd_package_add_xml(er_ofd_package *p, const char *name, er_xml *x);
bool er_ofd_package_write(const er_ofd_package *p, const char *path, er_diag *d);
void er_ofd_package_free(er_ofd_package *p);

/* ---- fonts (fonts.c) ---- */

/* A face as an embedded font: its subset, with the cmap of the font, so
 * that a reader maps the text to glyphs either way — by the subset's
 * Unicode cmap or by the glyph ids of the CGTransform. */
typedef struct er_ofd_font {
  unsigned id; /* its unit ID; 0 when the face draws nothing */
  const er_face *face;
  const hb_set_t *used;
  hb_map_t *glyph;        /* character → glyph id in the subset (0: .notdef) */
  hb_map_t *advance;      /* character → advance in thousandths of an em, as the PDF's widths */
  hb_blob_t *file;        /* the subset font file */
  er_zip_deflated packed; /* … deflated by the worker too, or .data NULL */
  char name[40];          /* its file name in Res/ */
  unsigned weight;        /* its OS/2 weight class, rounded to a hundred (400 regular, 700 bold) */
  bool working;
  pthread_t worker;
  /* the worker maps the characters to glyphs first, then makes the file */
  bool mapped;
  pthread_mutex_t lock;
  pthread_cond_t ready;
} er_ofd_font;

/* Starts subsetting every face that draws something, each on a thread. */
void er_ofd_fonts_start(er_ofd_font *fonts, size_t n, er_fontset *fs, hb_set_t **used);
/* Waits until every face's characters have their glyphs in its subset (the
 * pages can be written while the font files are still being made), and
 * gives each used face its unit ID from *next_id. */
void er_ofd_fonts_mapped(er_ofd_font *fonts, size_t n, unsigned *next_id);
/* Waits for the font files and puts them in the package under Doc_0/Res/.
 * False, with an error in `d`, when a face could not be subset. */
bool er_ofd_fonts_finish(er_ofd_font *fonts, size_t n, er_ofd_package *pkg, er_diag *d);
/* <ofd:Fonts> of the document's public resources. */
void er_ofd_fonts_res(er_xml *x, const er_ofd_font *fonts, size_t n);
void er_ofd_fonts_free(er_ofd_font *fonts, size_t n);

/* ---- pages (page.c) ---- */

/* The Content.xml of a page; its objects take unit IDs from *next_id. */
void er_ofd_page(er_xml *x, const er_page *page, const er_ofd_font *fonts, size_t nfonts,
                 unsigned *next_id);

#endif
