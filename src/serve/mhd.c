/* libmicrohttpd loaded at run time (mhd.h). */
#define ER_MHD_NO_REDIRECT
#include "serve/mhd.h"

#include <dlfcn.h>
#include <stdio.h>

#ifndef ER_MHD_SONAME
#define ER_MHD_SONAME "libmicrohttpd.so.12"
#endif

er_mhd_api er_mhd;

bool er_mhd_load(void) {
  static void *lib;
  if (lib)
    return true;
  void *h = dlopen(ER_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
  const char *missing = NULL;
#define ER_MHD_RESOLVE(name)                                                                       \
  if (h && !missing && !(er_mhd.name = (__typeof__(name) *)dlsym(h, #name)))                       \
    missing = #name;
  ER_MHD_FUNCTIONS(ER_MHD_RESOLVE)
#undef ER_MHD_RESOLVE
  if (!h || missing) {
    fprintf(stderr,
            "evalreport serve: 无法加载 HTTP 服务库 %s%s%s（%s）：请安装 Debian 软件包 "
            "libmicrohttpd12 (cannot load libmicrohttpd)\n",
            ER_MHD_SONAME, missing ? " 的 " : "", missing ? missing : "",
            h ? "缺少函数" : dlerror());
    if (h)
      dlclose(h);
    return false;
  }
  lib = h;
  return true;
}
