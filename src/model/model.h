/* The evaluation model: C structs of one data file, as docs/data-format.md
 * describes it. Every value remembers where it came from (er_pos), so checks
 * and renderers can point back into the file. The loader fills these structs
 * from the shape tables in shape.c; the scorer adds the computed parts
 * (er_scored_*), which live beside the input, never over it. */
#ifndef ER_MODEL_H
#define ER_MODEL_H

#include "model/arena.h"
#include "model/decimal.h"
#include "model/diag.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- Scalar values with their position ---------------------------------- */

typedef struct er_text {
  const char *s; /* NULL when absent */
  er_pos pos;
} er_text;

typedef struct er_num {
  er_dec v;
  er_pos pos;
  bool set;
  bool percent; /* written with a % sign */
} er_num;

typedef struct er_flag {
  bool v;
  er_pos pos;
  bool set;
} er_flag;

typedef struct er_date {
  int year, month, day; /* day 0: a month only */
  er_pos pos;
  bool set;
} er_date;

#define ER_LIST(T)                                                                                 \
  struct {                                                                                         \
    T *items;                                                                                      \
    size_t count;                                                                                  \
    er_pos pos;                                                                                    \
  }

/* A name → number pair of an ordered mapping (judgement levels, options). */
typedef struct er_named_num {
  er_text name;
  er_num value;
} er_named_num;
typedef ER_LIST(er_named_num) er_named_nums;

/* Paragraphs, optionally in titled sections. */
typedef struct er_section {
  er_text title; /* absent for plain paragraphs */
  ER_LIST(er_text) paras;
} er_section;
typedef ER_LIST(er_section) er_prose;

/* ---- Project --------------------------------------------------------------- */

typedef struct er_period {
  er_date from, to;
  er_pos pos;
} er_period;

typedef struct er_project {
  er_text name, title, subtitle, region, department, implementer, commissioner, evaluator, basis;
  er_num year;
  er_date report_date;
  er_period period;
  er_pos pos;
} er_project;

/* ---- Funds ----------------------------------------------------------------- */

typedef enum er_fund_level {
  ER_LEVEL_CENTRAL,
  ER_LEVEL_PROVINCIAL,
  ER_LEVEL_MUNICIPAL,
  ER_LEVEL_COUNTY,
  ER_LEVEL_CARRYOVER,
  ER_LEVEL_OTHER,
  ER_LEVEL_COUNT
} er_fund_level;
extern const char *const er_fund_level_names[]; /* 中央 省级 市级 县级 上年结转 其他 */

typedef struct er_choice {
  int index; /* into the field's value list; -1 when absent */
  er_text text;
} er_choice;

typedef struct er_source {
  er_choice level;
  er_text name;
  er_num initial, planned, arrived;
  er_num spent; /* 全年执行数 of this source, for the 自评表's rows */
  er_pos pos;
} er_source;

typedef struct er_spending {
  er_text category;
  er_num amount;
  er_pos pos;
} er_spending;

typedef struct er_fund_item {
  er_text name;
  er_prose description;
  ER_LIST(er_source) sources;
  ER_LIST(er_spending) spending;
  er_num total, balance;
  er_pos pos;
} er_fund_item;

typedef struct er_funds {
  er_choice unit; /* 万元 | 元 */
  ER_LIST(er_fund_item) items;
  er_pos pos;
} er_funds;

/* Sums of one fund item or of all items (computed by er_funds_totals). */
typedef struct er_fund_totals {
  er_dec initial, planned, arrived, spent, balance;
  er_dec local_arrived;                             /* of 市级 and 县级 sources */
  er_dec arrival_rate, execution_rate, local_share; /* percent; zero when undefined */
  bool arrival_defined, execution_defined;          /* local_share: as execution */
} er_fund_totals;

/* ---- Beneficiaries and targets ----------------------------------------------- */

typedef struct er_beneficiary {
  er_text category, person_unit, standard_unit, note;
  er_num households, persons, standard, amount;
  er_pos pos;
} er_beneficiary;

typedef struct er_target {
  er_text level1, level2, name, target, actual, deviation;
  er_flag met;
  er_num weight;
  er_num score; /* 自评表 得分, where no indicator of the same name scores it */
  er_pos pos;
} er_target;

typedef struct er_targets {
  er_prose overall, overall_actual;
  ER_LIST(er_target) items;
  er_pos pos;
} er_targets;

/* ---- Indicator tree and scoring rules ----------------------------------------- */

typedef enum er_rule_kind {
  ER_RULE_NONE = -1,
  ER_RULE_JUDGEMENT,
  ER_RULE_BANDS,
  ER_RULE_RATIO,
  ER_RULE_EXECUTION,
  ER_RULE_QUALITATIVE,
  ER_RULE_DEDUCTIONS,
  ER_RULE_CHECKLIST,
  ER_RULE_SATISFACTION,
  ER_RULE_ROLLUP,
  ER_RULE_SCORE,
  ER_RULE_REVERSE,
  ER_RULE_EQUALITY,
  ER_RULE_ARRIVAL,
  ER_RULE_COUNT
} er_rule_kind;
extern const char *const er_rule_names[];

