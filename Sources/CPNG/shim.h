// libpng for Swift. libpng reports errors by longjmp, which Swift code must never cross; the functions
// that call libpng live in this header as static inline C, behind setjmp, and return an error code.
#include <png.h>
