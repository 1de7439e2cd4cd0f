/* keylatency: type keys into the focused X window and time how long each
 * takes to change a screen region (the window's pixels as presented).
 *
 *   keylatency X Y W H KEYS [SETTLE_MS]
 *
 * For each character of KEYS: grab the region, press and release the key
 * (XTest), then poll the region every 0.5 ms until it differs, printing the
 * time of the first change and of the last change before the region stays
 * still for SETTLE_MS (default 400). Build:
 *   gcc -O2 -o keylatency keylatency.c -lX11 /usr/lib/x86_64-linux-gnu/libXtst.so.6
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int XTestFakeKeyEvent(Display *, unsigned int, Bool, unsigned long);

static double now_ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static char *grab(Display *d, int x, int y, int w, int h, size_t *n) {
	XImage *im = XGetImage(d, DefaultRootWindow(d), x, y, w, h, AllPlanes, ZPixmap);
	if (!im) { fprintf(stderr, "keylatency: XGetImage failed\n"); exit(1); }
	*n = (size_t)im->bytes_per_line * h;
	char *buf = malloc(*n);
	memcpy(buf, im->data, *n);
	XDestroyImage(im);
	return buf;
}

int main(int argc, char **argv) {
	if (argc < 6) { fprintf(stderr, "usage: keylatency X Y W H KEYS [SETTLE_MS]\n"); return 2; }
	int x = atoi(argv[1]), y = atoi(argv[2]), w = atoi(argv[3]), h = atoi(argv[4]);
	const char *keys = argv[5];
	double settle = argc > 6 ? atof(argv[6]) : 400;
	Display *d = XOpenDisplay(NULL);
	if (!d) { fprintf(stderr, "keylatency: cannot open display\n"); return 1; }
	for (const char *k = keys; *k; k++) {
		char name[8];
		if (*k == ' ') strcpy(name, "space"); else { name[0] = *k; name[1] = 0; }
		KeyCode kc = XKeysymToKeycode(d, XStringToKeysym(name));
		size_t n, m;
		char *before = grab(d, x, y, w, h, &n);
		double t0 = now_ms(), first = -1, last = -1;
		XTestFakeKeyEvent(d, kc, True, 0);
		XTestFakeKeyEvent(d, kc, False, 0);
		XFlush(d);
		for (;;) {
			usleep(500);
			char *cur = grab(d, x, y, w, h, &m);
			double t = now_ms();
			if (memcmp(cur, before, n) != 0) {
				if (first < 0) first = t - t0;
				last = t - t0;
				free(before);
				before = cur;
			} else {
				free(cur);
			}
			if (t - t0 - (last < 0 ? 0 : last) > settle) break;
		}
		free(before);
		printf("%c first %.1f ms last %.1f ms\n", *k, first, last);
		fflush(stdout);
	}
	XCloseDisplay(d);
	return 0;
}
