/* The physical limit of the presenter's path: a bare SDL2 loop presenting one full-window
   RGBA texture every frame (clear, copy, present) with the same renderer and size as stimgen,
   without vsync (as stimgen under --pace-refresh), as fast as it goes.
   Prints frames, CPU time per frame (ms; process and main thread) and the wall-clock frame interval (ms).
   Usage: bare_loop WIDTH HEIGHT FRAMES */
#define _GNU_SOURCE
#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

static double cpu_seconds(int who) {
    struct rusage u;
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

int main(int argc, char **argv) {
    int w = argc > 1 ? atoi(argv[1]) : 1280, h = argc > 2 ? atoi(argv[2]) : 720, frames = argc > 3 ? atoi(argv[3]) : 600;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) { fprintf(stderr, "SDL_Init: %s\n", SDL_GetError()); return 1; }
    SDL_Window *win = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_SHOWN);
    SDL_Renderer *r = SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED);
    if (!r) r = SDL_CreateRenderer(win, -1, 0);
    if (!r) { fprintf(stderr, "SDL_CreateRenderer: %s\n", SDL_GetError()); return 1; }
    SDL_RendererInfo info; SDL_GetRendererInfo(r, &info);
    unsigned char *px = malloc((size_t)w * h * 4);
    for (int i = 0; i < w * h; i++) { int bar = (i % w) / 20 % 2; px[4*i] = bar ? 255 : 0; px[4*i+1] = 0; px[4*i+2] = 0; px[4*i+3] = 255; }
    SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
    SDL_UpdateTexture(t, NULL, px, w * 4);
    SDL_ShowCursor(0);
    double c0 = cpu_seconds(RUSAGE_SELF), ct0 = cpu_seconds(RUSAGE_THREAD); Uint64 t0 = SDL_GetPerformanceCounter();
    for (int f = 0; f < frames; f++) {
        SDL_Event e; while (SDL_PollEvent(&e)) {}
        SDL_SetRenderDrawColor(r, 128, 128, 128, 255);
        SDL_RenderClear(r);
        SDL_RenderCopy(r, t, NULL, NULL);
        SDL_RenderPresent(r);
    }
    double cpu = cpu_seconds(RUSAGE_SELF) - c0, thread = cpu_seconds(RUSAGE_THREAD) - ct0;
    double wall = (double)(SDL_GetPerformanceCounter() - t0) / SDL_GetPerformanceFrequency();
    printf("bare: renderer %s, vsync %d, %d frames, cpu %.3f ms/frame (main thread %.3f ms), interval %.3f ms\n", info.name,
           (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0, frames, cpu * 1000 / frames, thread * 1000 / frames, wall * 1000 / frames);
    SDL_Quit();
    return 0;
}
