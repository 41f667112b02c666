#include "serve/page.h"

#include "html/html.h"
#include "model/snippet.h"
#include "model/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The first place `needle` (lower case ASCII) occurs in s, ignoring case. */
static const char *find_nocase(const char *s, const char *needle) {
  size_t n = strlen(needle);
  for (; *s; s++)
    if (strncasecmp(s, needle, n) == 0)
      return s;
  return NULL;
}

static void live_parts(FILE *out, const er_page_live *live) {
  fputs("\n<div id=\"er-live\" style=\"position:fixed;right:8px;bottom:8px;z-index:2147483647;"
        "font:12px/1.6 sans-serif;color:#333;background:#fffffff0;border:1px solid #bbb;"
        "border-radius:4px;padding:2px 8px;text-indent:0\">预览",
        out);
  fprintf(out, " · 第 %lu 版", live->generation);
  if (live->updated)
    fprintf(out, " · %s", live->updated);
  if (live->pdf)
    fputs(" · <a href=\"/report.pdf\">PDF</a>", out);
  if (live->xlsx)
    fputs(" · <a href=\"/annex.xlsx\">XLSX</a>", out);
  if (live->docx)
    fputs(" · <a href=\"/report.docx\">DOCX</a>", out);
  if (live->ofd)
    fputs(" · <a href=\"/report.ofd\">OFD</a>", out);
  fputs("</div>\n<style>@media print{#er-live{display:none}}</style>\n", out);
  /* A new generation is fetched and patched in: only the nodes that
   * differ change (a new figure, a paragraph), so the browser restyles and
   * lays out little and paints in the next frame; no navigation, no blank
   * frame, the scroll position kept. Scripts are left alone (this one
   * keeps running; the fetched page's would not run). A failed fetch, or
   * one that is no longer a page (a PDF route whose data was corrected),
   * falls back to a reload. */
  fprintf(out,
          "<script nonce=\"%s\">(function(){if(!window.EventSource)return;"
          "var g=\"%lu\",busy=false,again=false,s=new EventSource(\"/events\");"
          "function patch(a,b){if(a.nodeName===\"SCRIPT\"||a.isEqualNode(b))return;"
          "var i,n;for(i=a.attributes.length-1;i>=0;i--){n=a.attributes[i].name;"
          "if(!b.hasAttribute(n))a.removeAttribute(n);}"
          "for(i=0;i<b.attributes.length;i++){n=b.attributes[i];"
          "if(a.getAttribute(n.name)!==n.value)a.setAttribute(n.name,n.value);}"
          "var A=Array.from(a.childNodes),B=Array.from(b.childNodes);"
          "if(A.length!==B.length){a.replaceChildren.apply(a,B);return;}"
          "for(i=0;i<A.length;i++){var x=A[i],y=B[i];"
          "if(x.nodeType!==y.nodeType||x.nodeName!==y.nodeName)a.replaceChild(y,x);"
          "else if(x.nodeType!==1){if(x.nodeValue!==y.nodeValue)x.nodeValue=y.nodeValue;}"
          "else patch(x,y);}}"
          "function swap(){busy=true;again=false;"
          "fetch(location.href,{cache:\"no-store\"}).then(function(r){"
          "if(!/html/.test(r.headers.get(\"Content-Type\")||\"\"))throw 0;return r.text();})"
          ".then(function(t){var d=new DOMParser().parseFromString(t,\"text/html\");"
          "patch(document.head,d.head);patch(document.body,d.body);document.title=d.title;"
          "busy=false;if(again)swap();})"
          ".catch(function(){location.reload();});}"
          "s.onmessage=function(e){if(e.data!==g){g=e.data;if(busy)again=true;else swap();}};})();"
          "</script>\n",
          live->nonce, live->generation);
}

/* The Content-Security-Policy <meta> of a page: where its content value
 * starts (just after content=" or content='). NULL when there is none. */
static const char *policy_value(const char *html, size_t len) {
  const char *end = html + len;
  for (const char *p = html; p < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p)
      return NULL;
    if ((size_t)(end - p) < 5 || strncasecmp(p, "<meta", 5) != 0)
      continue;
    const char *close = memchr(p, '>', (size_t)(end - p));
    if (!close)
      return NULL;
    size_t tag_len = (size_t)(close - p);
    char tag[1024];
    if (tag_len >= sizeof tag)
      continue;
    memcpy(tag, p, tag_len);
    tag[tag_len] = '\0';
    if (!find_nocase(tag, "content-security-policy"))
      continue;
    const char *content = find_nocase(tag, "content=");
    if (!content || (content[8] != '"' && content[8] != '\''))
      continue;
    return p + (content - tag) + 9;
  }
  return NULL;
}

/* The last </body> of a page, or NULL. */
static const char *body_end(const char *html, size_t len) {
  const char *found = NULL;
  for (const char *p = html; (size_t)(html + len - p) >= 7; p++) {
    p = memchr(p, '<', (size_t)(html + len - p));
    if (!p || (size_t)(html + len - p) < 7)
      break;
    if (strncasecmp(p, "</body>", 7) == 0)
      found = p;
  }
  return found;
}

