/* Arcs and dots of a page's shapes (shapepath.h). */
#include "pdf/shapepath.h"

#include <math.h>

/* A point at `deg` degrees clockwise from 12 o'clock on the circle. */
static void on_circle(const er_shape *s, double deg, double *x, double *y) {
  double a = deg * M_PI / 180;
  *x = s->x + s->w * sin(a);
  *y = s->y - s->w * cos(a);
}

/* The arc from a0 to a1 degrees, from the current point on it, in Bézier
 * curves of at most a quarter circle each (control points 4/3 tan(θ/4)
 * out along the tangents). */
static void arc(const er_shape *s, double a0, double a1, const er_path_sink *k) {
  double span = a1 - a0, r = s->w;
  int parts = (int)ceil(span / 90 - 1e-9);
  if (parts < 1)
    parts = 1;
  double step = span / parts, t = 4.0 / 3.0 * tan(step * M_PI / 180 / 4);
  for (int i = 0; i < parts; i++) {
    double a = (a0 + step * i) * M_PI / 180, b = (a0 + step * (i + 1)) * M_PI / 180;
    double x0, y0, x3, y3;
    on_circle(s, a0 + step * i, &x0, &y0);
    on_circle(s, a0 + step * (i + 1), &x3, &y3);
    /* the tangent, clockwise, is (cos a, sin a) with y down */
    k->curve(k->ctx, x0 + t * r * cos(a), y0 + t * r * sin(a), x3 - t * r * cos(b),
             y3 - t * r * sin(b), x3, y3);
  }
  k->close(k->ctx);
}

void er_shape_sector_path(const er_shape *s, const er_path_sink *sink) {
  double x, y;
  if (s->a1 - s->a0 >= 360 - 1e-9) { /* a whole circle */
    on_circle(s, 0, &x, &y);
    sink->move(sink->ctx, x, y);
    arc(s, 0, 360, sink);
    return;
  }
  sink->move(sink->ctx, s->x, s->y);
  on_circle(s, s->a0, &x, &y);
  sink->line(sink->ctx, x, y);
  arc(s, s->a0, s->a1, sink);
}

void er_shape_dots(const er_shape *s, void (*dot)(void *ctx, double x, double y), void *ctx) {
  double len = hypot(s->w, s->h), gap = 2.5 * s->stroke;
  if (len <= 0 || gap <= 0)
    return;
  double ux = s->w / len, uy = s->h / len;
  long count = (long)floor(len / gap + 1e-9);
  for (long i = 0; i <= count; i++) {
    double t = (double)i * gap;
    dot(ctx, s->x + ux * t, s->y + uy * t);
  }
}
