/* The data format of docs/data-format.md, as tables. */
#include "model/shape.h"

#include "model/model.h"
#include "model/shape_impl.h"

#include <string.h>

const char *const er_fund_level_names[] = {"中央",     "省级", "市级", "县级",
                                           "上年结转", "其他", NULL};
const char *const er_rule_names[] = {
    "judgement",    "bands",  "ratio", "execution", "qualitative", "deductions", "checklist",
    "satisfaction", "rollup", "score", "reverse",   "equality",    "arrival",    NULL};
const char *const er_figure_names[] = {"execution", "arrival", "local_share", NULL};
static const char *const kind_names[] = {"full", "self", NULL};
static const char *const form_names[] = {"national", "sichuan", NULL};
static const char *const unit_names[] = {"万元", "元", NULL};
static const char *const direction_names[] = {"higher", "lower", NULL};
static const char *const curve_names[] = {"ratio", "linear", NULL};

#define NUM_POS (ER_NONNEG)
#define PCT (ER_PERCENT | ER_NONNEG)

/* ---- project ---- */
#define S er_period
static const er_field period_shape_fields[] = {DATE("from", from, "起始年月"),
                                               DATE("to", to, "截止年月"), END};
static SHAPE(period_shape, "评价期间", "评价期间");
#undef S

#define S er_project
static const er_field project_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "项目名称"),
    TEXT("title", title, 0, "报告标题，默认为“项目名称+绩效评价报告”"),
    TEXT("subtitle", subtitle, 0, "标题下的副标题"),
    NUM("year", year, ER_REQUIRED | ER_INTEGER | ER_NONNEG, "评价的预算年度"),
    TEXT("region", region, 0, "地区"),
    TEXT("department", department, 0, "主管部门 / 项目单位"),
    TEXT("implementer", implementer, 0, "实施单位"),
    TEXT("commissioner", commissioner, 0, "委托单位"),
    TEXT("evaluator", evaluator, 0, "评价机构"),
    DATE("report_date", report_date, "报告日期"),
    OBJECT("period", period, period_shape, "评价期间"),
    TEXT("basis", basis, 0, "评价依据文件"),
    END};
static SHAPE(project_shape, "项目", "项目基本信息");
#undef S

/* ---- funds ---- */
#define S er_source
static const er_field source_shape_fields[] = {
    CHOICE("level", level, ER_REQUIRED, er_fund_level_names, "资金级次"),
    TEXT("name", name, 0, "来源名称"),
    NUM("initial", initial, NUM_POS, "年初预算数"),
    NUM("planned", planned, ER_REQUIRED | NUM_POS, "全年预算数（计划）"),
    NUM("arrived", arrived, ER_REQUIRED | NUM_POS, "到位数"),
    NUM("spent", spent, NUM_POS, "全年执行数（自评表按资金性质分行填列时用）"),
    END};
static SHAPE(source_shape, "资金来源", "一项资金来源");
#undef S

#define S er_spending
static const er_field spending_shape_fields[] = {
    TEXT("category", category, ER_REQUIRED, "支出类别"),
    NUM("amount", amount, ER_REQUIRED | NUM_POS, "支出金额"), END};
static SHAPE(spending_shape, "资金支出", "一类支出");
#undef S

#define S er_fund_item
static const er_field fund_item_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "资金项目名称"),
    PROSE("description", description, "资金项目说明"),
    LIST("sources", sources, ER_REQUIRED, source_shape, "资金来源"),
    LIST("spending", spending, 0, spending_shape, "资金支出"),
    NUM("total", total, NUM_POS, "资金总额（填报数，用于核对）"),
    NUM("balance", balance, 0, "结转结余（填报数，用于核对）"),
    END};
static SHAPE(fund_item_shape, "资金项目", "一个资金项目");
#undef S

#define S er_funds
static const er_field funds_shape_fields[] = {
    CHOICE("unit", unit, 0, unit_names, "金额单位，默认万元"),
    LIST("items", items, ER_REQUIRED, fund_item_shape, "资金项目"), END};
static SHAPE(funds_shape, "资金", "资金投入和使用");
#undef S

/* ---- beneficiaries, targets ---- */
#define S er_beneficiary
static const er_field beneficiary_shape_fields[] = {
    TEXT("category", category, ER_REQUIRED, "保障类别"),
    NUM("households", households, ER_INTEGER | ER_NONNEG, "户数"),
    NUM("persons", persons, ER_INTEGER | ER_NONNEG, "人数"),
    TEXT("person_unit", person_unit, 0, "人数单位：人 或 人次"),
    NUM("standard", standard, NUM_POS, "保障标准"),
    TEXT("standard_unit", standard_unit, 0, "保障标准单位，如 元/人/月"),
    NUM("amount", amount, NUM_POS, "发放金额"),
    TEXT("note", note, 0, "备注"),
    END};
