/* The output formats this build can write, in the order `render` writes
 * them when no --format is given. */
#include "cli/render.h"

const er_format er_formats[] = {
    {NULL, NULL, NULL},
};
