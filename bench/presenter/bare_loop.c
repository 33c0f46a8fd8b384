/* The physical limit of the presenter's path: a bare SDL2 loop that sets up its window and renderer
   exactly as stimgen's SDLDisplay does for `stimgen run --window WxH --pace-refresh HZ` (a shown,
   centred window; a renderer asked for SDL_RENDERER_ACCELERATED without vsync, else any; blended
   drawing; the cursor hidden), and draws what stimgen draws in an adaptation phase: the clear to
   the background grey, one full-window ABGR8888 static texture (two alternating, as the adapters
   alternate), the fixation letter and the countdown as SDL_ttf textures in the same font and point
   sizes, each blit with its colour and alpha modulation set as SDLDisplay sets them.
   Without PACE_HZ it goes as fast as it can; with it, each present waits for its slot on a PACE_HZ
   grid and a late one moves on to the next slot, as stimgen's pacer does.
   Prints the renderer (SDL_GetRendererInfo name and flags), then frames, CPU time per frame (ms; the
   main thread, and the whole process), the mean and worst interval between presents (ms) and, paced,
   the frames dropped (interval over 1.5 periods, as stimgen counts them).
   Usage: bare_loop WIDTH HEIGHT FRAMES [PACE_HZ [LETTER_PT COUNTDOWN_PT]] */
#define _GNU_SOURCE
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The font stimgen draws text with (SDLDisplay.fontPath). */
static const char *font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/* Seconds on `clock`: CPU time (user + system) of the process or the calling thread, read as
   stimgen reads it, or the monotonic clock. */
static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* A full-window texture of vertical bars 20 px wide in (r, g, b) and black, opaque. */
static SDL_Texture *bars(SDL_Renderer *r, int w, int h, Uint8 red, Uint8 green, Uint8 blue) {
    unsigned char *px = malloc((size_t)w * h * 4);
    for (int i = 0; i < w * h; i++) {
        int on = (i % w) / 20 % 2;
        px[4 * i] = on ? red : 0; px[4 * i + 1] = on ? green : 0; px[4 * i + 2] = on ? blue : 0; px[4 * i + 3] = 255;
    }
    SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, w, h);
    SDL_UpdateTexture(t, NULL, px, w * 4);
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    free(px);
    return t;
}

/* One line of text as SDLDisplay.makeTextTexture makes it; its size goes to *w, *h (px). */
static SDL_Texture *text(SDL_Renderer *r, TTF_Font *font, const char *line, SDL_Color colour, int *w, int *h) {
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, line, colour);
    if (!s) { fprintf(stderr, "TTF_RenderUTF8_Blended: %s\n", SDL_GetError()); exit(1); }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    *w = s->w; *h = s->h;
    SDL_FreeSurface(s);
    return t;
}

/* SDLDisplay.draw: colour and alpha modulation, then the blit. */
static void draw(SDL_Renderer *r, SDL_Texture *t, const SDL_Rect *rect) {
    SDL_SetTextureColorMod(t, 255, 255, 255);
    SDL_SetTextureAlphaMod(t, 255);
    SDL_RenderCopy(r, t, NULL, rect);
}

/* The renderer and video driver as stimgen's summary names them: "name (FLAG, FLAG…), video driver D". */
static void print_renderer(SDL_Renderer *r) {
    static const struct { Uint32 flag; const char *name; } flags[] = {
        { SDL_RENDERER_SOFTWARE, "SOFTWARE" }, { SDL_RENDERER_ACCELERATED, "ACCELERATED" },
        { SDL_RENDERER_PRESENTVSYNC, "PRESENTVSYNC" }, { SDL_RENDERER_TARGETTEXTURE, "TARGETTEXTURE" },
    };
    SDL_RendererInfo info;
    SDL_GetRendererInfo(r, &info);
    printf("bare: renderer %s (", info.name);
    const char *separator = "";
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (info.flags & flags[i].flag) { printf("%s%s", separator, flags[i].name); separator = ", "; }
    }
    printf("), video driver %s\n", SDL_GetCurrentVideoDriver());
}

