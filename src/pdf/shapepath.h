/* The geometry of the curved and dotted shapes of a page (pages.h), in
 * the paper's coordinates (pt, y down), for every serialisation of the
 * pages: the PDF's content stream (content.c) and the OFD's paths. */
#ifndef ER_PDF_SHAPEPATH_H
#define ER_PDF_SHAPEPATH_H

#include "pdf/pages.h"

/* Where a path goes: a move, straight segments, cubic Bézier curves and
 * the closing of the subpath. */
typedef struct er_path_sink {
  void (*move)(void *ctx, double x, double y);
  void (*line)(void *ctx, double x, double y);
  void (*curve)(void *ctx, double x1, double y1, double x2, double y2, double x3, double y3);
  void (*close)(void *ctx);
  void *ctx;
} er_path_sink;

/* A SECTOR shape's outline: the centre, a line out and the arc back in
 * Bézier curves of at most a quarter circle each; a whole circle (360°)
 * is the arc alone. */
void er_shape_sector_path(const er_shape *s, const er_path_sink *sink);

/* The centres of a dotted LINE's dots, 2.5 × its width apart: `dot` is
 * called for each. */
void er_shape_dots(const er_shape *s, void (*dot)(void *ctx, double x, double y), void *ctx);

#endif
