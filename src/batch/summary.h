/* The batch summary: one row per unit that rendered — project name, data
 * file, total, grade, each first-level dimension's score and 得分率, the
 * fund execution rate — ranked by total (ties by name, then file), as
 * OUTDIR/summary.csv and OUTDIR/summary.xlsx. */
#ifndef ER_BATCH_SUMMARY_H
#define ER_BATCH_SUMMARY_H

#include "batch/unit.h"

#include <stdio.h>
#include <time.h>

#define ER_SUMMARY_CSV "summary.csv"
#define ER_SUMMARY_XLSX "summary.xlsx"

/* `units[i]` is the row of `files[i]`; rows that are not ok are left out.
 * Both files are written through temporary files renamed into place.
 * `created` stamps the workbook. The paths written are printed on `paths`
 * when it is not NULL. Returns false, with a message on stderr, when a
 * file could not be written. */
bool er_summary_write(const char *dir, const er_unit *units, const char *const *files, size_t count,
                      time_t created, FILE *paths);

#endif
