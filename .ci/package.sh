#!/usr/bin/env bash
# Build Gloss's release artifacts (docs/install.md, "Building a release").
#
# usage: .ci/package.sh all|linux|windows|darwin|check
#
#   all      empty dist/, then linux, windows and darwin, then SHA256SUMS
#   linux    dist/gloss-V-linux-amd64.tar.xz (fyne package, with a Makefile),
#            dist/gloss_DEBV_amd64.deb, dist/gloss-cli-V-linux-amd64
#   windows  dist/gloss-V-windows-amd64-setup.exe (NSIS), the bare
#            dist/gloss-V-windows-amd64.exe and dist/gloss-cli-V-windows-amd64.exe
#   darwin   on a Mac: dist/gloss-V-macos-ARCH.dmg and dist/gloss-cli-V-macos-ARCH;
#            anywhere else it prints the commands to run on a Mac and exits 0
#   check    build the Linux tarball and .deb into a temporary folder and
#            check what they hold (part of `make test`)
#
# linux, windows and darwin also rewrite dist/SHA256SUMS over all of dist/.
#
# Environment: VERSION (default: git describe --tags --always --dirty), GO,
# DIST (default dist), FYNE_TOOLS_VERSION (the fyne.io/tools release whose
# `fyne package` is used), FYNE (a fyne binary to use instead of installing
# that release into the temporary folder), MAINTAINER (for the .deb), and
# WIN_SIGN_PKCS12, WIN_SIGN_PASSWORD_FILE, WIN_SIGN_TIMESTAMP_URL to sign the
# Windows executables (see win_sign).
#
# Everything is built from a copy of the source tree (the files git would
# commit) in a temporary folder: `fyne package` rewrites FyneApp.toml and
# writes build files next to main.go, and none of that reaches the work tree.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
MODE=${1:-}
GO=${GO:-go}
DIST=${DIST:-dist}
FYNE_TOOLS_VERSION=${FYNE_TOOLS_VERSION:-v1.7.4}
# The .deb's Maintainer and the installer's publisher: MAINTAINER when set, else
# the author of the commit being packaged (whoever releases is the maintainer).
MAINTAINER=${MAINTAINER:-$(git log -1 --format='%an <%ae>' 2>/dev/null || true)}
[ -n "$MAINTAINER" ] || MAINTAINER="The Gloss authors <gloss@localhost>"
PUBLISHER=${PUBLISHER:-${MAINTAINER%% <*}}
# FyneApp.toml's ID (org.gloss.Gloss) also names the .desktop file and the icon.
APPID=$(sed -n 's/^[[:space:]]*ID[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -1)
PKGDIR=$ROOT/.ci/packaging
# Libraries GLFW opens with dlopen at run time: dpkg-shlibdeps cannot see them.
DLOPEN_DEPS="libxcursor1, libxi6, libxinerama1, libxrandr2, libxxf86vm1"
# DLLs that every 64-bit Windows has; gloss.exe may import nothing else.
WIN_SYSTEM_DLLS="advapi32 comdlg32 dwmapi gdi32 imm32 kernel32 msvcrt ntdll ole32 oleaut32 opengl32 shell32 shlwapi user32 uxtheme version winmm ws2_32 crypt32 bcrypt dbghelp setupapi"

log() { printf 'package: %s\n' "$*" >&2; }
fail() { printf 'package: FAIL: %s\n' "$*" >&2; exit 1; }
need() { for c in "$@"; do command -v "$c" >/dev/null || fail "$c is not installed (make package-* installs it on Debian)"; done; }
took() { log "$1 took $((SECONDS - $2))s"; }

[ -n "$APPID" ] || fail "FyneApp.toml has no ID"

case $MODE in
all | linux | windows | darwin | check) ;;
sign-file) ;; # used by gloss.nsi: sign-file FILE
*)
	sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac

# The full-text index needs go-sqlite3's sqlite_fts5 build tag (see the
# Makefile): every go command below builds with it, also when run directly.
case " ${GOFLAGS:-} " in *sqlite_fts5*) ;; *) GOFLAGS="${GOFLAGS:+$GOFLAGS }-tags=sqlite_fts5" ;; esac
export GOFLAGS

