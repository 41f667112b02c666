// Expanding a checked template with ctemplate: the project's only C++.
//
// The loader (tpl_load.c) has already checked every marker and inlined the
// partials, so ctemplate gets one template text, with HTML auto-escaping
// switched on by the pragma this file puts in front of it, and a
// TemplateDictionary copied from the view's er_dict tree. A private
// TemplateCache keeps one expansion from seeing another's templates. An
// expansion beyond the limits of tpl.h is refused before it starts (steps)
// or once it gets there (output).
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_emitter.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

extern "C" {
#include "view/tpl.h"
}

namespace {

const char kPragma[] = "{{%AUTOESCAPE context=\"HTML\"}}";

// Collects the output up to `limit` bytes; beyond, only notes that there
// was more.
class CappedEmitter : public ctemplate::ExpandEmitter {
public:
  CappedEmitter(std::string *out, size_t limit) : out_(out), limit_(limit) {}
  void Emit(char c) override { Emit(&c, 1); }
  void Emit(const std::string &s) override { Emit(s.data(), s.size()); }
  void Emit(const char *s) override { Emit(s, std::strlen(s)); }
  void Emit(const char *s, size_t n) override {
    if (overflow_ || n > limit_ - out_->size())
      overflow_ = true;
    else
      out_->append(s, n);
  }
  bool overflow() const { return overflow_; }

private:
  std::string *out_;
  size_t limit_;
  bool overflow_ = false;
};

void Fill(ctemplate::TemplateDictionary *out, const er_dict *in) {
  for (const er_dict_var *v = in->vars; v; v = v->next)
    out->SetValue(v->name, v->value);
  for (const er_dict_section *s = in->sections; s; s = s->next) {
    /* a section shown once with nothing in it (X_FIRST, X_LAST and the
     * like, one per list item): ctemplate's ShowSection, not a dictionary
     * of its own */
    if (s->count == 1 && !s->items[0]->vars && !s->items[0]->sections) {
      out->ShowSection(s->name);
      continue;
    }
    for (size_t i = 0; i < s->count; i++)
      Fill(out->AddSectionDictionary(s->name), s->items[i]);
  }
}

char *Expand(const er_tpl *t, er_dict **rootp, bool consume, size_t *len, er_tpl_notes *notes) {
  er_dict *root = *rootp;
  if (!er_tpl_within_limit(t, root)) {
    er_tpl_note_add(notes, t->path, 0, true,
                    "模板展开过大：要经过 %zu 个以上的标记（是否把区段套在了同一列表的区段里，"
                    "如 {{#ROW}}…{{#ROW}}？） (template expands too much)",
                    er_tpl_step_limit(root));
    return nullptr;
  }
  std::string text(kPragma);
  text.append(t->text, t->len);
  ctemplate::TemplateCache cache;
  if (!cache.StringToTemplateCache(t->name, text, ctemplate::DO_NOT_STRIP)) {
    er_tpl_note_add(notes, t->path, 0, true, "ctemplate 无法解析该模板 (ctemplate parse failed)");
    return nullptr;
  }
  size_t limit = er_tpl_output_limit(root);
  ctemplate::TemplateDictionary dict("view");
  Fill(&dict, root);
  if (consume) { /* ctemplate has copied every value: the view's copy can go before expanding */
    er_dict_free(root);
    *rootp = nullptr;
  }
  std::string out;

  CappedEmitter emitter(&out, limit);
  if (!cache.ExpandWithData(t->name, ctemplate::DO_NOT_STRIP, &dict, nullptr, &emitter)) {
    er_tpl_note_add(notes, t->path, 0, true, "ctemplate 展开模板失败 (ctemplate expand failed)");
    return nullptr;
  }
  if (emitter.overflow()) {
    er_tpl_note_add(notes, t->path, 0, true,
                    "模板展开后的文档超过 %zu 字节 (expanded document too large)", limit);
    return nullptr;
  }
  char *result = static_cast<char *>(std::malloc(out.size() + 1));
  if (!result)
    std::abort();
  std::memcpy(result, out.data(), out.size());
  result[out.size()] = '\0';
  *len = out.size();
  return result;
}

} // namespace

static char *ExpandCatching(const er_tpl *t, er_dict *root, bool consume, size_t *len,
                            er_tpl_notes *notes) {
  char *out = nullptr;
  try {
    out = Expand(t, &root, consume, len, notes);
  } catch (const std::bad_alloc &) {
    er_tpl_note_add(notes, t->path, 0, true, "展开模板时内存不足 (out of memory)");
  } catch (...) {
    er_tpl_note_add(notes, t->path, 0, true, "展开模板时出错 (expansion failed)");
  }
  if (consume && root)
    er_dict_free(root);
  return out;
}

extern "C" char *er_tpl_expand(const er_tpl *t, const er_dict *root, size_t *len,
                               er_tpl_notes *notes) {
  return ExpandCatching(t, const_cast<er_dict *>(root), false, len, notes);
}

extern "C" char *er_tpl_expand_free(const er_tpl *t, er_dict *root, size_t *len,
                                    er_tpl_notes *notes) {
  return ExpandCatching(t, root, true, len, notes);
}
