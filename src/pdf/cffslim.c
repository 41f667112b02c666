/* Lighter CFF outlines (cffslim.h). Each glyph's Type 2 charstring is
 * read into absolute contours, curves whose control points lie on their
 * chord (within the tolerance) become lines, runs of lines on one straight
 * line become one, and the contours are written back with the usual
 * shorthand operators (Adobe TN 5177). A glyph keeps its own bytes when the
 * result is not shorter or holds anything the reader does not follow
 * (hints, subroutine calls, flex, seac, fractions). */
#include "pdf/cffslim.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/grow.h"

typedef struct pt {
  long x, y;
} pt;

/* One segment: a line to p[0], or a curve through p[0], p[1] to p[2]. */
typedef struct seg {
  bool curve, start; /* start: the moveto of a contour, to p[0] */
  pt p[3];
} seg;

typedef struct path {
  seg *s;
  size_t n, cap;
  bool has_width;
  long width;
} path;

static void push(path *g, seg s) {
  g->s = er_grow(g->s, g->n, &g->cap, sizeof *g->s, 64);
  g->s[g->n++] = s;
}

static seg line_to(pt p) { return (seg){.p = {p}}; }

static seg curve_to(pt a, pt b, pt c) { return (seg){.curve = true, .p = {a, b, c}}; }

/* ---- reading ---- */

/* The contours of one charstring, or false for what it does not follow. */
static bool read_glyph(const uint8_t *c, size_t len, path *g) {
  long st[48];
  int n = 0;
  bool first = true;
  pt cur = {0, 0};
  g->n = 0;
  g->has_width = false;
  for (size_t i = 0; i < len;) {
    unsigned b = c[i];
    if (b >= 32 || b == 28) {
      long v;
      if (b == 28) {
        if (i + 3 > len)
          return false;
        v = (int16_t)(c[i + 1] << 8 | c[i + 2]);
        i += 3;
      } else if (b <= 246) {
        v = (long)b - 139;
        i++;
      } else if (b <= 250) {
        if (i + 2 > len)
          return false;
        v = ((long)b - 247) * 256 + c[i + 1] + 108;
        i += 2;
      } else if (b <= 254) {
        if (i + 2 > len)
          return false;
        v = -((long)b - 251) * 256 - c[i + 1] - 108;
        i += 2;
      } else
        return false; /* 16.16 fixed */
      if (n == 48)
        return false;
      st[n++] = v;
      continue;
    }
    i++;
    /* the width comes before the first stack-clearing operator's operands */
    int need = -1, at = 0;
    if (b == 21)
      need = 2;
    else if (b == 22 || b == 4)
      need = 1;
    else if (b == 14)
      need = 0;
    if (first && need >= 0) {
      if (n == need + 1) {
        g->has_width = true;
        g->width = st[0];
        at = 1;
      } else if (n != need)
        return false;
      first = false;
    } else if (first && b != 21)
      return false; /* a path must start with a moveto */
    long *a = st + at;
    int k = n - at;
    switch (b) {
    case 21: /* rmoveto */
    case 22: /* hmoveto */
    case 4:  /* vmoveto */
      if (k != need)
        return false;
      cur.x += b == 4 ? 0 : a[0];
      cur.y += b == 21 ? a[1] : b == 4 ? a[0] : 0;
      push(g, (seg){.start = true, .p = {cur}});
      break;
    case 5: /* rlineto */
      if (k < 2 || k % 2)
        return false;
      for (int j = 0; j < k; j += 2) {
        cur.x += a[j];
        cur.y += a[j + 1];
        push(g, line_to(cur));
      }
      break;
    case 6: /* hlineto */
    case 7: /* vlineto */
      if (k < 1)
        return false;
      for (int j = 0; j < k; j++) {
        bool h = (j % 2 == 0) == (b == 6);
        if (h)
          cur.x += a[j];
        else
          cur.y += a[j];
        push(g, line_to(cur));
      }
      break;
    case 8:  /* rrcurveto */
    case 24: /* rcurveline */
    case 25: /* rlinecurve */
    {
      int curves = b == 8 ? k / 6 : b == 24 ? (k - 2) / 6 : 1;
      int lines = b == 25 ? (k - 6) / 2 : 0;
      if (curves < 1 || (b == 8 && k % 6) || (b == 24 && (k < 8 || (k - 2) % 6)) ||
          (b == 25 && (k < 8 || (k - 6) % 2)))
        return false;
      int j = 0;
      for (int l = 0; l < lines; l++, j += 2) {
        cur.x += a[j];
        cur.y += a[j + 1];
        push(g, line_to(cur));
      }
      for (int q = 0; q < curves; q++, j += 6) {
        pt p1 = {cur.x + a[j], cur.y + a[j + 1]};
        pt p2 = {p1.x + a[j + 2], p1.y + a[j + 3]};
        cur = (pt){p2.x + a[j + 4], p2.y + a[j + 5]};
        push(g, curve_to(p1, p2, cur));
      }
      if (b == 24) {
        cur.x += a[j];
        cur.y += a[j + 1];
        push(g, line_to(cur));
      }
      break;
    }
    case 26: /* vvcurveto */
    case 27: /* hhcurveto */
    {
      int j = k % 4;
      if (j > 1 || k < 4)
        return false;
      long d1 = j ? a[0] : 0;
      for (; j < k; j += 4) {
        pt p1 = b == 27 ? (pt){cur.x + a[j], cur.y + d1} : (pt){cur.x + d1, cur.y + a[j]};
        pt p2 = {p1.x + a[j + 1], p1.y + a[j + 2]};
        cur = b == 27 ? (pt){p2.x + a[j + 3], p2.y} : (pt){p2.x, p2.y + a[j + 3]};
        push(g, curve_to(p1, p2, cur));
        d1 = 0;
      }
      break;
    }
    case 30: /* vhcurveto */
    case 31: /* hvcurveto */
    {
      if (k < 4 || (k % 4 != 0 && k % 4 != 1))
        return false;
      bool h = b == 31;
      for (int j = 0; j + 4 <= k; j += 4, h = !h) {
        long last = j + 5 == k ? a[j + 4] : 0;
        pt p1 = h ? (pt){cur.x + a[j], cur.y} : (pt){cur.x, cur.y + a[j]};
        pt p2 = {p1.x + a[j + 1], p1.y + a[j + 2]};
        cur = h ? (pt){p2.x + last, p2.y + a[j + 3]} : (pt){p2.x + a[j + 3], p2.y + last};
        push(g, curve_to(p1, p2, cur));
      }
      break;
    }
    case 14: /* endchar */
      if (k != 0 || i != len)
        return false;
      return true;
    default: /* hints, subroutines, flex and the rest */
      return false;
    }
    n = 0;
  }
  return false; /* no endchar */
}