static SHAPE(beneficiary_shape, "保障对象", "保障对象一行");
#undef S

#define S er_target
static const er_field target_shape_fields[] = {
    TEXT("level1", level1, ER_REQUIRED, "一级指标：产出指标、效益指标、满意度指标"),
    TEXT("level2", level2, 0, "二级指标：数量指标、质量指标、时效指标……"),
    TEXT("name", name, ER_REQUIRED, "三级指标名称"),
    TEXT("target", target, ER_REQUIRED, "年度指标值，如 ≥90%、31000人、每月10日前"),
    TEXT("actual", actual, 0, "实际完成值"),
    FLAG("met", met, "是否完成"),
    NUM("weight", weight, NUM_POS, "自评表中的分值"),
    NUM("score", score, NUM_POS, "自评表中的得分（无同名末级指标时；缺省按完成情况计算）"),
    TEXT("deviation", deviation, 0, "偏差原因分析及改进措施"),
    END};
static SHAPE(target_shape, "绩效目标", "绩效目标一行");
#undef S

#define S er_targets
static const er_field targets_shape_fields[] = {
    PROSE("overall", overall, "年度总体目标"),
    PROSE("overall_actual", overall_actual, "总体目标实际完成情况"),
    LIST("items", items, 0, target_shape, "绩效指标"), END};
static SHAPE(targets_shape, "绩效目标", "绩效目标及完成情况");
#undef S

/* ---- indicators ---- */
#define S er_band
static const er_field band_shape_fields[] = {
    TEXT("when", when, ER_REQUIRED, "区间，如 90% ≤ x < 100%"),
    NUM("fraction", fraction, ER_REQUIRED | PCT, "得分比值（0 到 1）"),
    TEXT("label", label, 0, "档次名称，如 较好"), END};
const er_shape er_band_shape = {"band", "分档", sizeof(S), offsetof(S, pos), band_shape_fields,
                                "一档", NULL};
#undef S

#define S er_deduction
static const er_field deduction_shape_fields[] = {
    NUM("points", points, ER_REQUIRED | NUM_POS, "扣分；按比例扣减时为满扣分"),
    TEXT("reason", reason, ER_REQUIRED, "扣分原因"),
    NUM("shortfall", shortfall, PCT,
        "按比例扣减：差额（与 base 同单位），扣 points × shortfall ÷ base"),
    NUM("base", base, PCT, "按比例扣减：基数"),
    CHOICE("figure", figure, 0, er_figure_names,
           "条件扣分：计算得出的数值，execution 执行率、arrival 到位率、local_share 地方配套占比"),
    TEXT("when", when, 0, "条件扣分：数值满足的条件，如 x < 90%"),
    END};
static SHAPE(deduction_shape, "扣分", "一项扣分");
#undef S

#define S er_check_item
static const er_field check_item_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "评分要点"),
    NUM("points", points, ER_REQUIRED | NUM_POS, "分值"), FLAG("met", met, "是否做到"), END};
static SHAPE(check_item_shape, "评分要点", "一个评分要点");
#undef S

#define S er_response
static const er_field response_shape_fields[] = {
    TEXT("level", level, ER_REQUIRED, "满意程度"),
    NUM("weight", weight, ER_REQUIRED | PCT, "满意度权重 pᵢ（0 到 1）"),
    NUM("count", count, ER_REQUIRED | ER_INTEGER | ER_NONNEG, "人数 nᵢ"), END};
static SHAPE(response_shape, "满意度档次", "一个满意度档次");
#undef S

#define S er_rollup_part
static const er_field rollup_part_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "部分名称，如 自查、抽查"),
    NUM("share", share, PCT, "所占比重；各部分都不写时平均"),
    FIELD("scores", ER_F_NUM_LIST, scores, ER_REQUIRED | ER_NONNEG, NULL, NULL, "各单位得分"), END};
static SHAPE(rollup_part_shape, "单位组的部分", "单位组中按平均值合成的一部分");
#undef S

#define S er_rollup_group
static const er_field rollup_group_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "单位组名称"),
    NUM("share", share, ER_REQUIRED | PCT, "所占比重"),
    FIELD("scores", ER_F_NUM_LIST, scores, ER_NONNEG, NULL, NULL, "各单位得分（或用 parts）"),
    LIST("parts", parts, 0, rollup_part_shape, "按平均值合成的部分（代替 scores）"), END};
