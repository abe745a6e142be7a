#!/usr/bin/env bash
# Builds compute.wasm (a reactor component: crunch(kib) -> u32) from compute.c with Debian's clang
# and wasi-libc, then jco embed + jco new --wasi-reactor. Exits 3 when a toolchain is missing.
#   build.sh [OUTDIR]   (default: ../target)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../tools/wasm"
out="$(mkdir -p "${1:-$here/../target}" && cd "${1:-$here/../target}" && pwd)"
if ! command -v clang >/dev/null || [ ! -f /usr/lib/wasm32-wasi/libc.a ]; then
  echo "clang with wasi-libc is not installed (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)" >&2
  exit 3
fi
command -v node >/dev/null || { echo "node is not installed (the component is made with jco)" >&2; exit 3; }
[ -d "$tools/node_modules" ] || "$tools/install.sh"
jco="$tools/node_modules/.bin/jco"
export NODE_OPTIONS="--import $tools/preopen-root.mjs"
clang --target=wasm32-wasi -O2 -mexec-model=reactor -s "$here/compute.c" -o "$out/compute.core.wasm"
"$jco" embed "$out/compute.core.wasm" --wit "$here/compute.wit" -o "$out/compute.embedded.wasm"
"$jco" new "$out/compute.embedded.wasm" --wasi-reactor -o "$out/compute.wasm"
