#!/usr/bin/env bash
# Real-window end-to-end test of Gloss: start the app on a new project under
# a virtual X server, drag across a word with xdotool, press the hotkey 1,
# take a screenshot, quit with Ctrl+Q, then check with gloss-cli that the
# span is in the project file with the right label and text.
#
# Before quitting it checks, while the window runs, that a dialog opened
# with a Ctrl+Shift shortcut does not leave shift "held" (issue 15, defect
# 1): select the span, Ctrl+Shift+L, click Close, click a later word; then
# Ctrl+Shift+I, click Cancel, click the later word: the span in the project
# file must not change. Then that dialogs take the keyboard (defect 2): with
# the span selected, F1 opens the help; Delete and the hotkey 2 under it
# change nothing; Escape closes it; F1 again and Enter close it too.
#
# usage: .ci/e2e-gui.sh [GLOSS_E2E_BIN GLOSS_CLI_BIN]
#
# GLOSS_E2E_BIN is gloss built with `go build -tags e2e` (make e2e builds it
# as bin/gloss-e2e): only that build reports where the word is. Without
# arguments both binaries are built into a temporary folder. Needs
# Xvfb, xdotool and ImageMagick's import. The screenshot is kept as
# test-artifacts/e2e.png (and the app's output as test-artifacts/e2e-*.log).
# Exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
# The full-text index needs go-sqlite3's sqlite_fts5 build tag (see the
# Makefile): every go command below builds with it, also when run directly.
case " ${GOFLAGS:-} " in *sqlite_fts5*) ;; *) GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=sqlite_fts5" ;; esac
export GOFLAGS
ROOT=$(pwd)
ART=$ROOT/test-artifacts
WORD=${GLOSS_E2E_WORD:-Consequently} # a word of the sample article
LATER=Analysts                       # a word after it, on a later line
LABEL=actor                          # the label on hotkey 1
mkdir -p "$ART"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gloss-e2e.XXXXXX")
XVFB_PID=''
GLOSS_PID=''

log() { echo "e2e: $*" >&2; }

cleanup() {
	local rc=$?
	if [ -n "$GLOSS_PID" ] && kill -0 "$GLOSS_PID" 2>/dev/null; then
		kill "$GLOSS_PID" 2>/dev/null || true
		sleep 0.5
		kill -9 "$GLOSS_PID" 2>/dev/null || true
	fi
	if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	[ -f "$TMP/gloss.out" ] && cp "$TMP/gloss.out" "$ART/e2e-stdout.log"
	[ -f "$TMP/gloss.err" ] && cp "$TMP/gloss.err" "$ART/e2e-stderr.log"
	rm -rf "$TMP"
	if [ $rc -eq 0 ]; then log "PASS"; else log "FAIL (exit $rc)"; fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	log "$*"
	if [ -s "$TMP/gloss.err" ]; then
		log "gloss stderr (last lines):"
		tail -n 30 "$TMP/gloss.err" >&2
	fi
	exit 1
}

for tool in Xvfb xdotool import; do
	command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install xvfb xdotool imagemagick)"
done

