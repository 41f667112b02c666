/* libmicrohttpd, loaded when `serve` starts rather than when evalreport
 * does: linked in, it and what it needs (GnuTLS, p11-kit, nettle, GMP …,
 * nine more shared libraries) were loaded and relocated for every
 * command, a third of the dynamic linker's work at each start.
 *
 * Include after <microhttpd.h>: the MHD_* functions that http.c calls
 * then go through the pointers er_mhd_load() fills in. */
#ifndef ER_SERVE_MHD_H
#define ER_SERVE_MHD_H

#include <microhttpd.h>
#include <stdbool.h>

#define ER_MHD_FUNCTIONS(X)                                                                        \
  X(MHD_start_daemon)                                                                              \
  X(MHD_stop_daemon)                                                                               \
  X(MHD_create_response_from_buffer)                                                               \
  X(MHD_create_response_from_callback)                                                             \
  X(MHD_add_response_header)                                                                       \
  X(MHD_queue_response)                                                                            \
  X(MHD_destroy_response)                                                                          \
  X(MHD_lookup_connection_value)

typedef struct er_mhd_api {
#define ER_MHD_POINTER(name) __typeof__(name) *name;
  ER_MHD_FUNCTIONS(ER_MHD_POINTER)
#undef ER_MHD_POINTER
} er_mhd_api;

extern er_mhd_api er_mhd;

/* Loads the library once (thread-unsafe: call before any server thread
 * runs). False, with a message on stderr naming the package, when it is
 * not installed. */
bool er_mhd_load(void);

#ifndef ER_MHD_NO_REDIRECT
#define MHD_start_daemon (*er_mhd.MHD_start_daemon)
#define MHD_stop_daemon (*er_mhd.MHD_stop_daemon)
#define MHD_create_response_from_buffer (*er_mhd.MHD_create_response_from_buffer)
#define MHD_create_response_from_callback (*er_mhd.MHD_create_response_from_callback)
#define MHD_add_response_header (*er_mhd.MHD_add_response_header)
#define MHD_queue_response (*er_mhd.MHD_queue_response)
#define MHD_destroy_response (*er_mhd.MHD_destroy_response)
#define MHD_lookup_connection_value (*er_mhd.MHD_lookup_connection_value)
#endif

#endif
