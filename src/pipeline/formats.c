/* The output formats this build can write, in the order `render` writes
 * them when no --format is given. */
#include "docx/docx.h"
#include "html/html.h"
#include "pdf/pdf.h"
#include "pipeline/pipeline.h"
#include "xlsx/annex.h"

const er_format er_formats[] = {
    {"pdf", ".pdf", er_pdf_write},
    {"html", ".html", er_html_write},
    {"xlsx", "-annex.xlsx", er_xlsx_write_annex},
    {"docx", ".docx", er_docx_write},
    {NULL, NULL, NULL},
};