static SHAPE(rollup_group_shape, "单位组", "一组下级单位");
#undef S

#define S er_indicator
static const er_field indicator_fields[] = {
    TEXT("code", code, ER_REQUIRED, "指标编码，如 A11"),
    TEXT("name", name, ER_REQUIRED, "指标名称"),
    NUM("weight", weight, ER_REQUIRED | ER_NONNEG, "分值（权重）"),
    LIST("children", children, 0, er_indicator_shape, "下级指标"),
    TEXT("point", point, 0, "评价要点"),
    TEXT("criteria", criteria, 0, "评分标准"),
    TEXT("note", note, 0, "扣分说明"),
    PROSE("analysis", analysis, "一级指标的分析文字"),
    FLAG("bonus", bonus, "加分项"),
    FLAG("applicable", applicable, "false：不适用，不评分，同级指标按比例放大到上级分值"),
    NUM("stated_score", stated_score, ER_NONNEG, "原表填写的得分，用于核对"),
    CHOICE("rule", rule, 0, er_rule_names, "评分规则"),
    TEXT("level", level, 0, "评定的等级（judgement、qualitative）"),
    SCALE("levels", levels, "等级及得分比值，或 scales 中的名称（judgement）"),
    NUM("value", value, ER_PERCENT, "实测值 x（bands）"),
    SCALE("bands", bands, "分档表，或 scales 中的名称（bands）"),
    NUM("actual", actual, ER_PERCENT | ER_NONNEG, "实际值（ratio、reverse、equality）"),
    NUM("target", target, ER_PERCENT | ER_NONNEG, "目标值（ratio、reverse、equality）"),
    NUM("cap", cap, PCT, "比值上限，默认 1（ratio）"),
    CHOICE("direction", direction, 0, direction_names,
           "higher：越高越好；lower：越低越好（ratio）"),
    CHOICE("curve", curve, 0, curve_names,
           "ratio：目标值/实际值 × 分值；linear：超过目标按比例递减，两倍目标为 0（reverse）"),
    TEXT("fund", fund, 0, "资金项目名称，默认全部（execution、arrival、条件扣分）"),
    NUM("percent", percent, PCT, "达成程度（qualitative）"),
    LIST("deductions", deductions, 0, deduction_shape, "扣分项（deductions）"),
    LIST("items", items, 0, check_item_shape, "评分要点（checklist）"),
    LIST("responses", responses, 0, response_shape, "满意度调查结果（satisfaction）"),
    NUM("out_of", out_of, ER_NONNEG, "下级单位得分的满分，默认 100（rollup）"),
    LIST("groups", groups, 0, rollup_group_shape, "下级单位组（rollup）"),
    NUM("score", score, ER_NONNEG, "直接评定的得分（score）"),
    END};
const er_shape er_indicator_shape = {
    "indicator", "指标", sizeof(S), offsetof(S, pos), indicator_fields, "指标体系中的一个指标",
    NULL};
#undef S

#define S er_grade
static const er_field grade_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "等级名称"),
    NUM("min", min, ER_REQUIRED | ER_NONNEG, "下限（含）"), END};
static SHAPE(grade_shape, "等级", "一个评价等级");
#undef S

#define S er_scoring
static const er_field scoring_shape_fields[] = {
    NUM("out_of", out_of, NUM_POS,
        "总分的满分，如有加分项的 105；默认为一级指标（不含加分项）分值之和"),
    NUM("rate_base", rate_base, NUM_POS,
        "总得分率的基数：得分率 = 总分 ÷ rate_base；默认为 out_of"),
    END};
static SHAPE(scoring_shape, "计分", "总分的满分和得分率的基数");
#undef S

#define S er_stated
static const er_field stated_shape_fields[] = {NUM("total", total, ER_NONNEG, "原报告的总分"),
                                               TEXT("grade", grade, 0, "原报告的等级"), END};
static SHAPE(stated_shape, "填报结果", "原报告中的结果，用于核对");
#undef S

