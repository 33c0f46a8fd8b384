// SDL2 and SDL2_ttf, included by path so that SDL's pkg-config flags (-D_REENTRANT) are not needed.
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