/* ---- simplifying ---- */

/* A chord from a to b, to measure points against. */
typedef struct chord {
  double ax, ay, dx, dy, l2, tol2;
} chord;

static chord chord_of(pt a, pt b, double tol) {
  double dx = (double)(b.x - a.x), dy = (double)(b.y - a.y);
  return (chord){(double)a.x, (double)a.y, dx, dy, dx * dx + dy * dy, tol * tol};
}

/* Whether (x, y) is within the tolerance of the chord, its projection
 * falling on it. */
static bool near(const chord *c, double x, double y) {
  double px = x - c->ax, py = y - c->ay;
  if (c->l2 == 0)
    return px * px + py * py <= c->tol2;
  double along = px * c->dx + py * c->dy;
  if (along < 0 || along > c->l2)
    return false;
  double cross = px * c->dy - py * c->dx;
  return cross * cross <= c->tol2 * c->l2;
}

typedef struct dpt {
  double x, y;
} dpt;

/* The point of the curve from `from` through s at t = (k + 1) / 4. */
static dpt sample(pt from, const seg *s, int k) {
  static const double w[3][4] = {{27 / 64.0, 27 / 64.0, 9 / 64.0, 1 / 64.0},
                                 {8 / 64.0, 24 / 64.0, 24 / 64.0, 8 / 64.0},
                                 {1 / 64.0, 9 / 64.0, 27 / 64.0, 27 / 64.0}};
  return (dpt){w[k][0] * (double)from.x + w[k][1] * (double)s->p[0].x +
                   w[k][2] * (double)s->p[1].x + w[k][3] * (double)s->p[2].x,
               w[k][0] * (double)from.y + w[k][1] * (double)s->p[0].y +
                   w[k][2] * (double)s->p[1].y + w[k][3] * (double)s->p[2].y};
}

