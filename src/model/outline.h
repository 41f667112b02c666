/* The report's own structure (docs/data-format.md, "报告结构"): the outline
 * of sections the body follows, and the front and back matter around it.
 * A data file may carry both; without an outline the view uses the
 * built-in one of the evaluation's kind (templates/outlines/KIND.yaml) or
 * the one in a --template directory (DIR/outline.yaml). */
#ifndef ER_OUTLINE_H
#define ER_OUTLINE_H

/* Part of the model: included by model/model.h, which defines the value types
 * used here; include that header, not this one. */

/* One entry of a section's body: a paragraph (`text`, with inline marks and
 * references) or a computed block (`block`, with its options). */
typedef struct er_body_item {
  er_text text;      /* a paragraph */
  er_text block;     /* or the name of a computed block: fund_tables, score_sheet, … */
  er_text id;        /* the block's id, cited as {table:ID} or {figure:ID} */
  er_text group;     /* problems / experience / recommendations: one group only */
  er_text code;      /* dimension: the first-level indicator's code */
  er_text key;       /* narrative: the narrative key */
  er_text note;      /* a note set under the block (a table's footnote) */
  er_text empty;     /* what to print when the block has nothing to show */
  er_text title;     /* table, chart: its caption after its number */
  er_text unit;      /* table: （单位：…） after the title; chart: the values' unit */
  er_text rows;      /* table, chart: the header line, then a line per row, cells split at | */
  er_text total;     /* table: the label of a last row the engine sums */
  er_choice kind;    /* chart: bar (default), hbar, pie */
  er_num header;     /* table: how many of the rows head it (default 1) */
  er_flag landscape; /* table: on landscape pages, as the score sheet */
  er_choice align;   /* paragraphs: left (no indent), center, right */
  er_pos pos;
} er_body_item;
typedef ER_LIST(er_body_item) er_body;

typedef struct er_outline_section er_outline_section;
typedef ER_LIST(er_outline_section) er_outline_sections;

struct er_outline_section {
  er_text title;      /* the heading, without its number */
  er_text number;     /* a literal number ("六、"), "" for none; absent: by level */
  er_text id;         /* an element id, for links */
  er_flag annex;      /* an annex: new page, "附件N", after the signature */
  er_flag page_break; /* starts on a new page */
  er_body body;
  er_outline_sections sections;
  er_pos pos;
};

typedef struct er_cover_row {
  er_text label, value;
  er_pos pos;
} er_cover_row;

/* A list entry that is one text ("云南省民政厅", "（一）"). */
typedef struct er_label {
  er_text text;
  er_pos pos;
} er_label;
typedef ER_LIST(er_label) er_labels;

typedef struct er_doc_header { /* 版头: issuing bodies and 发文字号 */
  er_labels issuers;
  er_text number;
  er_pos pos;
} er_doc_header;

typedef struct er_signer {
  er_text org;
  er_date date;
  er_pos pos;
} er_signer;

typedef struct er_imprint { /* 版记 */
  er_text cc, printer;
  er_date date;
  er_pos pos;
} er_imprint;

/* Front and back matter, numbering; everything optional. */
typedef struct er_report_layout {
  er_flag cover, contents;          /* default: on for a full report, off for a self-evaluation */
  ER_LIST(er_cover_row) cover_rows; /* the cover's labelled rows, in order */
  er_text cover_date;               /* the cover's date line; default the report month */
  er_doc_header header;
  er_text addressee;                   /* 主送 */
  er_choice summary;                   /* off | generated (default for a full report) */
  er_outline_sections summary_outline; /* a written 摘要 */
  er_labels numbering;                 /* heading numbers by level: 一、 （一） 1. （1） */
  er_choice table_numbers;             /* chapter (表1-1) | continuous (表1) */
  er_flag annex_note;                  /* "附件：1.…" under the body */
  ER_LIST(er_signer) signers;
  er_imprint imprint;
  er_pos pos;
} er_report_layout;

/* Block names, with what each shows (docs/data-format.md lists them). */
typedef struct er_outline_block {
  const char *name;
  const char *const *tables;  /* the names its tables can be cited by */
  const char *const *figures; /* and its figures */
} er_outline_block;
extern const er_outline_block er_outline_blocks[]; /* terminated by a NULL name */
const er_outline_block *er_outline_block_find(const char *name);

#endif
