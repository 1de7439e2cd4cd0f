# shellcheck shell=bash
# Helpers shared by the real-window end-to-end scripts (.ci/e2e-gui.sh and
# .ci/e2e-server.sh). Source it with E2E_NAME set (the prefix of the log
# lines, and of the temporary folder's name); it then
#   - goes to the top of the checkout, builds go commands with the
#     sqlite_fts5 tag (GOFLAGS) and makes test-artifacts/ ($ART);
#   - makes a temporary folder ($TMP) that cleanup removes;
#   - traps EXIT with cleanup: it stops the processes in PIDS (TERM, then
#     KILL) and Xvfb, calls e2e_cleanup_hook when the script defines one,
#     copies the files listed with keep to test-artifacts/, removes $TMP and
#     says PASS or FAIL.
# fail prints the last lines of the files listed with show_on_fail.
#
# GLOSS_E2E_DISPLAY=N runs Xvfb on display :N instead of the first free one.

[ -n "${E2E_NAME:-}" ] || {
	echo "e2e-lib.sh: set E2E_NAME before sourcing it" >&2
	exit 2
}

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
# The full-text index needs go-sqlite3's sqlite_fts5 build tag (see the
# Makefile): every go command builds with it, also when run directly.
case " ${GOFLAGS:-} " in *sqlite_fts5*) ;; *) GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=sqlite_fts5" ;; esac
export GOFLAGS
ROOT=$(pwd)
ART=$ROOT/test-artifacts
mkdir -p "$ART"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gloss-$E2E_NAME.XXXXXX")
XVFB_PID=''
PIDS=()      # processes to stop at the end
KEEP=()      # "file|name": copied to test-artifacts/name at the end
FAIL_LOGS=() # "what|file": their last lines are printed by fail

log() { echo "$E2E_NAME: $*" >&2; }

# keep FILE NAME: copy FILE to test-artifacts/NAME at the end, if it exists.
keep() { KEEP+=("$1|$2"); }

# show_on_fail WHAT FILE: fail prints FILE's last lines, as WHAT.
show_on_fail() { FAIL_LOGS+=("$1|$2"); }

cleanup() {
	local rc=$? p k
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null || true
	done
	if [ ${#PIDS[@]} -gt 0 ]; then
		sleep 0.5
		for p in "${PIDS[@]}"; do
			kill -9 "$p" 2>/dev/null || true
		done
	fi
	if [ -n "$XVFB_PID" ] && kill -0 "$XVFB_PID" 2>/dev/null; then
		kill "$XVFB_PID" 2>/dev/null || true
		wait "$XVFB_PID" 2>/dev/null || true
	fi
	if declare -F e2e_cleanup_hook >/dev/null; then
		e2e_cleanup_hook || true
	fi
	for k in "${KEEP[@]}"; do
		[ -f "${k%%|*}" ] && cp "${k%%|*}" "$ART/${k#*|}"
	done
	rm -rf "$TMP"
	if [ $rc -eq 0 ]; then log "PASS"; else log "FAIL (exit $rc)"; fi
	exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
	local f
	log "$*"
	for f in "${FAIL_LOGS[@]}"; do
		if [ -s "${f#*|}" ]; then
			log "${f%%|*} (last lines):"
			tail -n 30 "${f#*|}" >&2
		fi
	done
	exit 1
}

# need_tools TOOL...: fail unless each is installed.
need_tools() {
	local tool
	for tool in "$@"; do
		command -v "$tool" >/dev/null || fail "$tool is not installed (apt-get install xvfb xdotool imagemagick)"
	done
}

# build_gloss_e2e: builds gloss with the e2e hooks into $TMP/gloss and
# prints its path.
build_gloss_e2e() {
	log "building gloss-e2e"
	go build -tags e2e,sqlite_fts5 -o "$TMP/gloss" ./cmd/gloss
	echo "$TMP/gloss"
}

# start_xvfb WIDTHxHEIGHT HIGHEST: starts Xvfb on the first free display
# from :HIGHEST down to :50 (or on $GLOSS_E2E_DISPLAY), waits until it
# answers and exports DISPLAY.
start_xvfb() {
	local n disp=${GLOSS_E2E_DISPLAY:-}
	if [ -z "$disp" ]; then
		for n in $(seq "$2" -1 50); do
			if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
				disp=$n
				break
			fi
		done
		[ -n "$disp" ] || fail "no free X display number between 50 and $2"
	fi
	Xvfb ":$disp" -screen 0 "${1}x24" -nolisten tcp >"$TMP/xvfb.log" 2>&1 &
	XVFB_PID=$!
	export DISPLAY=":$disp"
	for _ in $(seq 100); do
		xdotool getmouselocation >/dev/null 2>&1 && break
		kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb exited: $(cat "$TMP/xvfb.log")"
		sleep 0.1
	done
	xdotool getmouselocation >/dev/null 2>&1 || fail "Xvfb on :$disp did not start within 10 s"
	log "Xvfb on :$disp"
}

# window_of PID: the id of the Gloss window of process PID (waits up to 20 s).
window_of() { timeout 20 xdotool search --sync --all --pid "$1" --name '^Gloss' | head -n1; }

# wait_line FILE PATTERN: waits up to 30 s for a line matching PATTERN in FILE.
wait_line() {
	for _ in $(seq 300); do
		grep -q "$2" "$1" && return 0
		sleep 0.1
	done
	return 1
}

# drag_across WID X1 Y1 X2 Y2: drags in window WID from (X1,Y1) to (X2,Y2),
# in steps as a hand would.
drag_across() {
	local wid=$1 x1=$2 y1=$3 x2=$4 y2=$5
	xdotool mousemove --window "$wid" "$x1" "$y1"
	sleep 0.3
	xdotool mousedown 1
	sleep 0.2
	xdotool mousemove --window "$wid" $(((x1 + x2) / 2)) "$y2"
	sleep 0.2
	xdotool mousemove --window "$wid" "$x2" "$y2"
	sleep 0.2
	xdotool mouseup 1
	sleep 0.5
}

# screenshot NAME: the whole screen as test-artifacts/NAME.
screenshot() { import -window root "$ART/$1" || fail "screenshot $1 failed"; }

# wait_quit PID [WINDOW]: waits up to 15 s (after Ctrl+Q) for gloss PID to
# end by itself; on a loaded machine a key sent to a busy window can be
# lost, so when WINDOW is given Ctrl+Q is sent once more and it waits 30 s
# longer. Fails unless gloss ended by itself, with status 0.
wait_quit() {
	local rc=0 i
	for i in $(seq 450); do
		kill -0 "$1" 2>/dev/null || break
		if [ "$i" -eq 150 ] && [ -n "${2:-}" ]; then
			log "gloss ($1) still running 15 s after Ctrl+Q: sending it again"
			xdotool key --window "$2" --clearmodifiers ctrl+q 2>/dev/null || true
		fi
		sleep 0.1
	done
	kill -0 "$1" 2>/dev/null && fail "gloss ($1) did not quit within 45 s of Ctrl+Q"
	wait "$1" || rc=$?
	[ "$rc" -eq 0 ] || fail "gloss ($1) exited with status $rc"
}