/* ---- narrative and lists ---- */
#define S er_narrative
static const er_field er_narrative_shape_fields[] = {
    PROSE("foreword", foreword, "开篇段落"),
    PROSE("background", background, "立项背景"),
    PROSE("content", content, "项目内容"),
    PROSE("funds", funds, "资金来源及使用情况"),
    PROSE("management", management, "实施管理情况"),
    PROSE("goals", goals, "绩效目标"),
    PROSE("goals_achieved", goals_achieved, "绩效目标完成情况"),
    PROSE("allocation", allocation, "绩效目标分解下达情况"),
    PROSE("fund_management", fund_management, "资金管理情况分析"),
    PROSE("indicator_analysis", indicator_analysis, "绩效指标完成情况分析"),
    PROSE("purpose", purpose, "评价目的"),
    PROSE("scope", scope, "评价对象和范围"),
    PROSE("approach", approach, "评价思路及重点"),
    PROSE("methods", methods, "评价方式方法及程序"),
    PROSE("indicator_system", indicator_system, "评价指标体系说明"),
    PROSE("sampling", sampling, "选点及抽样调查"),
    PROSE("process", process, "评价工作过程"),
    PROSE("conclusion", conclusion, "评价结论的文字"),
    PROSE("summary_basics", summary_basics, "摘要：项目基本情况"),
    PROSE("summary_conclusion", summary_conclusion, "摘要：评价结论"),
    PROSE("problems_intro", problems_intro, "存在问题的引言"),
    PROSE("deviation", deviation, "偏离绩效目标的原因"),
    PROSE("improvement", improvement, "下一步改进措施"),
    PROSE("application", application, "自评结果应用情况"),
    PROSE("disclosure", disclosure, "公开情况"),
    PROSE("other", other, "其他需要说明的问题"),
    END};
SHAPE_ID(er_narrative_shape, "narrative_shape", "叙述", "报告中的叙述文字", NULL);
#undef S

#define S er_finding_item
static const er_field finding_item_shape_fields[] = {
    TEXT("title", title, 0, "标题"), TEXT("group", group, 0, "分组"),
    TEXT("summary", summary, 0, "摘要中的简述"), PROSE("text", text, "正文"), END};
static SHAPE(finding_item_shape, "条目", "一条问题、经验或建议");
#undef S

#define S er_question
static const er_field question_shape_fields[] = {
    TEXT("text", text, ER_REQUIRED, "问题"), FLAG("multiple", multiple, "多选题"),
    NAMED("options", options, ER_REQUIRED | ER_INTEGER | ER_NONNEG, "选项及人数，按顺序"), END};
static SHAPE(question_shape, "问题", "问卷中的一个问题");
#undef S

#define S er_survey_group
static const er_field survey_group_shape_fields[] = {
    TEXT("name", name, ER_REQUIRED, "调查对象"), TEXT("title", title, 0, "汇总表标题"),
    NUM("respondents", respondents, ER_REQUIRED | ER_INTEGER | ER_NONNEG, "有效问卷份数"),
    LIST("questions", questions, 0, question_shape, "问题"), END};
static SHAPE(survey_group_shape, "调查对象组", "一组调查对象");
#undef S

#define S er_survey
static const er_field survey_shape_fields[] = {
    PROSE("intro", intro, "问卷调查说明"),
    LIST("groups", groups, 0, survey_group_shape, "调查对象组"), END};
static SHAPE(survey_shape, "问卷调查", "问卷调查");
#undef S

#define S er_signature
static const er_field signature_shape_fields[] = {TEXT("org", org, 0, "落款单位"),
                                                  DATE("date", date, "落款日期"), END};
static SHAPE(signature_shape, "落款", "落款");
#undef S