/* Whether the curve from `from` through s stays near its chord: its
 * middle first, which most curves are too far from. */
static bool flat(pt from, const seg *s, double tol, dpt q[3]) {
  chord c = chord_of(from, s->p[2], tol);
  static const int order[3] = {1, 0, 2};
  for (int k = 0; k < 3; k++) {
    q[order[k]] = sample(from, s, order[k]);
    if (!near(&c, q[order[k]].x, q[order[k]].y))
      return false;
  }
  return true;
}

static void simplify(path *g, double tol) {
  size_t out = 0;
  pt cur = {0, 0}, from = {0, 0};
  /* the points of the outline the last written line stands for, which
   * starts at `from`: a line joins it while they all stay near the longer
   * chord (runs == 0: the last segment written is no line) */
  dpt run[16];
  size_t runs = 0;
  for (size_t i = 0; i < g->n; i++) {
    seg s = g->s[i];
    if (s.start) {
      g->s[out++] = s;
      cur = s.p[0];
      runs = 0;
      continue;
    }
    dpt q[3];
    size_t nq = 0;
    if (s.curve) {
      if (!flat(cur, &s, tol, q)) {
        g->s[out++] = s;
        cur = s.p[2];
        runs = 0;
        continue;
      }
      s = line_to(s.p[2]);
      nq = 3;
    }
    if (runs > 0 && runs + 1 + nq <= sizeof run / sizeof run[0]) {
      run[runs] = (dpt){(double)cur.x, (double)cur.y};
      for (size_t k = 0; k < nq; k++)
        run[runs + 1 + k] = q[k];
      chord c = chord_of(from, s.p[0], tol);
      bool ok = true;
      for (size_t k = 0; k < runs + 1 + nq && ok; k++)
        ok = near(&c, run[k].x, run[k].y);
      if (ok) {
        runs += 1 + nq;
        g->s[out - 1] = s;
        cur = s.p[0];
        continue;
      }
    }
    from = cur;
    for (size_t k = 0; k < nq; k++)
      run[k] = q[k];
    runs = nq ? nq : 1;
    if (!nq)
      run[0] = (dpt){(double)cur.x, (double)cur.y}; /* the start: always near */
    g->s[out++] = s;
    cur = s.p[0];
  }
  g->n = out;
}

/* ---- writing ---- */

typedef struct buf {
  uint8_t *p;
  size_t n, cap;
} buf;

static void grow(buf *b) {
  b->cap = b->cap ? 2 * b->cap : 1024;
  b->p = realloc(b->p, b->cap);
  if (!b->p)
    abort();
}

static inline void put(buf *b, uint8_t v) {
  if (b->n == b->cap)
    grow(b);
  b->p[b->n++] = v;
}

static void num(buf *b, long v) {
  if (v >= -107 && v <= 107)
    put(b, (uint8_t)(v + 139));
  else if (v >= 108 && v <= 1131) {
    v -= 108;
    put(b, (uint8_t)(247 + v / 256));
    put(b, (uint8_t)(v % 256));
  } else if (v >= -1131 && v <= -108) {
    v = -v - 108;
    put(b, (uint8_t)(251 + v / 256));
    put(b, (uint8_t)(v % 256));
  } else {
    put(b, 28);
    put(b, (uint8_t)((v >> 8) & 0xFF));
    put(b, (uint8_t)(v & 0xFF));
  }
}

/* A curve's six deltas from `from`. */
static void deltas(const seg *s, pt from, long d[6]) {
  d[0] = s->p[0].x - from.x;
  d[1] = s->p[0].y - from.y;
  d[2] = s->p[1].x - s->p[0].x;
  d[3] = s->p[1].y - s->p[0].y;
  d[4] = s->p[2].x - s->p[1].x;
  d[5] = s->p[2].y - s->p[1].y;
}

/* Lines from s[i]: alternating hlineto/vlineto where they are level and
 * upright, rlineto otherwise. Returns the next segment's index. */
