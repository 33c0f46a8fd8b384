/* The physical limit of the presenter's path: a bare SDL2 loop presenting one full-window
   RGBA texture every frame (clear, copy, present) with the same renderer and size as stimgen,
   without vsync (as stimgen under --pace-refresh): as fast as it goes, or, given PACE_HZ, paced as
   stimgen paces (each present waits for its slot on a PACE_HZ grid) and drawing two small sprites
   on top as stimgen draws the fixation letter and the countdown.
   Prints frames, CPU time per frame (ms; process and main thread) and the wall-clock frame interval (ms).
   Usage: bare_loop WIDTH HEIGHT FRAMES [PACE_HZ] */
#define _GNU_SOURCE
#include <SDL2/SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double cpu_seconds(int who) {
    struct rusage u;
    getrusage(who, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

int main(int argc, char **argv) {
    int w = argc > 1 ? atoi(argv[1]) : 1280, h = argc > 2 ? atoi(argv[2]) : 720, frames = argc > 3 ? atoi(argv[3]) : 600;
    double pace = argc > 4 ? atof(argv[4]) : 0;
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
    /* Two small sprites, the size of a fixation letter (40×40 px) and a countdown line (120×30 px). */
    SDL_Texture *letter = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, 40, 40);
    SDL_Texture *count = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, 120, 30);
    SDL_UpdateTexture(letter, NULL, px, w * 4);
    SDL_UpdateTexture(count, NULL, px, w * 4);
    SDL_SetTextureBlendMode(letter, SDL_BLENDMODE_BLEND);
    SDL_SetTextureBlendMode(count, SDL_BLENDMODE_BLEND);
    SDL_Rect letterRect = { w / 2 - 20, h / 2 - 20, 40, 40 }, countRect = { w / 2 - 60, h - h / 20 - 15, 120, 30 };
    struct timespec start; clock_gettime(CLOCK_MONOTONIC, &start);
    SDL_ShowCursor(0);
    double c0 = cpu_seconds(RUSAGE_SELF), ct0 = cpu_seconds(RUSAGE_THREAD); Uint64 t0 = SDL_GetPerformanceCounter();
    for (int f = 0; f < frames; f++) {
        SDL_Event e; while (SDL_PollEvent(&e)) {}
        SDL_SetRenderDrawColor(r, 128, 128, 128, 255);
        SDL_RenderClear(r);
        SDL_RenderCopy(r, t, NULL, NULL);
        if (pace > 0) {
            SDL_RenderCopy(r, letter, NULL, &letterRect);
            SDL_RenderCopy(r, count, NULL, &countRect);
            double due = (f + 1) / pace;   /* s after start: this frame's slot */
            struct timespec at = start;
            at.tv_sec += (time_t)due;
            at.tv_nsec += (long)((due - (double)(time_t)due) * 1e9);
            if (at.tv_nsec >= 1000000000L) { at.tv_sec += 1; at.tv_nsec -= 1000000000L; }
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL);
        }
        SDL_RenderPresent(r);
    }
    double cpu = cpu_seconds(RUSAGE_SELF) - c0, thread = cpu_seconds(RUSAGE_THREAD) - ct0;
    double wall = (double)(SDL_GetPerformanceCounter() - t0) / SDL_GetPerformanceFrequency();
    printf("bare%s: renderer %s, vsync %d, %d frames, cpu %.3f ms/frame (main thread %.3f ms), interval %.3f ms\n", pace > 0 ? " (paced, with sprites)" : "", info.name,
           (info.flags & SDL_RENDERER_PRESENTVSYNC) != 0, frames, cpu * 1000 / frames, thread * 1000 / frames, wall * 1000 / frames);
    SDL_Quit();
    return 0;
}
