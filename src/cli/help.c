/* The help: one page per command, with examples, and the list of them all. */
#include "cli/args.h"

#include <string.h>

static const struct {
  const char *name, *summary, *text;
} pages[] = {
    {"check", "检查数据文件，列出全部问题 (check a data file)",
     "用法 (usage): evalreport check FILE [--json] [-q]\n"
     "\n"
     "检查数据文件：来源合计、支出加结余、权重、分档、手填的总分或等级、未知字段……\n"
     "每个问题一行写到标准错误：FILE:LINE:COL: error|warning: 说明 [key]；\n"
     "在终端上还显示出错的那一行和指向位置的 ^（设置 NO_COLOR 则不用颜色）。\n"
     "\n"
     "  --json        在标准输出写出 JSON 结果（格式见 docs/check-json.md）\n"
     "  -q, --quiet   不列出问题，只用退出状态回答\n"
     "\n"
     "退出状态: 0 可以生成报告, 1 有错误, 2 用法错误\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport check samples/nanchong-2018.yaml\n"
     "  evalreport check data.yaml --json | jq '.findings[] | select(.severity==\"error\")'\n"
     "  evalreport check data.yaml -q && echo 可以生成\n"},
    {"score", "计算各级指标得分、总分和等级 (score the indicator tree)",
     "用法 (usage): evalreport score FILE [--json]\n"
     "\n"
     "在标准输出列出指标树（编码、名称、分值、得分、得分率、扣分说明）、总分和等级；\n"
     "数据有错误时问题写到标准错误，退出状态 1。\n"
     "\n"
     "  --json        同样的结果，另含资金合计、到位率和执行率\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport score samples/nanchong-2018.yaml\n"
     "  evalreport score samples/nanchong-2018.yaml --json\n"},
    {"render", "生成报告 (render the report and annex)",
     "用法 (usage): evalreport render FILE [-o DIR] [--format F]… [--template NAME|DIR] "
     "[--draft]\n"
     "\n"
     "生成 PDF 报告、HTML 页面和 XLSX 评分附件到 DIR（默认当前目录）。\n"
     "数据有错误时不生成，问题写到标准错误；--draft 仍然生成带“草稿”水印和问题清单的草稿。\n"
     "\n"
     "  -o, --output DIR        输出目录\n"
     "  --format F              只生成这种格式（pdf、html、xlsx、docx，或 "
     "ofd：只在指定时生成），可重复\n"
     "  --template NAME|DIR     用改过的模板目录\n"
     "  --draft                 草稿：有错误也生成，并列出全部问题\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport render samples/nanchong-2018.yaml -o out\n"
     "  evalreport render data.yaml --format=html --draft -o out\n"
     "  evalreport render data.yaml --template ./我的模板 --format pdf\n"},
    {"batch", "批量生成并写出汇总排名表 (render many files and a ranked summary)",
     "用法 (usage): evalreport batch INPUT… -o OUTDIR [-j N] [--format F,…] "
     "[--template NAME|DIR]\n"
     "\n"
     "INPUT 是数据文件或目录（其中的 *.yaml、*.yml、*.json）。每个文件生成到 OUTDIR，\n"
     "汇总排名表 summary.csv / summary.xlsx 写到 OUTDIR，并在标准输出列出。\n"
     "\n"
     "  -o, --output DIR        输出目录（必需）\n"
     "  -j, --jobs N            并行进程数（默认 CPU 数）\n"
     "  --format F,…            只生成这些格式\n"
     "  --template NAME|DIR     用改过的模板目录\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport batch samples -o out -j 2\n"
     "  evalreport batch a.yaml b.yaml --output=out --format=pdf,xlsx\n"},
    {"serve", "本地预览草稿，改动后自动刷新 (live preview in a browser)",
     "用法 (usage): evalreport serve FILE [--port N] [--host ADDR] [--template NAME|DIR]\n"
     "\n"
     "在浏览器里预览草稿；每次保存数据文件或模板，页面自动刷新。\n"
     "\n"
     "  --port N                端口（默认 8000 或其后第一个空闲端口；0 任一空闲端口）\n"
     "  --host ADDR             监听地址（默认 127.0.0.1）\n"
     "  --template NAME|DIR     用改过的模板目录\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport serve samples/nanchong-2018.yaml\n"
     "  evalreport serve data.yaml --port=8080\n"},
    {"init", "生成带中文注释的数据文件模板 (write a starter data file)",
     "用法 (usage): evalreport init [--kind full|self] [--outline] [FILE]\n"
     "\n"
     "写出一个带中文注释、可以通过检查的数据文件；不给 FILE 时写到标准输出。\n"
     "不会覆盖已有文件。\n"
     "\n"
     "  --kind full|self        第三方评价报告 (full) 或自评报告 (self)\n"
     "  --outline               附上这类报告的内置提纲，便于修改结构\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport init 项目.yaml\n"
     "  evalreport init --kind=self --outline 自评.yaml\n"},
    {"schema", "输出数据格式的 JSON Schema (print the data format's JSON Schema)",
     "用法 (usage): evalreport schema\n"
     "\n"
     "在标准输出写出数据文件的 JSON Schema，供编辑器补全和校验。\n"
     "\n"
     "示例 (examples):\n"
     "  evalreport schema > evaluation.schema.json\n"},
    {"version", "输出版本 (print the version)",
     "用法 (usage): evalreport version | evalreport -V | evalreport --version\n"},
    {"help", "查看帮助 (help on a command)",
     "用法 (usage): evalreport help [COMMAND] | evalreport COMMAND --help\n"},
};

void er_help_general(FILE *out) {
  fputs("用法 (usage): evalreport COMMAND [OPTIONS]\n\n", out);
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
    fprintf(out, "  %-9s %s\n", pages[i].name, pages[i].summary);
  fputs("\n选项可写作 --name value 或 --name=value；-V/--version 输出版本。\n"
        "evalreport help COMMAND 或 evalreport COMMAND --help 查看一个命令的用法和示例。\n"
        "\n"
        "退出状态 (exit status): 0 成功, 1 数据有错误, 2 用法错误\n",
        out);
}

bool er_help_command(const char *cmd) {
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++)
    if (strcmp(cmd, pages[i].name) == 0) {
      fputs(pages[i].text, stdout);
      return true;
    }
  return false;
}

/* The command names, for a did-you-mean. */
const char *const er_command_names[] = {"check", "score",  "render",  "batch", "serve",
                                        "init",  "schema", "version", "help",  NULL};