static size_t write_lines(buf *b, const seg *s, size_t i, size_t n, pt *cur) {
  long dx = s[i].p[0].x - cur->x, dy = s[i].p[0].y - cur->y;
  if (dx == 0 || dy == 0) {
    bool h = dy == 0, first_h = h;
    int args = 0;
    while (i < n && !s[i].curve && !s[i].start && args < 47) {
      dx = s[i].p[0].x - cur->x;
      dy = s[i].p[0].y - cur->y;
      if (h ? dy != 0 : dx != 0)
        break;
      num(b, h ? dx : dy);
      *cur = s[i].p[0];
      h = !h;
      args++;
      i++;
    }
    put(b, first_h ? 6 : 7);
    return i;
  }
  int args = 0;
  while (i < n && !s[i].curve && !s[i].start && args < 46) {
    dx = s[i].p[0].x - cur->x;
    dy = s[i].p[0].y - cur->y;
    if ((dx == 0 || dy == 0) && args)
      break;
    num(b, dx);
    num(b, dy);
    *cur = s[i].p[0];
    args += 2;
    i++;
  }
  put(b, 5);
  return i;
}

/* Curves from s[i]: a chain of hvcurveto/vhcurveto, of hhcurveto, of
 * vvcurveto, or rrcurveto. Returns the next segment's index. */
static size_t write_curves(buf *b, const seg *s, size_t i, size_t n, pt *cur) {
  long d[6];
  deltas(&s[i], *cur, d);
  bool hv = d[1] == 0 && d[4] == 0, vh = d[0] == 0 && d[5] == 0;
  if (hv || vh) {
    bool h = hv;
    int args = 0;
    while (i < n && s[i].curve && args + 4 <= 48) {
      deltas(&s[i], *cur, d);
      if (h ? (d[1] != 0 || d[4] != 0) : (d[0] != 0 || d[5] != 0))
        break;
      num(b, h ? d[0] : d[1]);
      num(b, d[2]);
      num(b, d[3]);
      num(b, h ? d[5] : d[4]);
      *cur = s[i].p[2];
      h = !h;
      args += 4;
      i++;
    }
    put(b, hv ? 31 : 30);
    return i;
  }
  bool hh = d[5] == 0, vv = d[4] == 0;
  if (hh || vv) {
    int args = 0;
    bool one = true;
    while (i < n && s[i].curve && args + 5 <= 48) {
      deltas(&s[i], *cur, d);
      long side = hh ? d[1] : d[0];
      if ((hh ? d[5] : d[4]) != 0 || (!one && side != 0))
        break;
      if (one && side != 0) {
        num(b, side);
        args++;
      }
      num(b, hh ? d[0] : d[1]);
      num(b, d[2]);
      num(b, d[3]);
      num(b, hh ? d[4] : d[5]);
      *cur = s[i].p[2];
      args += 4;
      one = false;
      i++;
    }
    put(b, hh ? 27 : 26);
    return i;
  }
  int args = 0;
  while (i < n && s[i].curve && args + 6 <= 48) {
    deltas(&s[i], *cur, d);
    if (args && ((d[1] == 0 && d[4] == 0) || (d[0] == 0 && d[5] == 0)))
      break; /* a chain of its own */
    for (int k = 0; k < 6; k++)
      num(b, d[k]);
    *cur = s[i].p[2];
    args += 6;
    i++;
  }
  put(b, 8);
  return i;
}

static void write_glyph(buf *b, const path *g) {
  pt cur = {0, 0};
  bool first = true;
  for (size_t i = 0; i < g->n;) {
    const seg *s = &g->s[i];
    if (s->start) {
      long dx = s->p[0].x - cur.x, dy = s->p[0].y - cur.y;
      if (first && g->has_width)
        num(b, g->width);
      first = false;
      if (dy == 0) {
        num(b, dx);
        put(b, 22);
      } else if (dx == 0) {
        num(b, dy);
        put(b, 4);
      } else {
        num(b, dx);
        num(b, dy);
        put(b, 21);
      }
      cur = s->p[0];
      i++;
    } else if (s->curve)
      i = write_curves(b, g->s, i, g->n, &cur);
    else
      i = write_lines(b, g->s, i, g->n, &cur);
  }
  if (first && g->has_width)
    num(b, g->width);
  put(b, 14);
}

/* ---- the font ---- */