int main(int argc, char **argv) {
    int w = argc > 1 ? atoi(argv[1]) : 1280, h = argc > 2 ? atoi(argv[2]) : 720, frames = argc > 3 ? atoi(argv[3]) : 600;
    double pace = argc > 4 ? atof(argv[4]) : 0;   /* Hz; 0: unpaced */
    int letter_pt = argc > 5 ? atoi(argv[5]) : 30, countdown_pt = argc > 6 ? atoi(argv[6]) : h / 40;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) { fprintf(stderr, "SDL_Init: %s\n", SDL_GetError()); return 1; }
    SDL_Window *win = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED_DISPLAY(0), SDL_WINDOWPOS_CENTERED_DISPLAY(0), w, h,
                                       SDL_WINDOW_SHOWN);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED) : NULL;
    if (win && !r) r = SDL_CreateRenderer(win, -1, 0);
    if (!r) { fprintf(stderr, "SDL_CreateRenderer: %s\n", SDL_GetError()); return 1; }
    print_renderer(r);
    SDL_ShowCursor(0);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);

    SDL_Texture *adapters[2] = { bars(r, w, h, 255, 0, 0), bars(r, w, h, 0, 255, 0) };
    TTF_Font *letter_font = TTF_OpenFont(font_path, letter_pt), *countdown_font = TTF_OpenFont(font_path, countdown_pt);
    if (!letter_font || !countdown_font) { fprintf(stderr, "TTF_OpenFont %s: %s\n", font_path, SDL_GetError()); return 1; }
    int lw, lh, cw, ch;
    SDL_Texture *letter = text(r, letter_font, "X", (SDL_Color){ 0, 0, 0, 255 }, &lw, &lh);
    SDL_Texture *count = text(r, countdown_font, "180 s", (SDL_Color){ 255, 255, 255, 255 }, &cw, &ch);
    SDL_Rect full = { 0, 0, w, h };
    SDL_Rect letter_rect = { w / 2 - lw / 2, h / 2 - lh / 2, lw, lh };
    SDL_Rect count_rect = { w / 2 - cw / 2, h - h / 20 - ch / 2, cw, ch };

    double c0 = seconds(CLOCK_PROCESS_CPUTIME_ID), ct0 = seconds(CLOCK_THREAD_CPUTIME_ID);
    double t0 = seconds(CLOCK_MONOTONIC), period = pace > 0 ? 1 / pace : 0;   /* s */
    double planned = t0, last_flip = -1, worst = 0;   /* s */
    int dropped = 0;
    int per_adapter = pace > 0 ? (int)(10 * pace) : 600;   /* frames per adapter: 10 s when paced */
    for (int f = 0; f < frames; f++) {
        SDL_Event e; while (SDL_PollEvent(&e)) {}
        SDL_SetRenderDrawColor(r, 188, 188, 188, 255);   /* linear 0.5 grey, sRGB-encoded */
        SDL_RenderClear(r);
        draw(r, adapters[f / per_adapter % 2], &full);
        draw(r, letter, &letter_rect);
        draw(r, count, &count_rect);
        if (pace > 0) {
            struct timespec at = { (time_t)planned, (long)((planned - (double)(time_t)planned) * 1e9) };
            while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL) == EINTR) {}
        }
        SDL_RenderPresent(r);
        double flip = seconds(CLOCK_MONOTONIC);
        if (last_flip >= 0) {
            double interval = flip - last_flip;
            if (interval > worst) worst = interval;
            if (pace > 0 && interval > 1.5 * period) dropped++;
        }
        last_flip = flip;
        /* stimgen's real-time pacer: stay on the grid; a late flip moves on to the next slot. */
        planned += period;
        while (pace > 0 && planned <= flip) planned += period;
    }
    double cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - c0, thread = seconds(CLOCK_THREAD_CPUTIME_ID) - ct0;
    double wall = seconds(CLOCK_MONOTONIC) - t0;
    printf("bare%s: %d frames, main thread %.3f ms CPU/frame (process %.3f ms), mean interval %.3f ms, worst %.2f ms, %d dropped (> 1.5 periods)\n",
           pace > 0 ? " (paced)" : "", frames, thread * 1000 / frames, cpu * 1000 / frames, wall * 1000 / frames, worst * 1000, dropped);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
