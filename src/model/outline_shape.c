/* The report's structure as shape tables: the `outline` of sections and the
 * `report` front and back matter (docs/data-format.md, "报告结构"), and the
 * names of the computed blocks a section's body can show. */
#include "model/model.h"
#include "model/shape_impl.h"

#include <string.h>

static const char *const align_names[] = {"left", "center", "right", NULL};
static const char *const summary_names[] = {"off", "generated", NULL};
static const char *const table_number_names[] = {"chapter", "continuous", NULL};
static const char *const chart_kind_names[] = {"bar", "hbar", "pie", NULL};

#define S er_body_item
static const er_field er_body_item_shape_fields[] = {
    TEXT("text", text, 0,
         "一段文字：可用 **加粗**、[^脚注] 和 {total} {score:A1} {table:ID} 等引用"),
    TEXT("block", block, 0, "计算生成的内容：fund_tables、score_table、score_sheet、problems 等"),
    TEXT("id", id, 0, "内容的编号，供 {table:ID} {figure:ID} 引用"),
    TEXT("group", group, 0, "problems / experience / recommendations：只列这一组"),
    TEXT("code", code, 0, "dimension：一级指标的编码"),
    TEXT("key", key, 0, "narrative：叙述文字的字段名（可用 | 列出备选）；fund_item：资金项目名称"),
    TEXT("note", note, 0, "表下注"),
    TEXT("empty", empty, 0, "没有内容时显示的文字"),
    TEXT("title", title, 0, "table、chart：表题或图题（表号、图号之后）"),
    TEXT("unit", unit, 0, "table：计量单位，表题后写作（单位：…）；chart：数值的单位"),
    TEXT("rows", rows, 0,
         "table、chart：第一行为表头，以下每行一行数据，格之间用 | 分开；格中可用 {funds.planned} "
         "等引用；chart 每行为名称和数值"),
    TEXT("total", total, 0, "table：合计行的名称，如“合计”；各数字列之和由程序计算"),
    CHOICE("kind", kind, 0, chart_kind_names, "chart：bar 柱形图（默认）、hbar 条形图、pie 饼图"),
    NUM("header", header, ER_INTEGER | ER_NONNEG,
        "table：表头的行数，默认 1；格中写 ^ 与上格合并，写 < 与左格合并"),
    FLAG("landscape", landscape, "table：排在横向页上（列多的宽表）"),
    CHOICE("align", align, 0, align_names, "段落对齐：left（不缩进）、center、right"),
    END};
static SHAPE_ID(er_body_item_shape, "body_item", "正文内容",
                "一段文字，或一个计算生成的表格、图、列表", "text");
#undef S

#define S er_outline_section
static const er_field er_outline_section_shape_fields[] = {
    TEXT("title", title, 0, "标题（不含编号）"),
    TEXT("number", number, 0, "标题编号原文，如“六、”；空字符串表示不编号；省略时按级别自动编号"),
    TEXT("id", id, 0, "标题的编号，供链接"),
    FLAG("annex", annex, "附件：另起一页，编为“附件N”，排在落款之后"),
    FLAG("page_break", page_break, "另起一页"),
    LIST("body", body, 0, er_body_item_shape, "标题下的内容，按顺序"),
    LIST("sections", sections, 0, er_outline_section_shape, "下一级标题"),
    END};
const er_shape er_outline_section_shape = {"outline_section",
                                           "报告结构的一节",
                                           sizeof(S),
                                           offsetof(S, pos),
                                           er_outline_section_shape_fields,
                                           "一个标题和它下面的内容、下级标题",
                                           NULL};
#undef S

#define S er_label
static const er_field label_shape_fields[] = {TEXT("text", text, ER_REQUIRED, "文字"), END};
static SHAPE_ID(label_shape, "label", "文字项", "一项文字", "text");
#undef S

#define S er_cover_row
static const er_field cover_row_shape_fields[] = {
    TEXT("label", label, ER_REQUIRED, "栏目名，如“项目单位”“主管部门”"),
    TEXT("value", value, 0, "内容；可用 {project.name} 等引用"), END};
static SHAPE(cover_row_shape, "封面栏目", "封面上的一栏");
#undef S