typedef struct idx {
  size_t at, data, end;
  unsigned count, off_size;
} idx;

static unsigned be(const uint8_t *p, unsigned size) {
  unsigned v = 0;
  for (unsigned i = 0; i < size; i++)
    v = v << 8 | p[i];
  return v;
}

static bool read_index(const uint8_t *p, size_t len, size_t at, idx *x) {
  *x = (idx){.at = at};
  if (at + 2 > len)
    return false;
  x->count = be(p + at, 2);
  if (x->count == 0) {
    x->end = x->data = at + 2;
    return true;
  }
  if (at + 3 > len)
    return false;
  x->off_size = p[at + 2];
  if (x->off_size < 1 || x->off_size > 4)
    return false;
  size_t offs = at + 3, last = offs + (size_t)x->count * x->off_size;
  if (last + x->off_size > len)
    return false;
  x->data = last + x->off_size - 1;
  x->end = x->data + be(p + last, x->off_size);
  return x->end <= len;
}

static size_t entry(const uint8_t *p, const idx *x, unsigned i, size_t *len) {
  size_t offs = x->at + 3;
  size_t a = be(p + offs + (size_t)i * x->off_size, x->off_size);
  size_t b = be(p + offs + ((size_t)i + 1) * x->off_size, x->off_size);
  *len = b >= a ? b - a : 0;
  return x->data + a;
}

/* The integer operand at p[o]; false for a real. */
static bool operand_at(const uint8_t *p, size_t o, long *v) {
  unsigned b = p[o];
  if (b == 28)
    *v = (int16_t)be(p + o + 1, 2);
  else if (b == 29)
    *v = (int32_t)be(p + o + 1, 4);
  else if (b >= 32 && b <= 246)
    *v = (long)b - 139;
  else if (b >= 247 && b <= 250)
    *v = ((long)b - 247) * 256 + p[o + 1] + 108;
  else if (b >= 251 && b <= 254)
    *v = -((long)b - 251) * 256 - p[o + 1] - 108;
  else
    return false;
  return true;
}

/* Where the DICT operand at p[i] ends. */
static size_t past_operand(const uint8_t *p, size_t i, size_t end) {
  unsigned b = p[i];
  if (b == 28)
    return i + 3;
  if (b == 29)
    return i + 5;
  if (b == 30) { /* a real: nibbles up to an 0xf */
    for (i++; i < end && (p[i] & 0x0F) != 0x0F && (p[i] >> 4) != 0x0F; i++)
      ;
    return i + 1;
  }
  return b >= 247 && b <= 254 ? i + 2 : i + 1;
}

/* Shifts by −`delta` every offset operand of the DICT at p[at … at+len)
 * that points at or past `past`: CharStrings, charset, Encoding, Private,
 * FDArray, FDSelect. Such an operand must be a 5-byte integer (hb-subset
 * writes offsets so) for the DICT to keep its size; false otherwise. */
static bool shift_dict(uint8_t *p, size_t at, size_t len, size_t past, size_t delta) {
  size_t last = SIZE_MAX; /* where the last operand starts */
  for (size_t i = at; i < at + len;) {
    unsigned b = p[i];
    if (b <= 21) {
      unsigned op = b;
      if (b == 12) {
        if (i + 1 >= at + len)
          return false;
        op = 1200 + p[i + 1];
        i++;
      }
      i++;
      bool offset = op == 15 || op == 16 || op == 17 || op == 18 || op == 1236 || op == 1237;
      long v;
      if (offset && last != SIZE_MAX && operand_at(p, last, &v) && v >= 0 && (size_t)v >= past) {
        if (p[last] != 29)
          return false;
        size_t moved = (size_t)v - delta;
        for (int k = 0; k < 4; k++)
          p[last + 1 + k] = (uint8_t)(moved >> (24 - 8 * k));
      }
      last = SIZE_MAX;
      continue;
    }
    last = i;
    i = past_operand(p, i, at + len);
  }
  return true;
}