# The binaries: given, or built here.
if [ $# -ge 2 ]; then
	for b in "$1" "$2"; do
		[ -x "$b" ] || fail "$b is not an executable (build it first, e.g. make build)"
	done
	GLOSS=$(realpath "$1") CLI=$(realpath "$2")
else
	log "building gloss and gloss-cli"
	go build -tags e2e,sqlite_fts5 -o "$TMP/gloss" ./cmd/gloss
	go build -o "$TMP/gloss-cli" ./cmd/gloss-cli
	GLOSS=$TMP/gloss CLI=$TMP/gloss-cli
fi
if [ ! -x "$GLOSS" ] || [ ! -x "$CLI" ]; then
	fail "missing binaries: $GLOSS $CLI"
fi

# A free display number: no lock file and no socket.
DISP=
for n in $(seq 99 -1 50); do
	if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
		DISP=$n
		break
	fi
done
[ -n "$DISP" ] || fail "no free X display number between 50 and 99"

Xvfb ":$DISP" -screen 0 1280x800x24 -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISP"
for _ in $(seq 100); do
	xdotool getmouselocation >/dev/null 2>&1 && break
	kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb exited: $(cat "$TMP/xvfb.log")"
	sleep 0.1
done
xdotool getmouselocation >/dev/null 2>&1 || fail "Xvfb on :$DISP did not start within 10 s"
log "Xvfb on :$DISP"

# A fresh project and a private home, so the user's preferences are not used.
PROJECT=$TMP/e2e.gloss
"$CLI" init --sample "$PROJECT" >/dev/null
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
mkdir -p "$HOME"
export FYNE_SCALE=1 GLOSS_E2E_WORD=$WORD,$LATER GLOSS_ANNOTATOR=e2e # GLOSS_ANNOTATOR: no first-start name dialog

# Fyne wants a BCP 47 locale ("C" is not one); Go needs none installed.
LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$GLOSS" "$PROJECT" >"$TMP/gloss.out" 2>"$TMP/gloss.err" &
GLOSS_PID=$!

# The e2e build prints where the word is once its text is laid out.
LINE=
for _ in $(seq 300); do
	LINE=$(grep -m1 '^gloss-e2e: ' "$TMP/gloss.out" || true)
	[ -n "$LINE" ] && break
	kill -0 "$GLOSS_PID" 2>/dev/null || fail "gloss exited before showing its window"
	sleep 0.1
done
[ -n "$LINE" ] || fail "gloss did not report the word position within 30 s (is $GLOSS built with -tags e2e?)"
case $LINE in
"gloss-e2e: word "*) ;;
*) fail "unexpected report: $LINE" ;;
esac
read -r _ _ START END X1 Y1 X2 Y2 <<<"$LINE"
log "word '$WORD' is [$START, $END) at ($X1,$Y1)-($X2,$Y2)"
LINE=$(grep '^gloss-e2e: word ' "$TMP/gloss.out" | sed -n 2p)
[ -n "$LINE" ] || fail "gloss did not report where '$LATER' is"
read -r _ _ _ _ LX1 LY1 _ _ <<<"$LINE"

WID=$(timeout 20 xdotool search --sync --name '^Gloss' | head -n1) || true
[ -n "$WID" ] || fail "no window named Gloss"
TITLE=$(xdotool getwindowname "$WID")
log "window $WID: $TITLE"
case $TITLE in
"Gloss — e2e — "*) ;;
*) fail "window title is '$TITLE', want 'Gloss — e2e — DOCUMENT'" ;;
esac

# Drag across the word, in steps as a hand would, then press the hotkey.
MX=$(((X1 + X2) / 2))
xdotool mousemove --window "$WID" "$X1" "$Y1"
sleep 0.3
xdotool mousedown 1
sleep 0.2
xdotool mousemove --window "$WID" "$MX" "$Y2"
sleep 0.2
xdotool mousemove --window "$WID" "$X2" "$Y2"
sleep 0.2
xdotool mouseup 1
sleep 0.5
xdotool key --clearmodifiers 1
sleep 1.5

import -window root "$ART/e2e.png" || fail "screenshot failed"
log "screenshot: test-artifacts/e2e.png"

# spanNow prints the one span in the project file as gloss-cli lists it.
spanNow() { "$CLI" span list --json "$PROJECT" | grep -F '"id"'; }

# dialogButton waits for the next dialog the e2e build reports (after line
# $1 of its output) and prints "X Y" of its button labelled $2.
dialogButton() {
	local after=$1 label=$2 line
	for _ in $(seq 100); do
		line=$(tail -n "+$((after + 1))" "$TMP/gloss.out" | grep -m1 "^gloss-e2e: dialog [0-9]* button $label " || true)
		if [ -n "$line" ]; then
			echo "$line" | awk '{print $(NF-1), $NF}'
			return 0
		fi
		sleep 0.1
	done
	return 1
}

