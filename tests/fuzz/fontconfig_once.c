/* For the fuzz targets that typeset: fontconfig's configuration loaded once.
 *
 * The writers load fontconfig's configuration and font list for every
 * document (FcInitLoadConfigAndFonts), which takes longer than laying out
 * most inputs. Linked into a target, this file interposes that one
 * function: the first call loads the configuration, later ones hand out a
 * new reference to it, and the writer's FcConfigDestroy drops that
 * reference again. The font set, the faces and everything the layout does
 * stay per input. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>

static FcConfig *loaded;

static void unload(void) {
  FcConfigDestroy(loaded);
  FcFini();
}

FcConfig *FcInitLoadConfigAndFonts(void) {
  if (!loaded) {
    FcConfig *(*real)(void) = (FcConfig * (*)(void)) dlsym(RTLD_NEXT, "FcInitLoadConfigAndFonts");
    if (!real || !(loaded = real()))
      return NULL;
    atexit(unload); /* before LeakSanitizer looks at what is left */
  }
  FcConfigReference(loaded);
  return loaded;
}
