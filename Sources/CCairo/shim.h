// Cairo for Swift: only the headers Descent needs. cairo.h is the drawing API; cairo-svg.h and
// cairo-pdf.h are the vector surfaces. cairo-ft.h and cairo-tee.h are left out on purpose: they pull in
// FreeType and other headers whose module maps have broken other projects' builds.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