typedef struct er_band {
  er_text when;
  er_num fraction;
  er_text label;
  er_pos pos;
} er_band;
typedef ER_LIST(er_band) er_bands;

/* A judgement scale or band table: given inline or by a name in `scales`. */
typedef struct er_scale_ref {
  er_text name;         /* a named scale */
  er_named_nums levels; /* an inline judgement scale */
  er_bands bands;       /* an inline band table */
  er_pos pos;
  bool set;
} er_scale_ref;

/* Figures the engine derives from `funds`, for conditional deductions. */
typedef enum er_figure {
  ER_FIGURE_EXECUTION,   /* 执行率: spent / arrived */
  ER_FIGURE_ARRIVAL,     /* 到位率: arrived / planned */
  ER_FIGURE_LOCAL_SHARE, /* 地方配套占比: 市级 + 县级 arrived / all arrived */
  ER_FIGURE_COUNT
} er_figure;
extern const char *const er_figure_names[];

typedef struct er_deduction {
  er_num points;
  er_text reason;
  er_num shortfall, base; /* pro-rata: points × shortfall ÷ base */
  er_choice figure;       /* conditional: applies when the figure is `when` */
  er_text when;
  er_pos pos;
  /* computed */
  er_dec deducted; /* the points taken off: points, or its pro-rata part */
  bool applies;    /* false: a conditional deduction whose condition fails */
} er_deduction;

typedef struct er_check_item {
  er_text name;
  er_num points;
  er_flag met;
  er_pos pos;
} er_check_item;

typedef struct er_response {
  er_text level;
  er_num weight, count;
  er_pos pos;
} er_response;

/* A group of units scored by a rollup leaf: its units' scores, or parts
 * whose averages it combines (county = (self-check avg + spot-check avg) ÷ 2). */
typedef struct er_rollup_part {
  er_text name;
  er_num share; /* unset in every part: the parts count equally */
  ER_LIST(er_num) scores;
  er_pos pos;
} er_rollup_part;

typedef struct er_rollup_group {
  er_text name;
  er_num share;
  ER_LIST(er_num) scores;
  ER_LIST(er_rollup_part) parts;
  er_pos pos;
} er_rollup_group;

/* What the scorer computes for a node. */
typedef struct er_scored {
  er_dec score;      /* unrounded */
  er_dec weight;     /* the weight scored against: the data's, or rescaled
                        where siblings are not applicable */
  bool applicable;   /* false: dropped (applicable: false), no score */
  er_dec rate;       /* score / weight, in percent */
  er_dec fraction;   /* leaves: the fraction of the weight earned */
  const char *label; /* leaves: the band or level reached, if any */
  const char *note;  /* leaves: 扣分说明 to show (the data's, or derived) */
  bool valid;        /* false when the inputs could not be scored */
  int places;        /* decimals to show: 2, or 3 where needed */
} er_scored;

typedef struct er_indicator er_indicator;
typedef ER_LIST(er_indicator) er_indicators;

struct er_indicator {
  er_text code, name, point, criteria, note;
  er_num weight, stated_score;
  er_flag bonus, applicable;
  er_prose analysis;
  er_indicators children;
  /* the rule and its inputs (only those of the chosen rule are set) */
  er_choice rule;
  er_text level;                    /* judgement, qualitative */
  er_scale_ref levels;              /* judgement */
  er_num value;                     /* bands */
  er_scale_ref bands;               /* bands */
  er_num actual, target, cap;       /* ratio */
  er_choice direction;              /* ratio: higher | lower */
  er_choice curve;                  /* reverse: ratio | linear */
  er_text fund;                     /* execution, arrival, conditional deductions */
  er_num percent;                   /* qualitative */
  ER_LIST(er_deduction) deductions; /* deductions */
  ER_LIST(er_check_item) items;     /* checklist */
  ER_LIST(er_response) responses;   /* satisfaction */
  er_num out_of;                    /* rollup */
  ER_LIST(er_rollup_group) groups;  /* rollup */
  er_num score;                     /* score */
  er_pos pos;
  /* computed */
  int depth; /* 1 for first-level nodes */
  er_indicator *parent;
  er_scored result;
};

/* A named entry of `scales`. */
typedef struct er_scale {
  er_text name;
  er_named_nums levels; /* a judgement scale … */
  er_bands bands;       /* … or a band table */
  er_pos pos;
} er_scale;

typedef struct er_grade {
  er_text name;
  er_num min;
  er_pos pos;
} er_grade;

/* The scale the total is shown against and the base of its 得分率. */
typedef struct er_scoring {
  er_num out_of, rate_base;
  er_pos pos;
} er_scoring;

typedef struct er_stated {
  er_num total;
  er_text grade;
  er_pos pos;
} er_stated;

