/* The view: a scored evaluation turned into the template dictionary.
 *
 * All formatting happens here, so templates hold wording and layout only:
 * amounts in 万元 with two decimals, rates "98.42%", scores "41.38", heading
 * numbers 一、（一）1.（1）, table numbers 表3-1, dates 2019年12月, and the
 * sentences real reports write by formula ("赋分15分，得分15分，得分率100.00%").
 *
 * The names the templates can use are listed in templates/README.md. */
#ifndef ER_VIEW_VIEW_H
#define ER_VIEW_VIEW_H

#include "model/model.h"
#include "view/dict.h"

typedef enum er_view_kind { ER_VIEW_REPORT, ER_VIEW_SELFEVAL } er_view_kind;

typedef struct er_view_opts {
  er_view_kind outline;    /* the kind of report */
  const er_eval *layout;   /* the outline file (built-in or the template directory's): the
                              structure when the data has none, defaults for its `report` */
  bool draft;              /* show the findings panel */
  const er_diag *findings; /* what check found (draft only) */
  const char *style;       /* the style profile's name */
} er_view_opts;

/* Builds the dictionary of a loaded and scored evaluation. Free with
 * er_dict_free. */
er_dict *er_view_build(const er_eval *ev, const er_view_opts *opts);

/* The outline of an evaluation's kind: report for full, selfeval for self. */
er_view_kind er_view_kind_of(const er_eval *ev);
/* The built-in outline file of a kind: "outlines/full.yaml" or "outlines/self.yaml". */
const char *er_view_outline_file(er_view_kind kind);

#endif
