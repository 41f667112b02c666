/* Fonts loaded ahead (pdf.h): fontconfig's configuration and font list,
 * and ICU's Chinese line and word break data, on a thread of their own.
 * Together they cost more than reading the data file and expanding the
 * template; started before both, they are ready when the layout begins. */
#include "pdf/pdf.h"

#include "doc/linebreak.h"

static void *load(void *data) {
  er_font_preload *p = data;
  p->cfg = er_font_config_load();
  er_linebreak_warm_up(); /* off the layout's path */
  return NULL;
}

void er_font_preload_start(er_font_preload *p) {
  *p = (er_font_preload){0};
  p->running = pthread_create(&p->thread, NULL, load, p) == 0;
}

er_font_config *er_font_preload_take(er_font_preload *p) {
  if (p->running)
    pthread_join(p->thread, NULL);
  else if (!p->loaded)
    load(p); /* no thread could be had: load here */
  p->running = false;
  p->loaded = true;
  return er_font_config_ref(p->cfg);
}

void er_font_preload_end(er_font_preload *p) {
  if (p->running)
    pthread_join(p->thread, NULL);
  p->running = false;
  er_font_config_free(p->cfg);
  p->cfg = NULL;
}