# A dialog opened with Ctrl+Shift takes the key-up of shift: a click after
# it must not extend the selection or resize the selected span (defect 1).
BEFORE=$(spanNow) || fail "no span after pressing 1"
for step in "ctrl+shift+l Close" "ctrl+shift+i Cancel"; do
	read -r keys button <<<"$step"
	xdotool mousemove --window "$WID" "$MX" "$Y1" click 1 # select the span
	sleep 0.5
	SEEN=$(wc -l <"$TMP/gloss.out")
	xdotool key --clearmodifiers "$keys"
	XY=$(dialogButton "$SEEN" "$button") || fail "$keys opened no dialog with a $button button"
	read -r BX BY <<<"$XY"
	xdotool mousemove --window "$WID" "$BX" "$BY" click 1
	sleep 0.8
	xdotool mousemove --window "$WID" "$LX1" "$LY1" click 1 # a later word
	sleep 1
	AFTER=$(spanNow)
	[ "$AFTER" = "$BEFORE" ] || fail "after $keys, $button and a click on '$LATER' the span changed: $BEFORE -> $AFTER"
	log "$keys, $button, click on '$LATER': the span is unchanged"
done

# dialogClosed waits until the e2e build reports dialog $1 closed.
dialogClosed() {
	for _ in $(seq 50); do
		grep -q "^gloss-e2e: dialog $1 closed" "$TMP/gloss.out" && return 0
		sleep 0.1
	done
	return 1
}

# Dialogs take the keyboard, and nothing underneath reacts (defect 2).
xdotool mousemove --window "$WID" "$MX" "$Y1" click 1 # select the span
sleep 0.5
for close in Escape Return; do
	SEEN=$(wc -l <"$TMP/gloss.out")
	xdotool key --clearmodifiers F1
	dialogButton "$SEEN" Close >/dev/null || fail "F1 opened no help dialog"
	N=$(tail -n "+$((SEEN + 1))" "$TMP/gloss.out" | grep -m1 '^gloss-e2e: dialog ' | awk '{print $3}')
	xdotool key --clearmodifiers Delete
	xdotool key --clearmodifiers 2
	sleep 0.5
	[ "$close" = Escape ] && import -window root "$ART/e2e-help.png"
	[ "$(spanNow)" = "$BEFORE" ] || fail "Delete or 2 under the help dialog changed the span: $(spanNow)"
	xdotool key --clearmodifiers "$close"
	dialogClosed "$N" || fail "$close did not close the help dialog"
	log "F1, Delete and 2 (no effect), $close: the help dialog closed"
done

# Quit with Ctrl+Q: the app must end by itself, cleanly.
xdotool key --clearmodifiers ctrl+q
for _ in $(seq 150); do
	kill -0 "$GLOSS_PID" 2>/dev/null || break
	sleep 0.1
done
if kill -0 "$GLOSS_PID" 2>/dev/null; then
	fail "gloss did not quit within 15 s of Ctrl+Q"
fi
RC=0
wait "$GLOSS_PID" || RC=$?
GLOSS_PID=''
[ "$RC" -eq 0 ] || fail "gloss exited with status $RC"

# The span must be in the file.
SPANS=$("$CLI" span list --json "$PROJECT")
log "spans in the project: ${SPANS:-none}"
N=$(printf '%s\n' "$SPANS" | grep -c '"id"' || true)
[ "$N" -eq 1 ] || fail "want exactly 1 span, found $N"
printf '%s\n' "$SPANS" | grep -F "\"start\":$START,\"end\":$END," | grep -F "\"label\":\"$LABEL\"" |
	grep -qF "\"text\":\"$WORD\"" || fail "want a $LABEL span [$START, $END) on '$WORD'"
log "span $LABEL [$START, $END) '$WORD' is in the project file"