char *er_page_make_live(const char *html, size_t html_len, const er_page_live *live, size_t *len) {
  char *text = NULL;
  FILE *out = open_memstream(&text, len);
  if (!out)
    return NULL;
  const char *policy = policy_value(html, html_len);
  const char *tail = body_end(html, html_len);
  if (!tail)
    tail = html + html_len;
  const char *p = html;
  if (policy && policy < tail) {
    fwrite(p, 1, (size_t)(policy - p), out);
    fprintf(out, "script-src 'nonce-%s'; connect-src 'self'; ", live->nonce);
    p = policy;
  }
  fwrite(p, 1, (size_t)(tail - p), out);
  live_parts(out, live);
  fwrite(tail, 1, (size_t)(html + html_len - tail), out);
  if (fclose(out) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

static void page_head(FILE *out, const char *heading) {
  fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        out);
  er_html_escape(heading, out);
  fputs("</title>\n<style>\nbody{font:16px/1.7 sans-serif;max-width:60em;margin:2em auto;"
        "padding:0 1em;color:#222}\nh1{font-size:1.4em}\nol{padding-left:1.5em}\n"
        "li{margin:.4em 0}\ncode{font:14px monospace;background:#f4f4f4;padding:0 .3em}\n"
        ".error .sev{color:#b00020;font-weight:bold}\n.warning .sev{color:#8a5a00}\n"
        "pre.snippet{font:14px/1.4 monospace;background:#f7f7f7;border-left:3px solid #ccc;"
        "margin:.3em 0;padding:.3em .6em;overflow-x:auto}\n.caret{color:#b00020;font-weight:bold}\n"
        "</style>\n</head>\n<body>\n<h1>",
        out);
  er_html_escape(heading, out);
  fputs("</h1>\n", out);
}

/* The data file's line under a finding, a caret under its column (the
 * terminal's snippet, as a page shows it). */
static void snippet(er_srcfile *src, er_pos pos, FILE *out) {
  size_t len;
  const char *line = er_srcfile_line(src, pos.line, &len);
  if (!line)
    return;
  if (len > 400)
    len = 400; /* a long line: its start, cut at a character */
  while (len && ((unsigned char)line[len] & 0xC0) == 0x80)
    len--; /* (line[len] is the newline or the next byte: never past the file) */
  char *copy = strndup(line, len);
  if (!copy)
    return;
  size_t at = 0, col = pos.col ? pos.col - 1 : 0;
  for (size_t chars = 0; at < len && chars < col; chars++) {
    at++;
    while (at < len && ((unsigned char)copy[at] & 0xC0) == 0x80)
      at++;
  }
  for (char *c = copy; *c; c++)
    if (*c == '\t')
      *c = ' ';
  char *safe = er_view_text(copy);
  const char *shown = safe ? safe : copy;
  fprintf(out, "<pre class=\"snippet\">%u | ", pos.line);
  er_html_escape(shown, out);
  char gutter[16];
  int width = snprintf(gutter, sizeof gutter, "%u | ", pos.line);
  copy[at] = '\0';
  char *before = er_view_text(copy);
  fprintf(out, "\n%*s%*s<span class=\"caret\">^</span></pre>", width, "",
          (int)er_display_width(before ? before : copy), "");
  free(before);
  free(safe);
  free(copy);
}

char *er_page_findings(const char *heading, const char *lead, const er_diag *const *diags,
                       size_t ndiags, size_t *len) {
  char *text = NULL;
  FILE *out = open_memstream(&text, len);
  if (!out)
    return NULL;
  page_head(out, heading);
  size_t errors = 0, warnings = 0;
  for (size_t i = 0; i < ndiags; i++) {
    errors += diags[i]->errors;
    warnings += diags[i]->warnings;
  }
  fputs("<p>", out);
  er_html_escape(lead, out);
  fprintf(out, "（%zu 个错误，%zu 个警告）</p>\n<ol>\n", errors, warnings);
  for (size_t i = 0; i < ndiags; i++) {
    er_srcfile src;
    bool have = er_srcfile_open(&src, diags[i]->file);
    for (size_t k = 0; k < diags[i]->count; k++) {
      const er_finding *f = &diags[i]->items[k];
      bool error = f->severity == ER_ERROR;
      fprintf(out, "<li class=\"%s\"><code>", error ? "error" : "warning");
      er_html_escape(diags[i]->file, out);
      if (f->pos.line)
        fprintf(out, ":%u:%u", f->pos.line, f->pos.col);
      fprintf(out, "</code> <span class=\"sev\">%s</span> ", error ? "错误" : "警告");
      er_html_escape(f->message, out);
      if (have)
        snippet(&src, f->pos, out);
      fputs("</li>\n", out);
    }
    er_srcfile_close(&src);
  }
  fputs("</ol>\n<p>改正后保存，页面会自动刷新。</p>\n</body>\n</html>\n", out);
  if (fclose(out) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

char *er_page_message(const char *heading, const char *message, size_t *len) {
  char *text = NULL;
  FILE *out = open_memstream(&text, len);
  if (!out)
    return NULL;
  page_head(out, heading);
  fputs("<p>", out);
  er_html_escape(message, out);
  fputs("</p>\n</body>\n</html>\n", out);
  if (fclose(out) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

void er_page_policy(const char *nonce, char *out, size_t size) {
  snprintf(out, size,
           "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-%s'; "
           "connect-src 'self'; frame-ancestors 'none'",
           nonce);
}
