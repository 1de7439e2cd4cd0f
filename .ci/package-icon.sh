#!/usr/bin/env bash
# Render assets/icon.png (512x512) from assets/icon.svg. Run it by hand after
# editing the SVG and commit both files; `make package` uses the committed PNG.
# Needs rsvg-convert (Debian package librsvg2-bin, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-packages librsvg2-bin
rsvg-convert --width 512 --height 512 --keep-aspect-ratio assets/icon.svg -o assets/icon.png
echo "wrote assets/icon.png ($(stat -c %s assets/icon.png) bytes)"
