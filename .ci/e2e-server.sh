#!/usr/bin/env bash
# Real-window end-to-end test of a project on a PostgreSQL server (issue 18):
# start a throwaway server on loopback in a temporary folder (initdb as the
# user nobody when run as root) holding a project with the sample article,
# open TWO Gloss windows on it under one virtual X server, side by side (as
# the annotators alice and bob), drag across a word in alice's window and
# press the hotkey 1, then check that bob's window shows the span without
# reopening (its span count, reported by the e2e build, and a screenshot),
# that the server has the span as alice's, and that the password typed in
# alice's URL is in neither her window title nor her preferences.
#
# usage: .ci/e2e-server.sh [GLOSS_E2E_BIN]
#
# GLOSS_E2E_BIN is gloss built with -tags e2e (make e2e builds bin/gloss-e2e);
# without it, it is built here. internal/e2e/pgserver (the server and the
# span check) is always built here. Needs Xvfb, xdotool, ImageMagick's
# import and PostgreSQL's server programs (make test-deps installs them);
# without PostgreSQL the test is skipped, unless CI=true, when it fails.
# The screenshot is kept as test-artifacts/e2e-server.png.
# GLOSS_E2E_DISPLAY=N runs Xvfb on display :N (default: the first free one).
set -euo pipefail

E2E_NAME=e2e-server
# shellcheck source=.ci/e2e-lib.sh
. "$(dirname "$0")/e2e-lib.sh"
WORD=Consequently # a word of the sample article
LABEL=actor       # the label on hotkey 1
SECRET=e2e-not-saved-pw
chmod 755 "$TMP"
SERVER_PID=''
for w in alice bob; do
	keep "$TMP/$w.err" "e2e-server-$w-stderr.log"
	show_on_fail "$w's gloss stderr" "$TMP/$w.err"
done
keep "$TMP/server.err" e2e-server-postgres.log

# e2e_cleanup_hook (called by cleanup) stops PostgreSQL, which removes its
# folder.
e2e_cleanup_hook() {
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null || true
	for _ in $(seq 300); do
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$SERVER_PID" 2>/dev/null || true
}

need_tools Xvfb xdotool import

if [ $# -ge 1 ]; then
	[ -x "$1" ] || fail "$1 is not an executable (make e2e builds bin/gloss-e2e)"
	GLOSS=$(realpath "$1")
else
	GLOSS=$(build_gloss_e2e)
fi
go build -o "$TMP/pgserver" ./internal/e2e/pgserver
chmod 755 "$TMP/pgserver"

# The server, with a project holding the sample article.
"$TMP/pgserver" >"$TMP/server.out" 2>"$TMP/server.err" &
SERVER_PID=$!
URL=
for _ in $(seq 600); do
	URL=$(awk '$1 == "url" {print $2; exit}' "$TMP/server.out")
	[ -n "$URL" ] && break
	if ! kill -0 "$SERVER_PID" 2>/dev/null; then
		RC=0
		wait "$SERVER_PID" || RC=$?
		SERVER_PID=''
		if [ "$RC" -eq 3 ] && [ "${CI:-}" != true ]; then # no PostgreSQL
			log "SKIP: $(cat "$TMP/server.err")"
			exit 0
		fi
		fail "the PostgreSQL server did not start: $(cat "$TMP/server.err")"
	fi
	sleep 0.1
done
[ -n "$URL" ] || fail "the PostgreSQL server did not start within 60 s"
log "server project $URL"
# alice types a password in her URL (the loopback server trusts any): it
# must never be saved.
URL_PW=${URL/:\/\/postgres@/:\/\/postgres:$SECRET@}

# One wide virtual screen for both windows.
start_xvfb 2560x820 98

# startWindow NAME URL: a window as annotator NAME with a home of its own.
startWindow() {
	local name=$1 url=$2 home=$TMP/home-$1
	mkdir -p "$home"
	HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
		FYNE_SCALE=1 GLOSS_E2E_WORD=$WORD GLOSS_ANNOTATOR=$name \
		LC_ALL=en_US.UTF-8 LANG=en_US.UTF-8 "$GLOSS" "$url" >"$TMP/$name.out" 2>"$TMP/$name.err" &
	PIDS+=($!)
}

# reported NAME PATTERN: waits up to 30 s for a line of NAME's window.
reported() { wait_line "$TMP/$1.out" "$2"; }

startWindow alice "$URL_PW"
ALICE_PID=${PIDS[0]}
startWindow bob "$URL"
BOB_PID=${PIDS[1]}
for w in alice bob; do
	reported $w '^gloss-e2e: word ' || fail "$w's window did not report where '$WORD' is within 30 s"
	reported $w '^gloss-e2e-live: spans 0 live true' || fail "$w's window does not show 0 spans with live updates on"
done
read -r _ _ START END X1 Y1 X2 Y2 <<<"$(grep -m1 '^gloss-e2e: word ' "$TMP/alice.out")"
log "'$WORD' is [$START, $END) at ($X1,$Y1)-($X2,$Y2)"

WA=$(window_of "$ALICE_PID") || true
WB=$(window_of "$BOB_PID") || true
if [ -z "$WA" ] || [ -z "$WB" ]; then
	fail "no Gloss window for alice ($WA) or bob ($WB)"
fi
TITLE=$(xdotool getwindowname "$WA")
log "alice's window: $TITLE"
case $TITLE in
*"$SECRET"*) fail "the password is in the window title: $TITLE" ;;
"Gloss — $URL — "*) ;;
*) fail "alice's window title is '$TITLE', want 'Gloss — $URL — DOCUMENT'" ;;
esac
xdotool windowmove "$WB" 1290 0
sleep 1

# alice drags across the word and presses 1.
drag_across "$WA" "$X1" "$Y1" "$X2" "$Y2"
xdotool key --window "$WA" --clearmodifiers 1
reported alice '^gloss-e2e-live: spans 1 ' || fail "alice's window shows no span after pressing 1"

# bob's window shows it, without reopening.
reported bob '^gloss-e2e-live: spans 1 live true' || fail "bob's window did not show alice's span within 30 s"
sleep 0.5
screenshot e2e-server.png
log "bob's window shows alice's span; screenshot: test-artifacts/e2e-server.png"

# The server has it, as alice's.
SPANS=$("$TMP/pgserver" spans "$URL") || fail "cannot list the server project's spans"
log "spans on the server: ${SPANS:-none}"
[ "$(printf '%s\n' "$SPANS" | grep -c .)" -eq 1 ] || fail "want exactly 1 span on the server"
printf '%s\n' "$SPANS" | grep -qE "^[^ ]+ $START $END $LABEL alice$" ||
	fail "want alice's $LABEL span [$START, $END) on the server"

# Quit both with Ctrl+Q; alice's preferences must not hold the password.
for w in "$WA" "$WB"; do
	xdotool key --window "$w" --clearmodifiers ctrl+q
done
wait_quit "$ALICE_PID" "$WA"
wait_quit "$BOB_PID" "$WB"
PIDS=()
PREFS=$(find "$TMP/home-alice" -name 'preferences.json' | head -n1)
[ -n "$PREFS" ] || fail "alice's window saved no preferences"
grep -qF "$SECRET" "$PREFS" && fail "alice's preferences hold the password: $PREFS"
grep -qF "127.0.0.1" "$PREFS" || fail "alice's preferences do not remember the server project: $(cat "$PREFS")"
log "alice's preferences remember the project, not the password"
