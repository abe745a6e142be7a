#!/usr/bin/env bash
# Rebuilds the WIT-decoding fixtures with the pinned jco (tools/wasm):
#   NAME.wat -> NAME.wasm       a component written by hand (`jco parse`)
#   NAME.wit -> NAME.wasm       a component of the world: a dummy core module (`jco embed --dummy`)
#                               wrapped by `jco new`
#            -> NAME.core.wasm  an empty core module carrying the world in a `component-type`
#                               custom section (`jco embed`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$(cd "$here/../../../../../tools/wasm" && pwd)"
[ -d "$tools/node_modules" ] || (cd "$tools" && npm ci --no-audit --no-fund)
jco="$tools/node_modules/.bin/jco"
# jco's bundled WASI shim starts with no file access: grant it the file system for the build.
export NODE_OPTIONS="--import $tools/preopen-root.mjs"
cd "$here"
for wat in *.wat; do
  "$jco" parse "$wat" -o "${wat%.wat}.wasm"
done
printf '(module)' > .empty.wat
"$jco" parse .empty.wat -o .empty.wasm
for wit in *.wit; do
  name="${wit%.wit}"
  "$jco" embed --dummy --wit "$here/$wit" -o ".$name.dummy.wasm"
  "$jco" new ".$name.dummy.wasm" -o "$name.wasm"
  "$jco" embed .empty.wasm --wit "$here/$wit" -o "$name.core.wasm"
  rm -f ".$name.dummy.wasm"
done
rm -f .empty.wat .empty.wasm
