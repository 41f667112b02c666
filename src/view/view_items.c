/* Problems, experience and recommendations: numbered items, each a heading
 * with its paragraphs, or a numbered paragraph when it has no title. */
#include "view/view_impl.h"

#include <string.h>

static const char *stop(const char *title) {
  size_t len = strlen(title);
  static const char *const stops[] = {"。", "！", "？", "；", "："};
  for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
    size_t n = strlen(stops[i]);
    if (len >= n && strcmp(title + len - n, stops[i]) == 0)
      return "";
  }
  return "。";
}

size_t er_view_items(er_view *v, er_dict *d, const er_finding_items *items, int level) {
  const char *group = NULL;
  for (size_t i = 0; i < items->count; i++) {
    const er_finding_item *it = &items->items[i];
    /* a titled item is a heading; an untitled one a paragraph led by "1." */
    er_dict *item;
    if (it->title.s)
      item = er_view_heading(v, d, "ITEM", level, true);
    else {
      item = er_dict_add(d, "ITEM");
      er_dict_setf(item, "NUM", "%zu.", i + 1);
      er_dict_setf(item, "ID", "item-%zu", i + 1);
    }
    if (it->group.s && (!group || strcmp(group, it->group.s) != 0))
      er_dict_set(er_dict_add(item, "GROUP_START"), "GROUP", it->group.s);
    group = it->group.s;
    if (it->title.s)
      er_dict_set(er_dict_add(item, "TITLED"), "TITLE", it->title.s);
    er_dict *body = er_dict_add(item, "BODY");
    bool first = true;
    for (size_t s = 0; s < it->text.count; s++)
      for (size_t p = 0; p < it->text.items[s].paras.count; p++) {
        er_dict *para = er_view_para(v, body, it->text.items[s].paras.items[p].s);
        if (first && !it->title.s)
          er_dict_set(er_dict_add(para, "LEAD"), "LEAD_TEXT", er_dict_lookup(item, "NUM"));
        first = false;
      }
    if (first && !it->title.s && it->summary.s) {
      er_dict *para = er_view_para(v, body, it->summary.s);
      er_dict_set(er_dict_add(para, "LEAD"), "LEAD_TEXT", er_dict_lookup(item, "NUM"));
    }
  }
  return items->count;
}

void er_view_item_summaries(er_view *v, er_dict *d, const er_finding_items *items) {
  for (size_t i = 0; i < items->count; i++) {
    const er_finding_item *it = &items->items[i];
    er_dict *s = er_dict_add(d, "SUMMARY_ITEM");
    const char *num = er_fmt_heading_number(v->arena, 2, (int)i + 1);
    const char *text = it->summary.s ? it->summary.s : er_prose_first(&it->text);
    er_dict_set(s, "LEAD_TEXT",
                it->title.s
                    ? er_arena_printf(v->arena, "%s%s%s", num, it->title.s, stop(it->title.s))
                    : num);
    er_dict_set(s, "TEXT", it->title.s && !it->summary.s ? "" : text);
  }
}
