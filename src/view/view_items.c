/* Problems, experience and recommendations: numbered items, each a heading
 * with its paragraphs, or a numbered paragraph when it has no title. The
 * numbering restarts with each group, as reports number them. */
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

static bool in_group(const er_finding_item *it, const char *group) {
  return !group || (it->group.s && strcmp(it->group.s, group) == 0);
}

static bool same_group(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

size_t er_view_items(er_view *v, er_dict *d, const er_finding_items *items, const char *group,
                     int level) {
  size_t shown = 0;
  int in_this_group = 0;
  for (size_t i = 0; i < items->count; i++) {
    const er_finding_item *it = &items->items[i];
    if (!in_group(it, group))
      continue;
    bool group_starts = shown == 0 || !same_group(it->group.s, items->items[i - 1].group.s);
    if (group_starts) {
      in_this_group = 0;
      v->counters[level] = 0; /* headings too start again at （一） */
    }
    in_this_group++;
    /* a titled item is a heading; an untitled one a paragraph led by "1." */
    er_dict *item;
    if (it->title.s)
      item = er_view_heading(v, d, "ITEM", level, true);
    else {
      item = er_dict_add(d, "ITEM");
      er_dict_set(item, "NUM", er_view_number(v, 3, in_this_group));
      er_dict_setf(item, "ID", "item-%zu", i + 1);
    }
    /* a group's name is shown when the block lists every group */
    if (!group && it->group.s && group_starts)
      er_dict_set(er_dict_add(item, "GROUP_START"), "GROUP", it->group.s);
    if (it->title.s)
      er_view_set_inline(v, er_dict_add(item, "TITLED"), "TITLE", it->title.s);
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
    shown++;
  }
  return shown;
}

size_t er_view_item_summaries(er_view *v, er_dict *d, const er_finding_items *items,
                              const char *group) {
  size_t shown = 0;
  for (size_t i = 0; i < items->count; i++) {
    const er_finding_item *it = &items->items[i];
    if (!in_group(it, group))
      continue;
    const char *num = er_view_number(v, 2, (int)++shown);
    const char *text = it->summary.s ? it->summary.s : er_prose_first(&it->text);
    er_dict *para = er_view_para(v, d, it->title.s && !it->summary.s ? "" : text);
    er_dict_set(er_dict_add(para, "LEAD"), "LEAD_TEXT",
                it->title.s
                    ? er_arena_printf(v->arena, "%s%s%s", num, it->title.s, stop(it->title.s))
                    : num);
  }
  return shown;
}
