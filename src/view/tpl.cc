// Expanding a checked template with ctemplate: the project's only C++.
//
// The loader (tpl_load.c) has already checked every marker and inlined the
// partials, so ctemplate gets one template text, with HTML auto-escaping
// switched on by the pragma this file puts in front of it. ctemplate reads
// the view's er_dict tree itself, through its TemplateDictionaryInterface:
// a copy of a large report's dictionary as a ctemplate TemplateDictionary
// took as much memory again as the view's own (issue 17). A private
// TemplateCache keeps one expansion from seeing another's templates. An
// expansion beyond the limits of tpl.h is refused before it starts (steps)
// or once it gets there (output). The expansion can run on a thread of
// its own while the caller reads the text as it comes (er_tpl_stream).
#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary_interface.h>
#include <ctemplate/template_emitter.h>

#include <pthread.h>

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

extern "C" {
#include "view/tpl.h"
}

// The text of an expansion running on its own thread, as much of it as
// has been published: the emitter publishes every kPublish bytes, and its
// buffer is only moved or freed under the lock.
struct er_tpl_stream {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  pthread_t thread;
  bool threaded;
  const er_tpl *t;
  er_dict *root;
  er_tpl_notes *notes;
  const char *buf;       // the emitter's buffer, then the whole text
  size_t published, pos; // bytes readable in buf; bytes read
  bool done, failed;
  char *text; // the whole text once done, NULL after a failure
  size_t len;
};

namespace {

const char kPragma[] = "{{%AUTOESCAPE context=\"HTML\"}}";
const size_t kPublish = 64 << 10;

class Locked {
public:
  explicit Locked(er_tpl_stream *s) : s_(s) {
    if (s_)
      pthread_mutex_lock(&s_->mu);
  }
  ~Locked() {
    if (s_)
      pthread_mutex_unlock(&s_->mu);
  }

private:
  er_tpl_stream *s_;
};

// Collects the output, in a malloc'd buffer handed to the caller, up to
// `limit` bytes; beyond, only notes that there was more.
class CappedEmitter : public ctemplate::ExpandEmitter {
public:
  CappedEmitter(size_t limit, er_tpl_stream *stream) : limit_(limit), stream_(stream) {}
  ~CappedEmitter() override {
    Locked lock(stream_);
    if (stream_ && buf_) { // not taken: the expansion failed
      stream_->buf = nullptr;
      stream_->failed = true;
    }
    std::free(buf_);
  }
  void Emit(char c) override { Emit(&c, 1); }
  void Emit(const std::string &s) override { Emit(s.data(), s.size()); }
  void Emit(const char *s) override { Emit(s, std::strlen(s)); }
  void Emit(const char *s, size_t n) override {
    if (overflow_ || n > limit_ - len_) {
      overflow_ = true;
      return;
    }
    if (n >= cap_ - len_) { /* room for n bytes and the NUL */
      size_t cap = cap_ ? cap_ : 1 << 16;
      while (n >= cap - len_)
        cap *= 2;
      char *buf;
      {
        Locked lock(stream_); /* a reader may be copying from it */
        buf = static_cast<char *>(std::realloc(buf_, cap));
        if (buf && stream_)
          stream_->buf = buf;
      }
      if (!buf)
        throw std::bad_alloc();
      buf_ = buf;
      cap_ = cap;
    }
    std::memcpy(buf_ + len_, s, n);
    len_ += n;
    if (stream_ && len_ - published_ >= kPublish) {
      Locked lock(stream_);
      stream_->published = published_ = len_;
      pthread_cond_broadcast(&stream_->cv);
    }
  }
  bool overflow() const { return overflow_; }
  // The text, NUL-terminated, now the caller's; its length in *len.
  char *Take(size_t *len) {
    if (!buf_ && !(buf_ = static_cast<char *>(std::malloc(1))))
      throw std::bad_alloc();
    buf_[len_] = '\0';
    *len = len_;
    char *out = buf_;
    buf_ = nullptr;
    return out;
  }

private:
  char *buf_ = nullptr;
  size_t len_ = 0, cap_ = 0, limit_, published_ = 0;
  bool overflow_ = false;
  er_tpl_stream *stream_;
};

// An er_dict as ctemplate's dictionary, looked up the way ctemplate looks
// up its own TemplateDictionary: a value or a section not in the
// dictionary is looked for in its parent, and so on up to the root.
class View : public ctemplate::TemplateDictionaryInterface {
public:
  explicit View(const er_dict *d) : d_(d) {}

protected:
  ctemplate::TemplateString GetValue(const ctemplate::TemplateString &name) const override {
    const char *v = er_dict_lookup_len(d_, name.data(), name.size());
    if (v)
      return ctemplate::TemplateString(v);
    /* ctemplate's own global values */
    if (Is(name, "BI_SPACE"))
      return ctemplate::TemplateString(" ", 1);
    if (Is(name, "BI_NEWLINE"))
      return ctemplate::TemplateString("\n", 1);
    return ctemplate::TemplateString("", 0);
  }
  bool IsHiddenSection(const ctemplate::TemplateString &name) const override {
    er_dict_shown s;
    return !er_dict_shown_in(d_, name.data(), name.size(), &s);
  }
  bool IsUnhiddenSection(const ctemplate::TemplateString &name) const override {
    return !IsHiddenSection(name);
  }
  void DumpToString(std::string *out, int level) const override {
    out->append(static_cast<size_t>(level) * ctemplate::kIndent, ' ').append("er_dict\n");
  }
  // partials are inlined by the loader: no template includes
  bool IsHiddenTemplate(const ctemplate::TemplateString &) const override { return true; }
  const char *GetIncludeTemplateName(const ctemplate::TemplateString &, int) const override {
    return nullptr;
  }
  Iterator *CreateTemplateIterator(const ctemplate::TemplateString &) const override;
  Iterator *CreateSectionIterator(const ctemplate::TemplateString &name) const override;

private:
  static bool Is(const ctemplate::TemplateString &name, const char *s) {
    return name.size() == std::strlen(s) && std::memcmp(name.data(), s, name.size()) == 0;
  }