/* ---- the 自评表's wording ---- */
#define S er_form_labels
#define LABEL(key, id, doc) TEXT(key, text[id], 0, doc)
static const er_field form_labels_shape_fields[] = {
    LABEL("title", ER_FL_TITLE, "表名，默认“项目支出绩效自评表”"),
    LABEL("name", ER_FL_NAME, "默认“项目名称”"),
    LABEL("department", ER_FL_DEPARTMENT, "默认“主管部门”"),
    LABEL("implementer", ER_FL_IMPLEMENTER, "默认“实施单位”"),
    LABEL("funds", ER_FL_FUNDS, "资金栏，默认“项目资金”，其后注明（万元）"),
    LABEL("initial", ER_FL_INITIAL, "默认“年初预算数”"),
    LABEL("planned", ER_FL_PLANNED, "默认“全年预算数”（四川：“调整后预算数”）"),
    LABEL("spent", ER_FL_SPENT, "默认“全年执行数”"),
    LABEL("weight", ER_FL_WEIGHT, "默认“分值”"),
    LABEL("rate", ER_FL_RATE, "默认“执行率”"),
    LABEL("score", ER_FL_SCORE, "默认“得分”"),
    LABEL("all", ER_FL_ALL, "默认“年度资金总额”"),
    LABEL("current", ER_FL_CURRENT, "默认“其中：当年财政拨款”"),
    LABEL("carryover", ER_FL_CARRYOVER, "默认“上年结转资金”"),
    LABEL("other", ER_FL_OTHER, "默认“其他资金”"),
    LABEL("overall", ER_FL_OVERALL, "默认“年度总体目标”"),
    LABEL("expected", ER_FL_EXPECTED, "默认“预期目标”"),
    LABEL("achieved", ER_FL_ACHIEVED, "默认“实际完成情况”"),
    LABEL("indicators", ER_FL_INDICATORS, "默认“绩效指标”"),
    LABEL("level1", ER_FL_LEVEL1, "默认“一级指标”"),
    LABEL("level2", ER_FL_LEVEL2, "默认“二级指标”"),
    LABEL("level3", ER_FL_LEVEL3, "默认“三级指标”"),
    LABEL("nature", ER_FL_NATURE, "默认“指标性质”（四川）"),
    LABEL("target", ER_FL_TARGET, "默认“年度指标值”"),
    LABEL("unit", ER_FL_UNIT, "默认“度量单位”（四川）"),
    LABEL("actual", ER_FL_ACTUAL, "默认“实际完成值”"),
    LABEL("deviation", ER_FL_DEVIATION, "默认“偏差原因分析及改进措施”"),
    LABEL("total", ER_FL_TOTAL, "默认“总分”"),
    LABEL("conclusion", ER_FL_CONCLUSION, "默认“结论”（四川）"),
    LABEL("problems", ER_FL_PROBLEMS, "默认“问题”（四川）"),
    LABEL("improvement", ER_FL_IMPROVEMENT, "默认“改进措施”（四川）"),
    END};
#undef LABEL
_Static_assert(sizeof form_labels_shape_fields / sizeof *form_labels_shape_fields ==
                   ER_FL_COUNT + 1,
               "one key per label of the form");
static SHAPE(form_labels_shape, "自评表用语", "自评表各栏的名称，与所用表式不同时填写");
#undef S

#define S er_eval
static const er_field eval_fields[] = {
    NUM("evalreport", version, ER_REQUIRED | ER_INTEGER, "格式版本，总是 1"),
    CHOICE("kind", kind, 0, kind_names, "full：第三方评价报告；self：绩效自评报告"),
    CHOICE("form", form, 0, form_names, "自评表格式：national 全国通用（默认），sichuan 四川省"),
    OBJECT("form_labels", form_labels, form_labels_shape, "自评表各栏的名称（与表式不同时）"),
    OBJECT("project", project, project_shape, "项目基本信息"),
    OBJECT("funds", funds, funds_shape, "资金投入和使用"),
    LIST("beneficiaries", beneficiaries, 0, beneficiary_shape, "保障对象"),
    OBJECT("targets", targets, targets_shape, "绩效目标"),
    LIST("indicators", indicators, ER_REQUIRED, er_indicator_shape, "指标体系"),
    FIELD("scales", ER_F_SCALES, scales, 0, NULL, NULL, "共用的分档表和等级"),
    LIST("grades", grades, 0, grade_shape, "评价等级，从高到低；[] 表示不评等级"),
    OBJECT("scoring", scoring, scoring_shape, "总分的满分和得分率的基数"),
    OBJECT("stated", stated, stated_shape, "原报告中的结果"),
    OBJECT("narrative", narrative, er_narrative_shape, "叙述文字"),
    LIST("problems", problems, 0, finding_item_shape, "存在的问题"),
    LIST("experience", experience, 0, finding_item_shape, "经验做法"),
    LIST("recommendations", recommendations, 0, finding_item_shape, "有关建议"),
    OBJECT("survey", survey, survey_shape, "问卷调查"),
    OBJECT("signature", signature, signature_shape, "落款"),
    OBJECT("report", report, er_report_layout_shape, "报告的封面、摘要、目录、编号、落款等"),
    LIST("outline", outline, 0, er_outline_section_shape, "报告正文的结构（省略时用内置结构）"),
    END};
const er_shape er_eval_shape = {
    "evaluation", "评价", sizeof(S), offsetof(S, pos), eval_fields, "一次绩效评价的全部数据", NULL};
#undef S

const er_field *er_shape_field(const er_shape *shape, const char *key, size_t len) {
  for (const er_field *f = shape->fields; f->key; f++)
    if (strlen(f->key) == len && memcmp(f->key, key, len) == 0)
      return f;
  return NULL;
}
