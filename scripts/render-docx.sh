#!/usr/bin/env bash
# Renders a .docx to PDF and PNG pages for a visual check of the export layout.
# Usage: scripts/render-docx.sh <in.docx> <outdir>
# Needs: libreoffice (libreoffice-writer-nogui), pdftoppm (poppler-utils), CJK fonts (fonts-noto-cjk).
# 仿宋_GB2312 / 方正小标宋简体 are usually not installed on Linux: fontconfig substitutes a CJK
# face, so the render checks layout (margins, indents, alignment, footers), not the typefaces.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <in.docx> <outdir>" >&2
  exit 2
fi
in="$1"
out="$2"
office="$(command -v soffice || command -v libreoffice || true)"
[ -n "$office" ] || { echo "$0: soffice not found (apt-get install libreoffice-writer-nogui poppler-utils)" >&2; exit 3; }
command -v pdftoppm >/dev/null || { echo "$0: pdftoppm not found (apt-get install poppler-utils)" >&2; exit 3; }
mkdir -p "$out"
# A private profile so a concurrent LibreOffice (or a stale lock) does not block the conversion.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$office" -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$in" >/dev/null
name="$(basename "${in%.*}")"
rm -f "$out/$name"-*.png # pages of an earlier, longer render
pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name"
ls "$out/$name"-*.png