/* Where the Top DICT says the CharStrings and the FDArray are. */
static void offsets_of(const uint8_t *p, size_t at, size_t len, long *charstrings, long *fdarray) {
  long v = 0;
  for (size_t i = at; i < at + len;) {
    unsigned b = p[i];
    if (b <= 21) {
      unsigned op = b;
      if (b == 12 && i + 1 < at + len)
        op = 1200u + p[++i];
      if (op == 17)
        *charstrings = v;
      else if (op == 1236)
        *fdarray = v;
      i++;
      continue;
    }
    if (!operand_at(p, i, &v))
      v = 0;
    i = past_operand(p, i, at + len);
  }
}

uint8_t *er_cff_slim(const uint8_t *cff, size_t len, double tolerance, size_t *out_len) {
  if (len < 4)
    return NULL;
  idx names, tops, strings, gsubrs, cs;
  if (!read_index(cff, len, cff[2], &names) || !read_index(cff, len, names.end, &tops) ||
      tops.count != 1 || !read_index(cff, len, tops.end, &strings) ||
      !read_index(cff, len, strings.end, &gsubrs))
    return NULL;
  size_t top_len, top_at = entry(cff, &tops, 0, &top_len);
  long cs_at = -1, fd_at = -1;
  offsets_of(cff, top_at, top_len, &cs_at, &fd_at);
  if (cs_at <= 0 || (size_t)cs_at >= len || !read_index(cff, len, (size_t)cs_at, &cs) ||
      cs.count == 0)
    return NULL;
  /* the new CharStrings: each glyph as rewritten, or as it was */
  buf glyphs = {.cap = len};
  glyphs.p = malloc(len);
  if (!glyphs.p)
    abort();
  size_t *ends = malloc(((size_t)cs.count + 1) * sizeof *ends);
  if (!ends)
    abort();
  path g = {0};
  for (unsigned i = 0; i < cs.count; i++) {
    size_t n, at = entry(cff, &cs, i, &n);
    size_t mark = glyphs.n;
    bool done = false;
    if (read_glyph(cff + at, n, &g)) {
      simplify(&g, tolerance);
      write_glyph(&glyphs, &g);
      done = glyphs.n - mark < n;
      if (!done)
        glyphs.n = mark;
    }
    if (!done)
      for (size_t k = 0; k < n; k++)
        put(&glyphs, cff[at + k]);
    ends[i] = glyphs.n;
  }
  free(g.s);
  unsigned off_size = glyphs.n + 1 <= 0xFF       ? 1u
                      : glyphs.n + 1 <= 0xFFFF   ? 2u
                      : glyphs.n + 1 <= 0xFFFFFF ? 3u
                                                 : 4u;
  size_t index_len = 3 + ((size_t)cs.count + 1) * off_size + glyphs.n;
  size_t old_len = cs.end - cs.at;
  uint8_t *out = NULL;
  if (index_len < old_len) {
    size_t delta = old_len - index_len;
    *out_len = len - delta;
    out = malloc(*out_len);
    if (!out)
      abort();
    memcpy(out, cff, cs.at);
    uint8_t *x = out + cs.at;
    x[0] = (uint8_t)(cs.count >> 8);
    x[1] = (uint8_t)cs.count;
    x[2] = (uint8_t)off_size;
    for (unsigned i = 0; i <= cs.count; i++) {
      size_t v = (i ? ends[i - 1] : 0) + 1;
      for (unsigned k = 0; k < off_size; k++)
        x[3 + (size_t)i * off_size + k] = (uint8_t)(v >> (8 * (off_size - 1 - k)));
    }
    memcpy(x + 3 + ((size_t)cs.count + 1) * off_size, glyphs.p, glyphs.n);
    memcpy(out + cs.at + index_len, cff + cs.end, len - cs.end);
    bool ok = shift_dict(out, top_at, top_len, cs.end, delta);
    if (ok && fd_at > 0) { /* each Font DICT's Private offset */
      size_t fd = (size_t)fd_at >= cs.end ? (size_t)fd_at - delta : (size_t)fd_at;
      idx fds;
      ok = read_index(out, *out_len, fd, &fds);
      for (unsigned i = 0; ok && i < fds.count; i++) {
        size_t n, at = entry(out, &fds, i, &n);
        ok = at + n <= *out_len && shift_dict(out, at, n, cs.end, delta);
      }
    }
    if (!ok) {
      free(out);
      out = NULL;
    }
  }
  free(ends);
  free(glyphs.p);
  return out;
}
