/* The output formats this build can write, in the order `render` writes
 * them when no --format is given (OFD only when asked for). */
#include "docx/docx.h"
#include "html/html.h"
#include "ofd/ofd.h"
#include "pdf/pdf.h"
#include "pipeline/pipeline.h"
#include "xlsx/annex.h"

const er_format er_formats[] = {
    {"pdf", ".pdf", er_pdf_write, false, true},
    {"html", ".html", er_html_write, false, false},
    {"xlsx", "-annex.xlsx", er_xlsx_write_annex, false, false},
    {"docx", ".docx", er_docx_write, false, true},
    {"ofd", ".ofd", er_ofd_write, true, true},
    {NULL, NULL, NULL, false, false},
};
