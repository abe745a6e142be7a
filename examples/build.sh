#!/usr/bin/env bash
# Rebuilds the committed components of the example projects from their WebAssembly text with the
# pinned jco: examples/<project>/src/main/wat/NAME.wat -> examples/<project>/src/main/resources/NAME.wasm
# (the examples load them from the class path). examples/components has its own build.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../tools/wasm"
[ -d "$tools/node_modules" ] || "$tools/install.sh"
jco="$tools/node_modules/.bin/jco"
for wat in "$here"/*/src/main/wat/*.wat; do
  project="${wat%/src/main/wat/*}"
  name="$(basename "$wat" .wat)"
  "$jco" parse "$wat" -o "$project/src/main/resources/$name.wasm"
  echo "built ${project#"$here"/}/src/main/resources/$name.wasm"
done