  class Instances;
  const er_dict *d_;
};

// The instances of a section, one at a time: ctemplate expands each
// before it asks for the next.
class View::Instances : public Iterator {
public:
  explicit Instances(const er_dict_shown &s) : shown_(s), current_(nullptr) {}
  bool HasNext() const override { return next_ < shown_.count; }
  const ctemplate::TemplateDictionaryInterface &Next() override {
    current_.d_ = er_dict_shown_item(&shown_, next_++);
    return current_;
  }

private:
  er_dict_shown shown_;
  size_t next_ = 0;
  View current_;
};

View::Iterator *View::CreateTemplateIterator(const ctemplate::TemplateString &) const {
  return new Instances(er_dict_shown{nullptr, nullptr, 0});
}

View::Iterator *View::CreateSectionIterator(const ctemplate::TemplateString &name) const {
  er_dict_shown s = {nullptr, nullptr, 0};
  er_dict_shown_in(d_, name.data(), name.size(), &s);
  return new Instances(s);
}

char *Expand(const er_tpl *t, const er_dict *root, size_t *len, er_tpl_notes *notes,
             er_tpl_stream *stream) {
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
  CappedEmitter emitter(limit, stream);
  View dict(root);
  if (!cache.ExpandWithData(t->name, ctemplate::DO_NOT_STRIP, &dict, nullptr, &emitter)) {
    er_tpl_note_add(notes, t->path, 0, true, "ctemplate 展开模板失败 (ctemplate expand failed)");
    return nullptr;
  }
  if (emitter.overflow()) {
    er_tpl_note_add(notes, t->path, 0, true,
                    "模板展开后的文档超过 %zu 字节 (expanded document too large)", limit);
    return nullptr;
  }
  return emitter.Take(len);
}

} // namespace

static char *ExpandCatching(const er_tpl *t, const er_dict *root, size_t *len, er_tpl_notes *notes,
                            er_tpl_stream *stream = nullptr) {
  char *out = nullptr;
  try {
    out = Expand(t, root, len, notes, stream);
  } catch (const std::bad_alloc &) {
    er_tpl_note_add(notes, t->path, 0, true, "展开模板时内存不足 (out of memory)");
  } catch (...) {
    er_tpl_note_add(notes, t->path, 0, true, "展开模板时出错 (expansion failed)");
  }
  return out;
}

extern "C" char *er_tpl_expand(const er_tpl *t, const er_dict *root, size_t *len,
                               er_tpl_notes *notes) {
  return ExpandCatching(t, root, len, notes);
}

extern "C" char *er_tpl_expand_free(const er_tpl *t, er_dict *root, size_t *len,
                                    er_tpl_notes *notes) {
  char *out = ExpandCatching(t, root, len, notes);
  er_dict_free(root);
  return out;
}

static void *ExpandStreaming(void *arg) {
  er_tpl_stream *s = static_cast<er_tpl_stream *>(arg);
  size_t len = 0;
  char *text = ExpandCatching(s->t, s->root, &len, s->notes, s);
  er_dict_free(s->root);
  Locked lock(s);
  s->text = text;
  s->len = len;
  if (text) {
    s->buf = text;
    s->published = len;
  } else
    s->failed = true;
  s->done = true;
  pthread_cond_broadcast(&s->cv);
  return nullptr;
}

extern "C" er_tpl_stream *er_tpl_expand_start(const er_tpl *t, er_dict *root, er_tpl_notes *notes) {
  er_tpl_stream *s = new er_tpl_stream();
  pthread_mutex_init(&s->mu, nullptr);
  pthread_cond_init(&s->cv, nullptr);
  s->t = t;
  s->root = root;
  s->notes = notes;
  s->threaded = pthread_create(&s->thread, nullptr, ExpandStreaming, s) == 0;
  if (!s->threaded) /* no thread to be had: expanded here, read after */
    ExpandStreaming(s);
  return s;
}

extern "C" int er_tpl_stream_read(void *stream, char *out, int n) {
  er_tpl_stream *s = static_cast<er_tpl_stream *>(stream);
  Locked lock(s);
  while (!s->done && !s->failed && s->pos >= s->published)
    pthread_cond_wait(&s->cv, &s->mu);
  if (s->failed || n <= 0 || s->pos >= s->published)
    return 0;
  size_t got = s->published - s->pos < static_cast<size_t>(n) ? s->published - s->pos
                                                              : static_cast<size_t>(n);
  std::memcpy(out, s->buf + s->pos, got);
  s->pos += got;
  return static_cast<int>(got);
}

extern "C" char *er_tpl_stream_finish(er_tpl_stream *s, size_t *len) {
  if (s->threaded)
    pthread_join(s->thread, nullptr);
  char *text = s->text;
  *len = s->len;
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->cv);
  delete s;
  return text;
}