/* ---- Narrative ---------------------------------------------------------------- */

typedef struct er_narrative {
  er_prose foreword, background, content, funds, management, goals, goals_achieved, allocation,
      fund_management, indicator_analysis, purpose, scope, approach, methods, indicator_system,
      sampling, process, conclusion, summary_basics, summary_conclusion, problems_intro, deviation,
      improvement, application, disclosure, other;
  er_pos pos;
} er_narrative;

typedef struct er_finding_item {
  er_text title, group, summary;
  er_prose text;
  er_pos pos;
} er_finding_item;
typedef ER_LIST(er_finding_item) er_finding_items;

/* ---- Survey ------------------------------------------------------------------- */

typedef struct er_question {
  er_text text;
  er_flag multiple;
  er_named_nums options;
  er_pos pos;
} er_question;

typedef struct er_survey_group {
  er_text name, title;
  er_num respondents;
  ER_LIST(er_question) questions;
  er_pos pos;
} er_survey_group;

typedef struct er_survey {
  er_prose intro;
  ER_LIST(er_survey_group) groups;
  er_pos pos;
} er_survey;

typedef struct er_signature {
  er_text org;
  er_date date;
  er_pos pos;
} er_signature;

/* ---- The report's structure: outline, front and back matter ---------------------- */

#include "model/outline.h"

/* ---- The evaluation ------------------------------------------------------------ */

typedef enum er_kind { ER_KIND_FULL, ER_KIND_SELF } er_kind;
/* The layout of the 项目支出绩效自评表. */
typedef enum er_form_profile { ER_FORM_NATIONAL, ER_FORM_SICHUAN } er_form_profile;
/* The wording the 自评表 prints (`form_labels`), each replaceable where a
 * region's form words it otherwise (全年实际值 for 实际完成值 …). */
typedef enum er_form_label {
  ER_FL_TITLE,       /* 项目支出绩效自评表 */
  ER_FL_NAME,        /* 项目名称 */
  ER_FL_DEPARTMENT,  /* 主管部门 */
  ER_FL_IMPLEMENTER, /* 实施单位 */
  ER_FL_FUNDS,       /* 项目资金 */
  ER_FL_INITIAL,     /* 年初预算数 */
  ER_FL_PLANNED,     /* 全年预算数; Sichuan: 调整后预算数 */
  ER_FL_SPENT,       /* 全年执行数 */
  ER_FL_WEIGHT,      /* 分值 */
  ER_FL_RATE,        /* 执行率 */
  ER_FL_SCORE,       /* 得分 */
  ER_FL_ALL,         /* 年度资金总额, then the funds block's 其中 rows */
  ER_FL_CURRENT,
  ER_FL_CARRYOVER,
  ER_FL_OTHER,
  ER_FL_OVERALL,    /* 年度总体目标 */
  ER_FL_EXPECTED,   /* 预期目标 */
  ER_FL_ACHIEVED,   /* 实际完成情况 */
  ER_FL_INDICATORS, /* 绩效指标 */
  ER_FL_LEVEL1,
  ER_FL_LEVEL2,
  ER_FL_LEVEL3,
  ER_FL_NATURE, /* 指标性质 (Sichuan) */
  ER_FL_TARGET, /* 年度指标值 */
  ER_FL_UNIT,   /* 度量单位 (Sichuan) */
  ER_FL_ACTUAL, /* 实际完成值 */
  ER_FL_DEVIATION,
  ER_FL_TOTAL,      /* 总分 */
  ER_FL_CONCLUSION, /* Sichuan's closing rows: 结论, 问题, 改进措施 */
  ER_FL_PROBLEMS,
  ER_FL_IMPROVEMENT,
  ER_FL_COUNT
} er_form_label;
typedef struct er_form_labels {
  er_text text[ER_FL_COUNT];
  er_pos pos;
} er_form_labels;

typedef struct er_eval {
  er_num version;
  er_choice kind;
  er_choice form; /* er_form_profile; -1: national */
  er_form_labels form_labels;
  er_project project;
  er_funds funds;
  ER_LIST(er_beneficiary) beneficiaries;
  er_targets targets;
  er_indicators indicators;
  ER_LIST(er_scale) scales; /* sorted by name, for er_find_scale */
  ER_LIST(er_grade) grades; /* given as [] (pos set, no items): no grade */
  er_scoring scoring;
  er_stated stated;
  er_narrative narrative;
  er_finding_items problems, experience, recommendations;
  er_survey survey;
  er_signature signature;
  er_report_layout report;
  er_outline_sections outline; /* the body; none: the built-in outline */
  er_pos pos;

  /* computed by er_score() */
  er_dec total, total_weight, bonus;
  er_dec out_of, rate_base; /* scoring.out_of and .rate_base, or total_weight */
  const char *grade;
  bool scored; /* every leaf could be scored */

  const char *file;
  er_arena arena;
} er_eval;

#endif
