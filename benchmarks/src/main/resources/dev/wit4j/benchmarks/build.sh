#!/usr/bin/env bash
# Rebuilds the benchmark components from their .wat sources with the pinned jco.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../../../../../../tools/wasm"
[ -d "$tools/node_modules" ] || "$tools/install.sh"
for wat in "$here"/*.wat; do
  "$tools/node_modules/.bin/jco" parse "$wat" -o "${wat%.wat}.wasm"
done
