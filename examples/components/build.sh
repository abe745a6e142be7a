#!/usr/bin/env bash
# Rebuilds the committed example components from their .wat sources with the pinned jco.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../tools/wasm"
[ -d "$tools/node_modules" ] || (cd "$tools" && npm ci --no-audit --no-fund)
for wat in "$here"/*.wat; do
  "$tools/node_modules/.bin/jco" parse "$wat" -o "${wat%.wat}.wasm"
done