# --- version -----------------------------------------------------------------

# version_vars derives every spelling of the version from VERSION (git describe):
#   FILEVER  in file names: v1.2.3-4-gabcdef0 -> 1.2.3-4-gabcdef0
#   NUMVER   x.y.z for fyne (--app-version); 0.0.0 before the first tag
#   COMMITS  commits since the tag (since the start before the first tag)
#   DEBVER   Debian version: 1.2.3, 1.2.3+git4.gabcdef0, 1.2.3~rc1, 0.0.0~git12.gabcdef0
#   VIVERSION  Windows file version x.y.z.COMMITS
version_vars() {
	VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
	[[ $VERSION =~ ^[0-9A-Za-z][0-9A-Za-z.+~-]*$ ]] || fail "VERSION '$VERSION' is not usable in file names"
	FILEVER=${VERSION#v}
	local v=${VERSION%-dirty} dirty='' pre='' hash=''
	[ "$v" = "$VERSION" ] || dirty=1
	local re='^v?([0-9]+)(\.([0-9]+))?(\.([0-9]+))?(-([A-Za-z][0-9A-Za-z.]*))?(-([0-9]+)-g([0-9a-f]+))?$'
	if [[ $v =~ $re ]]; then
		NUMVER=${BASH_REMATCH[1]}.${BASH_REMATCH[3]:-0}.${BASH_REMATCH[5]:-0}
		pre=${BASH_REMATCH[7]}
		COMMITS=${BASH_REMATCH[9]:-0}
		hash=${BASH_REMATCH[10]}
		DEBVER=$NUMVER
		[ -z "$pre" ] || DEBVER+="~$pre"
		[ "$COMMITS" = 0 ] || DEBVER+="+git$COMMITS.g$hash"
	else # no tag yet: abcdef0 (or dev outside git)
		NUMVER=0.0.0
		COMMITS=$(git rev-list --count HEAD 2>/dev/null || echo 0)
		DEBVER="0.0.0~git$COMMITS"
		[[ ! $v =~ ^[0-9a-f]{7,}$ ]] || DEBVER+=".g$v"
	fi
	if [ -n "$dirty" ]; then
		if [[ $DEBVER == *+* ]]; then DEBVER+=".dirty"; else DEBVER+="+dirty"; fi
	fi
	VIVERSION=$NUMVER.$COMMITS
	APPBUILD=$((COMMITS + 1)) # fyne wants a build number > 0
	SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
	export SOURCE_DATE_EPOCH
}

# subst fills the @NAME@ placeholders of the templates in .ci/packaging.
subst() {
	sed -e "s|@APPID@|$APPID|g" -e "s|@VERSION@|$VERSION|g" -e "s|@DEBVERSION@|$DEBVER|g" \
		-e "s|@MAINTAINER@|$MAINTAINER|g" -e "s|@DEPENDS@|${DEPENDS:-}|g" \
		-e "s|@INSTALLED_SIZE@|${INSTALLED_SIZE:-}|g" "$1"
}

# --- sources and tools -------------------------------------------------------

# copy_source copies what git would commit (tracked and untracked files that
# are not ignored) into $STAGE/src, plus FyneApp.toml next to cmd/gloss's
# main.go, where fyne package looks for it.
copy_source() {
	local src=$STAGE/src
	mkdir -p "$src"
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard |
			while IFS= read -r -d '' f; do
				if [ -e "$f" ]; then printf '%s\0' "$f"; fi
			done |
			tar --null -T - -cf - | tar -C "$src" -xf -
	else
		tar --exclude=./.git --exclude="./$DIST" --exclude=./bin --exclude=./test-artifacts -cf - . |
			tar -C "$src" -xf -
	fi
	[ -f "$src/cmd/gloss/main.go" ] || fail "cmd/gloss/main.go is missing"
	[ -f "$src/FyneApp.toml" ] || fail "FyneApp.toml is missing"
	cp "$src/FyneApp.toml" "$src/cmd/gloss/FyneApp.toml"
}

# fyne_tool installs the fyne command (fyne.io/tools) into the temporary folder.
fyne_tool() {
	if [ -n "${FYNE:-}" ]; then return; fi
	log "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
	env -u GOOS -u GOARCH -u CC -u CXX -u GOFLAGS GOBIN="$STAGE/tools" \
		"$GO" install "fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION"
	FYNE=$STAGE/tools/fyne
}

# fyne_package runs fyne package in the copy's cmd/gloss for OS ($1), with
# the environment given after it (GOOS, CC, ...).
fyne_package() {
	local os=$1
	shift
	(cd "$STAGE/src/cmd/gloss" &&
		env "$@" GOFLAGS="${GOFLAGS:+$GOFLAGS }-ldflags=-X=main.Version=$VERSION" \
			"$FYNE" package -os "$os" --release --icon "$STAGE/src/assets/icon.png" \
			--app-version "$NUMVER" --app-build "$APPBUILD")
}

# go_build builds cmd/$1 from the copy into $2, with the environment after it.
go_build() {
	local cmd=$1 out=$2
	shift 2
	(cd "$STAGE/src" && env "$@" "$GO" build -trimpath \
		-ldflags "-s -w -X main.Version=$VERSION" -o "$out" "./cmd/$cmd")
}

# --- Linux -------------------------------------------------------------------

# deb_depends prints the Depends line for the binaries given: dpkg-shlibdeps
# for the linked libraries, plus those GLFW opens at run time.
deb_depends() {
	local dir=$STAGE/shlibdeps out
	mkdir -p "$dir/debian"
	printf 'Source: gloss\n\nPackage: gloss\nArchitecture: amd64\n' >"$dir/debian/control"
	out=$(cd "$dir" && dpkg-shlibdeps -O "$@" 2>"$dir/err") || {
		cat "$dir/err" >&2
		fail "dpkg-shlibdeps"
	}
	out=${out#shlibs:Depends=}
	[ -n "$out" ] || fail "dpkg-shlibdeps found no libraries"
	echo "$out, $DLOPEN_DEPS"
}

build_linux() {
	need tar xz dpkg-deb dpkg-shlibdeps
	local t0=$SECONDS src=$STAGE/src top=gloss-$FILEVER
	local tdir=$STAGE/linux root u
	log "linux: fyne package -os linux (gloss $VERSION)"
	fyne_package linux -u GOOS -u GOARCH -u CC -u CXX CGO_ENABLED=1
	[ -f "$src/cmd/gloss/Gloss.tar.xz" ] || fail "fyne package made no Gloss.tar.xz"
	took "linux: fyne package" "$t0"
	go_build gloss-cli "$STAGE/gloss-cli" -u GOOS -u GOARCH -u CC -u CXX CGO_ENABLED=1
	took "linux: gloss and gloss-cli" "$t0"

	# The tarball, with what fyne's lacks: gloss-cli, the *.gloss type, a
	# hicolor icon (usr/local/share/pixmaps is not on the icon path) and a
	# Makefile that installs all of it.
	mkdir -p "$tdir"
	tar -C "$tdir" -xJf "$src/cmd/gloss/Gloss.tar.xz"
	[ -d "$tdir/gloss" ] || fail "fyne's tarball has no gloss/ folder"
	mv "$tdir/gloss" "$tdir/$top"
	root=$tdir/$top
	if [ ! -d "$root/usr/local" ]; then # fyne uses usr/ when the build machine has no /usr/local
		mkdir "$tdir/local" && mv "$root/usr/"* "$tdir/local/" && mv "$tdir/local" "$root/usr/local"
	fi
	u=$root/usr/local
	for f in bin/gloss "share/applications/$APPID.desktop" "share/pixmaps/$APPID.png"; do
		[ -f "$u/$f" ] || fail "fyne's tarball has no usr/local/$f"
	done
	install -m0755 "$STAGE/gloss-cli" "$u/bin/gloss-cli"
	subst "$PKGDIR/gloss.desktop" >"$u/share/applications/$APPID.desktop"
	install -Dm0644 "$src/assets/icon.png" "$u/share/icons/hicolor/512x512/apps/$APPID.png"
	install -Dm0644 "$src/assets/icon.svg" "$u/share/icons/hicolor/scalable/apps/$APPID.svg"
	mkdir -p "$u/share/mime/packages"
	subst "$PKGDIR/gloss-mime.xml" >"$u/share/mime/packages/gloss.xml"
	subst "$PKGDIR/tarball.Makefile" >"$root/Makefile"
	chmod -R u+rwX,go+rX,go-w "$root"
	mkdir -p "$DIST"
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
		-C "$tdir" -cf - "$top" | xz -T0 -6 >"$DIST/$top-linux-amd64.tar.xz"
	took "linux: tarball" "$t0"

	# The .deb: the same files under /usr.
	local d=$STAGE/deb
	install -Dm0755 "$u/bin/gloss" "$d/usr/bin/gloss"
	install -Dm0755 "$u/bin/gloss-cli" "$d/usr/bin/gloss-cli"
	for f in "applications/$APPID.desktop" "icons/hicolor/512x512/apps/$APPID.png" \
		"icons/hicolor/scalable/apps/$APPID.svg" mime/packages/gloss.xml; do
		install -Dm0644 "$u/share/$f" "$d/usr/share/$f"
	done
	# Debian policy: the licence as /usr/share/doc/gloss/copyright.
	install -Dm0644 LICENSE "$d/usr/share/doc/gloss/copyright"
	DEPENDS=$(deb_depends "$d/usr/bin/gloss" "$d/usr/bin/gloss-cli")
	INSTALLED_SIZE=$(du -sk "$d" | cut -f1)
	mkdir -p "$d/DEBIAN"
	subst "$PKGDIR/deb-control" >"$d/DEBIAN/control"
	(cd "$d" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$d/DEBIAN/md5sums"
	chmod 0644 "$d/DEBIAN/control" "$d/DEBIAN/md5sums"
	dpkg-deb --root-owner-group -Zxz --build "$d" "$DIST/gloss_${DEBVER}_amd64.deb" >/dev/null
	install -m0755 "$STAGE/gloss-cli" "$DIST/gloss-cli-$FILEVER-linux-amd64"
	took "linux: all" "$t0"
}

# --- Windows -----------------------------------------------------------------

# check_dlls fails when a Windows binary imports a DLL that Windows lacks
# (libgcc, libwinpthread, libssp: mingw's, which the installer does not ship).
check_dlls() {
	local exe dll
	for exe in "$@"; do
		for dll in $(x86_64-w64-mingw32-objdump -p "$exe" | awk '/DLL Name:/ {print tolower($3)}'); do
			[[ " $WIN_SYSTEM_DLLS " == *" ${dll%.dll} "* ]] ||
				fail "$(basename "$exe") needs $dll, which Windows does not have"
		done
	done
}

# win_sign signs a Windows executable in place with osslsigncode when
# WIN_SIGN_PKCS12 names a code-signing certificate (.pfx/.p12), with its
# password read from WIN_SIGN_PASSWORD_FILE and an RFC 3161 timestamp from
# WIN_SIGN_TIMESTAMP_URL when those are set. Without WIN_SIGN_PKCS12 it does
# nothing: the artifacts are then unsigned.
win_sign() {
	[ -n "${WIN_SIGN_PKCS12:-}" ] || return 0
	need osslsigncode
	local f=$1 args
	args=(sign -pkcs12 "$WIN_SIGN_PKCS12" -n Gloss -h sha256 -in "$f" -out "$f.signed")
	[ -z "${WIN_SIGN_PASSWORD_FILE:-}" ] || args+=(-readpass "$WIN_SIGN_PASSWORD_FILE")
	[ -z "${WIN_SIGN_TIMESTAMP_URL:-}" ] || args+=(-ts "$WIN_SIGN_TIMESTAMP_URL")
	osslsigncode "${args[@]}" >"$f.signlog" 2>&1 || { cat "$f.signlog" >&2 && fail "signing $(basename "$f")"; }
	rm -f "$f.signlog"
	mv "$f.signed" "$f"
}

build_windows() {
	need x86_64-w64-mingw32-gcc x86_64-w64-mingw32-objdump makensis convert
	local t0=$SECONDS src=$STAGE/src w=$STAGE/windows
	local wenv=(GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++)
	mkdir -p "$w" "$DIST"
	log "windows: fyne package -os windows (gloss $VERSION)"
	fyne_package windows "${wenv[@]}" # adds -H=windowsgui, the icon and a manifest
	[ -f "$src/cmd/gloss/Gloss.exe" ] || fail "fyne package made no Gloss.exe"
	mv "$src/cmd/gloss/Gloss.exe" "$w/gloss.exe"
	go_build gloss-cli "$w/gloss-cli.exe" "${wenv[@]}"
	check_dlls "$w/gloss.exe" "$w/gloss-cli.exe"
	win_sign "$w/gloss.exe"
	win_sign "$w/gloss-cli.exe"
	took "windows: gloss.exe and gloss-cli.exe" "$t0"
	convert "$src/assets/icon.png" -define icon:auto-resize=256,64,48,32,16 "$w/gloss.ico"
	local setup=$DIST/gloss-$FILEVER-windows-amd64-setup.exe
	local nsis=(-V2 -DVERSION="$FILEVER" -DVIVERSION="$VIVERSION" -DSRCDIR="$w"
		-DOUTFILE="$(realpath "$DIST")/$(basename "$setup")" -DPUBLISHER="$PUBLISHER")
	# makensis signs the uninstaller it writes into the installer by calling
	# back this script (sign-file mode), with the same environment.
	[ -z "${WIN_SIGN_PKCS12:-}" ] || nsis+=(-DSIGN="$ROOT/.ci/package.sh")
	makensis "${nsis[@]}" "$PKGDIR/gloss.nsi"
	win_sign "$setup"
	install -m0644 "$w/gloss.exe" "$DIST/gloss-$FILEVER-windows-amd64.exe"
	install -m0644 "$w/gloss-cli.exe" "$DIST/gloss-cli-$FILEVER-windows-amd64.exe"
	took "windows: all" "$t0"
}

# --- macOS -------------------------------------------------------------------

build_darwin() {
	local arch
	arch=$(uname -m)
	if [ "$(uname -s)" != Darwin ]; then
		cat >&2 <<EOF
package-darwin: skipped. A macOS package can only be built on a Mac (Go, and
Xcode's command line tools: xcode-select --install). On the Mac, in a clone:

    make package-darwin

which runs, on a copy of the tree in a temporary folder:

    cd cmd/gloss   # with FyneApp.toml copied next to main.go
    GOFLAGS="-tags=sqlite_fts5 -ldflags=-X=main.Version=$VERSION" fyne package -os darwin --release \\
        --icon ../../assets/icon.png --app-version $NUMVER --app-build $APPBUILD
    go build -tags sqlite_fts5 -trimpath -ldflags "-s -w -X main.Version=$VERSION" -o gloss-cli ./cmd/gloss-cli
    mkdir dmg && mv Gloss.app dmg/ && ln -s /Applications dmg/Applications
    hdiutil create -volname "Gloss $FILEVER" -srcfolder dmg -ov -format UDZO \\
        dist/gloss-$FILEVER-macos-\$(uname -m).dmg

(fyne is fyne.io/tools/cmd/fyne@$FYNE_TOOLS_VERSION). See docs/install.md.
EOF
		return 0
	fi
	need hdiutil
	local t0=$SECONDS src=$STAGE/src m=$STAGE/dmg
	[ "$arch" = x86_64 ] && arch=amd64
	fyne_package darwin -u GOOS -u GOARCH CGO_ENABLED=1
	[ -d "$src/cmd/gloss/Gloss.app" ] || fail "fyne package made no Gloss.app"
	mkdir -p "$m" "$DIST"
	mv "$src/cmd/gloss/Gloss.app" "$m/"
	ln -s /Applications "$m/Applications"
	hdiutil create -volname "Gloss $FILEVER" -srcfolder "$m" -ov -format UDZO \
		"$DIST/gloss-$FILEVER-macos-$arch.dmg"
	go_build gloss-cli "$(realpath "$DIST")/gloss-cli-$FILEVER-macos-$arch" -u GOOS -u GOARCH CGO_ENABLED=1
	took "darwin: all" "$t0"
}

# --- checksums ---------------------------------------------------------------

# write_sums writes SHA256SUMS over the files in $DIST (sha256sum, or
# shasum on a Mac, which print the same format).
write_sums() {
	local sum=(sha256sum) files=() f
	command -v sha256sum >/dev/null || sum=(shasum -a 256)
	for f in "$DIST"/*; do
		if [ -f "$f" ] && [[ $(basename "$f") != SHA256SUMS* ]]; then files+=("$(basename "$f")"); fi
	done
	[ ${#files[@]} -gt 0 ] || return 0
	(cd "$DIST" && "${sum[@]}" "${files[@]}" >SHA256SUMS.new && mv SHA256SUMS.new SHA256SUMS)
	log "$DIST/SHA256SUMS:"
	sed 's/^/  /' "$DIST/SHA256SUMS" >&2
}

list_dist() {
	local f
	for f in "$DIST"/*; do
		[ -f "$f" ] || continue
		printf '%s %s\n' "$(basename "$f")" "$(wc -c <"$f")"
	done | awk '{printf "  %-52s %6.1f MiB\n", $1, $2 / 1048576}' >&2
}

# --- check (make test) -------------------------------------------------------

# check_linux checks the Linux artifacts in $DIST: what the tarball and the
# .deb hold, that the tarball's Makefile installs and uninstalls it, that the
# binaries report the version, and that the work tree is as it was.
check_linux() {
	local tb=$DIST/gloss-$FILEVER-linux-amd64.tar.xz deb=$DIST/gloss_${DEBVER}_amd64.deb
	local top=gloss-$FILEVER c=$STAGE/check f
	mkdir -p "$c"
	[ -f "$tb" ] || fail "no $tb"
	[ -f "$deb" ] || fail "no $deb"

	local files=(bin/gloss bin/gloss-cli "share/applications/$APPID.desktop" "share/pixmaps/$APPID.png"
		"share/icons/hicolor/512x512/apps/$APPID.png" "share/icons/hicolor/scalable/apps/$APPID.svg"
		share/mime/packages/gloss.xml)
	tar -tJf "$tb" >"$c/tar.list"
	grep -qx "$top/Makefile" "$c/tar.list" || fail "tarball has no $top/Makefile"
	for f in "${files[@]}"; do
		grep -qx "$top/usr/local/$f" "$c/tar.list" || fail "tarball has no $top/usr/local/$f"
	done

	tar -C "$c" -xJf "$tb"
	make -s -C "$c/$top" install DESTDIR="$c/root" >/dev/null
	for f in "${files[@]}"; do
		[ -f "$c/root/usr/local/$f" ] || fail "the tarball's make install did not install /usr/local/$f"
	done
	[ -x "$c/root/usr/local/bin/gloss" ] || fail "installed gloss is not executable"
	f=$("$c/root/usr/local/bin/gloss" --version 2>"$c/err") || { cat "$c/err" >&2 && fail "gloss --version failed"; }
	[ "$f" = "gloss $VERSION" ] || fail "gloss --version says '$f', want 'gloss $VERSION'"
	f=$("$c/root/usr/local/bin/gloss-cli" --version 2>"$c/err") || { cat "$c/err" >&2 && fail "gloss-cli --version failed"; }
	[ "$f" = "gloss-cli $VERSION" ] || fail "gloss-cli --version says '$f', want 'gloss-cli $VERSION'"
	make -s -C "$c/$top" uninstall DESTDIR="$c/root" >/dev/null
	f=$(find "$c/root" -type f | head -1)
	[ -z "$f" ] || fail "the tarball's make uninstall left $f"

	if command -v desktop-file-validate >/dev/null; then
		desktop-file-validate "$c/$top/usr/local/share/applications/$APPID.desktop" >"$c/dfv" 2>&1 ||
			{ cat "$c/dfv" >&2 && fail "desktop-file-validate"; }
	fi
	if command -v update-mime-database >/dev/null; then
		mkdir -p "$c/mime/packages"
		cp "$c/$top/usr/local/share/mime/packages/gloss.xml" "$c/mime/packages/"
		update-mime-database "$c/mime" 2>"$c/umd" || { cat "$c/umd" >&2 && fail "update-mime-database"; }
		grep -q 'application/x-gloss-project:\*\.gloss' "$c/mime/globs2" || fail "*.gloss is not in the MIME database"
	fi

	dpkg-deb -I "$deb" >"$c/deb.info"
	dpkg-deb -c "$deb" >"$c/deb.list"
	grep -qx ' Package: gloss' "$c/deb.info" || fail ".deb: Package is not gloss"
	grep -qx " Version: $DEBVER" "$c/deb.info" || fail ".deb: Version is not $DEBVER"
	local depends
	depends=$(sed -n 's/^ Depends: //p' "$c/deb.info")
	for f in libc6 libgl1 libx11-6 libxcursor1 libxrandr2 libxinerama1 libxi6 libxxf86vm1; do
		[[ ", $depends," == *", $f"[\ ,]* ]] || fail ".deb: Depends ($depends) lacks $f"
	done
	for f in usr/bin/gloss usr/bin/gloss-cli "usr/share/applications/$APPID.desktop" \
		"usr/share/icons/hicolor/512x512/apps/$APPID.png" usr/share/mime/packages/gloss.xml \
		usr/share/doc/gloss/copyright; do
		grep -q " \./$f\$" "$c/deb.list" || fail ".deb has no /$f"
	done
	f=$(awk '$2 != "root/root"' "$c/deb.list")
	[ -z "$f" ] || fail ".deb has files not owned by root: $f"

	file assets/icon.png | grep -q '512 x 512' || fail "assets/icon.png is not 512x512"
	log "check: tarball and .deb hold what they should; Depends: $depends"
}

# tree_state prints the git status of what packaging could change: all of it
# in CI (a fresh clone, nothing else at work), else FyneApp.toml, go.mod,
# go.sum, cmd/gloss, assets, .ci and new top-level files, so that other work
# going on in the same tree does not count.
tree_state() {
	git rev-parse --is-inside-work-tree >/dev/null 2>&1 || return 0
	if [ "${CI:-}" = true ]; then
		git status --porcelain
	else
		git status --porcelain -- FyneApp.toml go.mod go.sum cmd/gloss assets .ci
		git status --porcelain | grep -E '^\?\? [^/]+/?$' || true
	fi
}

# --- main --------------------------------------------------------------------

if [ "$MODE" = sign-file ]; then
	win_sign "${2:?usage: sign-file FILE}"
	exit 0
fi
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/gloss-package.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
export LC_ALL=C # file name order in globs and SHA256SUMS
T0=$SECONDS
version_vars
log "version $VERSION (files $FILEVER, deb $DEBVER, app $NUMVER build $APPBUILD)"
case $MODE in
check)
	before=$(tree_state)
	DIST=$STAGE/dist
	copy_source
	fyne_tool
	build_linux
	check_linux
	after=$(tree_state)
	if [ "$before" != "$after" ]; then
		diff <(echo "$before") <(echo "$after") >&2 || true
		fail "packaging changed the work tree (git status above)"
	fi
	list_dist
	took "package-check" "$T0"
	echo "package-check: passed"
	;;
all)
	case $(realpath -m "${DIST:-.}") in
	"$ROOT" | / | "$ROOT"/.git*) fail "refusing to empty DIST=$DIST" ;;
	esac
	rm -rf "$DIST"
	copy_source
	fyne_tool
	build_linux
	build_windows
	build_darwin
	write_sums
	list_dist
	took "make package" "$T0"
	;;
linux | windows | darwin)
	if [ "$MODE" != darwin ] || [ "$(uname -s)" = Darwin ]; then
		copy_source
		fyne_tool
	fi
	"build_$MODE"
	if [ -d "$DIST" ]; then write_sums; fi
	;;
esac
