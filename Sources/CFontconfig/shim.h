// fontconfig for Swift: used only to check that the requested font really exists before drawing text.
#include <fontconfig/fontconfig.h>
