/* The XLSX scoring annex (附件 评分表 / 自评表): one workbook of the
 * indicator tree with live formulas, the self-evaluation table for
 * self-evaluations, the funds, the targets and the survey summary. */
#ifndef ER_XLSX_ANNEX_H
#define ER_XLSX_ANNEX_H

#include "model/writer.h"
#include "model/model.h"

/* Writes the annex of a scored evaluation to `path`. Same input, same
 * bytes. Returns false, with a finding in `d`, when the file could not be
 * written. */
bool er_xlsx_write_annex(const er_eval *ev, const er_render_opts *opts, const char *path,
                         er_diag *d);

#endif
