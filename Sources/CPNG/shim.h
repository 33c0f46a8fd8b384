// libpng's simplified API (png_image_*): errors come back as return codes with a message.
#include <png.h>
