/* Fonts loaded ahead (pdf.h): fontconfig's configuration and font list,
 * then ICU's Chinese line and word break data, on a thread of their own.
 * Together they cost more than reading the data file and expanding the
 * template; started before both, they are mostly ready when the layout
 * begins. The layout waits for the configuration only: the break data
 * goes on loading beside it. */
#include "pdf/pdf.h"

#include "doc/linebreak.h"

static void *load(void *data) {
  er_font_preload *p = data;
  er_font_config *cfg = er_font_config_load();
  pthread_mutex_lock(&p->lock);
  p->cfg = cfg;
  p->ready = true;
  pthread_cond_signal(&p->loaded_cfg);
  pthread_mutex_unlock(&p->lock);
  er_linebreak_warm_up(); /* off the layout's path; ICU makes a layout
                             that needs the data first wait for it */
  return NULL;
}

void er_font_preload_start(er_font_preload *p) {
  *p = (er_font_preload){0};
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->loaded_cfg, NULL);
  p->running = pthread_create(&p->thread, NULL, load, p) == 0;
}

er_font_config *er_font_preload_take(er_font_preload *p) {
  if (p->running) {
    pthread_mutex_lock(&p->lock);
    while (!p->ready)
      pthread_cond_wait(&p->loaded_cfg, &p->lock);
    pthread_mutex_unlock(&p->lock);
  } else if (!p->ready) { /* no thread could be had: load here */
    p->cfg = er_font_config_load();
    p->ready = true;
  }
  return er_font_config_ref(p->cfg);
}

void er_font_preload_end(er_font_preload *p) {
  if (p->running)
    pthread_join(p->thread, NULL);
  p->running = false;
  pthread_cond_destroy(&p->loaded_cfg);
  pthread_mutex_destroy(&p->lock);
  er_font_config_free(p->cfg);
  p->cfg = NULL;
}
