/* The 项目支出绩效自评表 as the form defines it, computed once for the
 * report, the HTML and the XLSX: the funds block (年度资金总额 and its
 * 其中 rows, 执行率 = 全年执行数 ÷ 全年预算数, 分值 10 and 得分), the
 * indicator block from the performance targets (一级 → 二级 → 三级 with
 * 年度指标值, 实际完成值, 分值, 得分), and 总分. */
#ifndef ER_FORM_H
#define ER_FORM_H

#include "model/expr.h"
#include "model/model.h"

/* The rows of the funds block, labelled labels[ER_FL_ALL + row]. */
enum { ER_FORM_ALL, ER_FORM_CURRENT, ER_FORM_CARRYOVER, ER_FORM_OTHER, ER_FORM_ROWS };

typedef struct er_form_funds_row {
  er_dec initial, budget, spent; /* 年初预算数, 全年预算数, 全年执行数 */
  er_dec rate;                   /* 执行率 in percent, six places */
  bool rate_defined;             /* 全年预算数 is not 0 */
  bool any;                      /* some source is of this row's kind */
  /* how 全年执行数 of a 其中 row is known: every source of the row gives
   * `spent`, or it is what the other rows leave (结转资金优先使用) */
  bool spent_given;
} er_form_funds_row;

/* How a target's 得分 is arrived at. */
typedef enum er_form_basis {
  ER_FORM_BY_LEAF,  /* an indicator leaf of the same name: its score */
  ER_FORM_BY_SCORE, /* the target's own `score` */
  ER_FORM_BY_RATIO, /* numeric: met → 分值, else actual ÷ target × 分值 (≤: target ÷ actual) */
  ER_FORM_BY_MET,  /* in words, met: 分值 */
  ER_FORM_UNSCORED /* in words, not met and no score: the data must say */
} er_form_basis;

typedef struct er_form_target {
  const er_target *t;
  const er_indicator *leaf; /* of the same name, or NULL */
  er_measure target, actual;
  int target_places, actual_places; /* decimals as written */
  bool numeric;                     /* target and actual are comparable numbers */
  er_dec weight, score;
  bool weighted; /* a 分值 is known */
  er_form_basis basis;
} er_form_target;

typedef struct er_form {
  er_form_profile profile;
  const char *labels[ER_FL_COUNT]; /* the profile's wording, or the data's `form_labels` */
  const char *fund; /* the fund item the block is about (the execution leaf's), or NULL for all */
  er_form_funds_row rows[ER_FORM_ROWS];
  const er_indicator *execution; /* the leaf scored by 执行率, or NULL */
  er_dec funds_weight, funds_score;
  er_form_target *targets;
  size_t ntargets;
  er_dec weight, total; /* 总分: funds + targets */
  bool is_tree;         /* the targets are the tree's leaves: 总分 is the evaluation's total */
} er_form;

/* What the form of `ev` prints for `k`: the data's `form_labels`, else
 * the profile's wording (Sichuan's 调整后预算数, the national form's). */
const char *er_form_label_text(const er_eval *ev, er_form_label k);
/* The key of `k` in `form_labels` ("actual"). */
const char *er_form_label_key(er_form_label k);
/* The row (ER_FORM_CURRENT …) a source's money belongs to. */
int er_form_row_of(const er_source *s);
/* 度量单位 of a row on Sichuan's form: the target's unit ("%" for a
 * percent), else the actual's when only that is a figure; "" for words. */
const char *er_form_unit(const er_form_target *x);
/* Whether a figure shows bare beside that 度量单位 (its unit is the column's). */
bool er_form_bare(const er_form_target *x, const er_measure *m);
/* Builds the form of a scored evaluation; memory from `arena`. */
void er_form_build(const er_eval *ev, er_arena *arena, er_form *out);
/* A self-evaluation's findings about its form: no execution leaf (the
 * two sheets' totals differ), a target without a 分值 or one that cannot
 * be scored, a score above its 分值, sources' `spent` above the spending. */
void er_form_check(const er_eval *ev, er_diag *d);
/* Decimals a figure is written with ("96.5%" → 1). */
int er_form_places(const char *text);

/* 指标性质 on Sichuan's form: =, ≥ or ≤ for a figure, 定性 for words. */
const char *er_form_nature(const er_form_target *x);

#endif
