#!/usr/bin/env bash
# Rebuilds the committed test components (NAME.wat -> NAME.wasm, written by hand) with the pinned jco.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../../../../tools/wasm"
[ -d "$tools/node_modules" ] || "$tools/install.sh"
jco="$tools/node_modules/.bin/jco"
for wat in "$here"/*.wat; do
  "$jco" parse "$wat" -o "${wat%.wat}.wasm"
done
