#!/usr/bin/env bash
# Rebuilds the committed example components from their sources with the pinned jco:
#   NAME.wat      -> NAME.wasm  (a component written by hand)
#   NAME.core.wat -> NAME.wasm  (a WASI preview1 core module, wrapped by `jco new --wasi-command`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../tools/wasm"
[ -d "$tools/node_modules" ] || "$tools/install.sh"
jco="$tools/node_modules/.bin/jco"
for wat in "$here"/*.wat; do
  case "$wat" in
    *.core.wat)
      core="$(mktemp --suffix=.wasm)"
      "$jco" parse "$wat" -o "$core"
      "$jco" new "$core" --wasi-command -o "${wat%.core.wat}.wasm"
      rm -f "$core" ;;
    *)
      "$jco" parse "$wat" -o "${wat%.wat}.wasm" ;;
  esac
done
