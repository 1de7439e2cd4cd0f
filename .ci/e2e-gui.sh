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
# GLOSS_E2E_DISPLAY=N runs Xvfb on display :N (default: the first free one).
set -euo pipefail

E2E_NAME=e2e
# shellcheck source=.ci/e2e-lib.sh
. "$(dirname "$0")/e2e-lib.sh"
WORD=${GLOSS_E2E_WORD:-Consequently} # a word of the sample article
LATER=Analysts                       # a word after it, on a later line
LABEL=actor                          # the label on hotkey 1
keep "$TMP/gloss.out" e2e-stdout.log
keep "$TMP/gloss.err" e2e-stderr.log
show_on_fail "gloss stderr" "$TMP/gloss.err"

need_tools Xvfb xdotool import

# The binaries: given, or built here.
if [ $# -ge 2 ]; then
	for b in "$1" "$2"; do
		[ -x "$b" ] || fail "$b is not an executable (build it first, e.g. make build)"
	done
	GLOSS=$(realpath "$1") CLI=$(realpath "$2")
else
	GLOSS=$(build_gloss_e2e)
	go build -o "$TMP/gloss-cli" ./cmd/gloss-cli
	CLI=$TMP/gloss-cli
fi
if [ ! -x "$GLOSS" ] || [ ! -x "$CLI" ]; then
	fail "missing binaries: $GLOSS $CLI"
fi

start_xvfb 1280x800 99

# A fresh project and a private home, so the user's preferences are not used.
PROJECT=$TMP/e2e.gloss
"$CLI" init --sample "$PROJECT" >/dev/null
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
mkdir -p "$HOME"
export FYNE_SCALE=1 GLOSS_E2E_WORD=$WORD,$LATER GLOSS_ANNOTATOR=e2e # GLOSS_ANNOTATOR: no first-start name dialog

# Fyne wants a BCP 47 locale ("C" is not one); Go needs none installed.
LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$GLOSS" "$PROJECT" >"$TMP/gloss.out" 2>"$TMP/gloss.err" &
GLOSS_PID=$!
PIDS=("$GLOSS_PID")

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

WID=$(window_of "$GLOSS_PID") || true
[ -n "$WID" ] || fail "no window named Gloss"
TITLE=$(xdotool getwindowname "$WID")
log "window $WID: $TITLE"
case $TITLE in
"Gloss — e2e — "*) ;;
*) fail "window title is '$TITLE', want 'Gloss — e2e — DOCUMENT'" ;;
esac

# Drag across the word, in steps as a hand would, then press the hotkey.
MX=$(((X1 + X2) / 2))
drag_across "$WID" "$X1" "$Y1" "$X2" "$Y2"
xdotool key --clearmodifiers 1
sleep 1.5

screenshot e2e.png
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
dialogClosed() { wait_line "$TMP/gloss.out" "^gloss-e2e: dialog $1 closed"; }

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
	[ "$close" = Escape ] && screenshot e2e-help.png
	[ "$(spanNow)" = "$BEFORE" ] || fail "Delete or 2 under the help dialog changed the span: $(spanNow)"
	xdotool key --clearmodifiers "$close"
	dialogClosed "$N" || fail "$close did not close the help dialog"
	log "F1, Delete and 2 (no effect), $close: the help dialog closed"
done

# Quit with Ctrl+Q: the app must end by itself, cleanly.
xdotool key --clearmodifiers ctrl+q
wait_quit "$GLOSS_PID"
PIDS=()

# The span must be in the file.
SPANS=$("$CLI" span list --json "$PROJECT")
log "spans in the project: ${SPANS:-none}"
N=$(printf '%s\n' "$SPANS" | grep -c '"id"' || true)
[ "$N" -eq 1 ] || fail "want exactly 1 span, found $N"
printf '%s\n' "$SPANS" | grep -F "\"start\":$START,\"end\":$END," | grep -F "\"label\":\"$LABEL\"" |
	grep -qF "\"text\":\"$WORD\"" || fail "want a $LABEL span [$START, $END) on '$WORD'"
log "span $LABEL [$START, $END) '$WORD' is in the project file"