#define S er_doc_header
static const er_field doc_header_shape_fields[] = {
    LIST("issuers", issuers, 0, label_shape, "发文机关，可多个（联合行文）"),
    TEXT("number", number, 0, "发文字号，如“云民社救〔2017〕7号”"), END};
static SHAPE(doc_header_shape, "版头", "公文版头：发文机关和发文字号");
#undef S

#define S er_signer
static const er_field signer_shape_fields[] = {TEXT("org", org, 0, "署名单位"),
                                               DATE("date", date, "成文日期"), END};
static SHAPE(signer_shape, "署名", "一个署名单位和日期");
#undef S

#define S er_imprint
static const er_field imprint_shape_fields[] = {TEXT("cc", cc, 0, "抄送机关"),
                                                TEXT("printer", printer, 0, "印发机关"),
                                                DATE("date", date, "印发日期"), END};
static SHAPE(imprint_shape, "版记", "公文版记：抄送、印发机关和日期");
#undef S

#define S er_report_layout
static const er_field er_report_layout_shape_fields[] = {
    FLAG("cover", cover, "是否有封面；第三方评价报告默认有，自评报告默认无"),
    LIST("cover_rows", cover_rows, 0, cover_row_shape, "封面栏目，按顺序"),
    TEXT("cover_date", cover_date, 0, "封面日期行；默认为报告年月"),
    OBJECT("header", header, doc_header_shape, "版头"),
    TEXT("addressee", addressee, 0, "主送机关，如“民政部办公厅、财政部办公厅：”"),
    CHOICE("summary", summary, 0, summary_names, "摘要：off 不要，generated 自动生成"),
    LIST("summary_outline", summary_outline, 0, er_outline_section_shape, "自己写的摘要"),
    FLAG("contents", contents, "是否有目录；第三方评价报告默认有"),
    LIST("numbering", numbering, 0, label_shape, "各级标题编号式样，如 [一、, （一）, 1., （1）]"),
    CHOICE("table_numbers", table_numbers, 0, table_number_names,
           "表图编号：chapter 按章（表1-1），continuous 连续（表1）"),
    FLAG("annex_note", annex_note, "正文后列出附件说明“附件：1.…”"),
    LIST("signers", signers, 0, signer_shape, "落款，可多个单位"),
    OBJECT("imprint", imprint, imprint_shape, "版记"),
    END};
const er_shape er_report_layout_shape = {"report",
                                         "报告版式",
                                         sizeof(S),
                                         offsetof(S, pos),
                                         er_report_layout_shape_fields,
                                         "封面、摘要、目录、编号、版头、落款和版记",
                                         NULL};
#undef S

/* ---- blocks ---- */

#define NAMES(...) ((const char *const[]){__VA_ARGS__, NULL})
const er_outline_block er_outline_blocks[] = {
    {"narrative", NULL, NULL},
    {"funds_sentence", NULL, NULL},
    {"allocation", NULL, NULL},
    {"fund_tables", NAMES("fund_table", "spending_table"), NAMES("fund_chart")},
    {"fund_items", NULL, NULL},
    {"fund_item", NULL, NULL},
    {"beneficiaries", NAMES("beneficiary_table"), NULL},
    {"targets", NAMES("target_table"), NULL},
    {"indicator_system", NAMES("system_table"), NULL},
    {"conclusion", NULL, NULL},
    {"score_table", NAMES("score_table"), NAMES("score_chart")},
    {"dimensions", NULL, NULL},
    {"dimension", NULL, NULL},
    {"score_sheet", NAMES("score_sheet"), NULL},
    {"self_table", NAMES("self_table"), NULL},
    {"survey", NULL, NULL},
    {"problems", NULL, NULL},
    {"experience", NULL, NULL},
    {"recommendations", NULL, NULL},
    {"problems_summary", NULL, NULL},
    {"recommendations_summary", NULL, NULL},
    {"summary_basics", NULL, NULL},
    {"annex_list", NULL, NULL},
    {"table", NULL, NULL},
    {"chart", NULL, NULL},
    {NULL, NULL, NULL},
};

const er_outline_block *er_outline_block_find(const char *name) {
  for (const er_outline_block *k = er_outline_blocks; k->name; k++)
    if (strcmp(k->name, name) == 0)
      return k;
  return NULL;
}
