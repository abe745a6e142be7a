#!/bin/sh
# Turns every *.wat here into the .wasm next to it, with the project's pinned jco (wasm-tools 0.259).
# Run from anywhere: runtime/src/test/resources/link/build.sh. The .wasm files are committed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jco="$here/../../../../../tools/wasm/node_modules/.bin/jco"
for wat in "$here"/*.wat; do
  "$jco" parse "$wat" -o "${wat%.wat}.wasm"
done
