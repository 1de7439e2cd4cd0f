# Gloss @VERSION@ for Linux (x86-64).
#
#   sudo make install      install into /usr/local (PREFIX=/usr/local)
#   sudo make uninstall    remove it again
#   make user-install      install for you only, into ~/.local
#   make user-uninstall    remove that again
#
# Installs gloss (the desktop app), gloss-cli, the menu entry, the icon and
# the *.gloss file type. Needs libGL and X11 (on Debian/Ubuntu: libgl1
# libx11-6 libxcursor1 libxrandr2 libxinerama1 libxi6 libxxf86vm1).

PREFIX ?= /usr/local
APPID  := @APPID@
SRC    := usr/local
MIME   := gloss.xml

# The files, relative to $(SRC) and to the install prefix.
FILES := share/applications/$(APPID).desktop \
         share/icons/hicolor/512x512/apps/$(APPID).png \
         share/icons/hicolor/scalable/apps/$(APPID).svg \
         share/pixmaps/$(APPID).png \
         share/mime/packages/$(MIME)
BINS  := bin/gloss bin/gloss-cli

default:
	@sed -n '3,7p' Makefile

install: DEST = $(DESTDIR)$(PREFIX)
install:
	for f in $(BINS); do install -Dm0755 $(SRC)/$$f $(DEST)/$$f; done
	for f in $(FILES); do install -Dm0644 $(SRC)/$$f $(DEST)/$$f; done
	@$(MAKE) --no-print-directory refresh DATA=$(DEST)/share

uninstall: DEST = $(DESTDIR)$(PREFIX)
uninstall:
	-rm -f $(addprefix $(DEST)/,$(BINS) $(FILES))
	@$(MAKE) --no-print-directory refresh DATA=$(DEST)/share

user-install: DEST = $(DESTDIR)$(HOME)/.local
user-install:
	for f in $(BINS); do install -Dm0755 $(SRC)/$$f $(DEST)/$$f; done
	for f in $(FILES); do install -Dm0644 $(SRC)/$$f $(DEST)/$$f; done
	sed -i -e 's,^Exec=gloss,Exec=$(DEST)/bin/gloss,' $(DEST)/share/applications/$(APPID).desktop
	@$(MAKE) --no-print-directory refresh DATA=$(DEST)/share

user-uninstall: DEST = $(DESTDIR)$(HOME)/.local
user-uninstall:
	-rm -f $(addprefix $(DEST)/,$(BINS) $(FILES))
	@$(MAKE) --no-print-directory refresh DATA=$(DEST)/share

# refresh: update the desktop's caches when their tools are there (skipped
# for staged installs into DESTDIR).
refresh:
	@if [ -z "$(DESTDIR)" ]; then \
	  ! command -v update-mime-database >/dev/null || update-mime-database $(DATA)/mime || true; \
	  ! command -v update-desktop-database >/dev/null || update-desktop-database -q $(DATA)/applications || true; \
	  ! command -v gtk-update-icon-cache >/dev/null || gtk-update-icon-cache -q -t $(DATA)/icons/hicolor || true; \
	fi

.PHONY: default install uninstall user-install user-uninstall refresh
