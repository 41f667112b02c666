/* libfyaml's syntax messages in Chinese: the common ones, matched by a
 * fragment (some carry "%s" parts: "missing comma in flow mapping"). */
#include "model/yaml_zh.h"

#include <libfyaml.h>
#include <stdlib.h>

#include <string.h>

static const struct {
  const char *fragment, *zh;
} table[] = {
    {"tab character may not be used as indentation", "不能用制表符 (Tab) 缩进，请改用空格"},
    {"cannot use tab for indentation", "不能用制表符 (Tab) 缩进，请改用空格"},
    {"invalid tab", "不能用制表符 (Tab) 缩进，请改用空格"},
    {"invalid indentation in mapping", "缩进不对：同一层的键应对齐"},
    {"indent for mapping", "缩进不对：同一层的键应对齐"},
    {"indent for sequence", "缩进不对：同一列表的各项（- ）应对齐"},
    {"did not find expected '-' indicator", "缩进不对：这里应是列表项（以 - 开头）"},
    {"did not find expected key", "缩进不对，或缺少“键: 值”中的键"},
    {"did not find expected node content", "缺少内容：冒号或 - 后面应有值"},
    {"could not find expected ':'", "缺少冒号：应写作“键: 值”"},
    {"missing ':'", "缺少冒号：应写作“键: 值”"},
    {"missing mapping value", "缺少值：冒号后面应有值"},
    {"missing comma in flow", "缺少逗号：[ ] 或 { } 中的各项之间要用逗号分隔"},
    {"flow sequence without a closing bracket", "方括号 [ 没有对应的 ]"},
    {"flow mapping without a closing", "花括号 { 没有对应的 }"},
    {"mismatched flow", "括号不配对：[ 要用 ] 结束，{ 要用 } 结束"},
    {"with invalid extra closing", "多了一个右括号"},
    {"duplicate key", "重复的键：同一层不能有两个相同的键"},
    {"duplicate mapping key", "重复的键：同一层不能有两个相同的键"},
    {"block sequence on the same line", "列表项（- ）应另起一行"},
    {"invalid block mapping key on same line", "键应另起一行"},
    {"invalid nested block mapping on the same line", "一行里不能再写“键: 值”，请另起一行并缩进"},
    {"invalid escape", "双引号字符串中的转义序列无效（反斜杠 \\ 要写成 \\\\）"},
    {"invalid trailing content after", "引号结束后还有多余的内容"},
    {"invalid comment without whitespace", "注释的 # 前面要有空格"},
    {"unterminated", "引号没有结束"},
    {"invalid character", "无效的字符"},
    {"invalid alias", "无效的别名（*）"},
    {"unexpected alias", "这里不能使用别名（*）"},
    {"invalid mapping in plain multiline",
     "多行文字中出现了“键: 值”：含冒号的长文字请用 | 或加引号"},
    {"invalid multiline", "键不能跨行"},
    {"invalid value after mapping", "映射结束后还有多余的内容"},
    {"invalid scalar at the end of block sequence", "列表末尾有多余的内容，或缩进不对"},
    {"block scalar", "块文字（| 或 >）的缩进不对"},
    {"missing document start", "缺少文档开始标记 ---"},
    {"invalid content after document end marker", "文档结束标记 ... 后还有内容"},
};

const char *er_yaml_zh(const char *english) {
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strstr(english, table[i].fragment))
      return table[i].zh;
  return NULL;
}

/* libfyaml exports it without declaring it in its header */
void fy_diag_set_collect_errors(struct fy_diag *diag, bool collect);

struct fy_diag *er_yaml_quiet_diag(void) {
  struct fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = NULL;
  dcfg.colorize = false;
  struct fy_diag *diag = fy_diag_create(&dcfg);
  if (!diag)
    abort();
  fy_diag_set_collect_errors(diag, true);
  return diag;
}
