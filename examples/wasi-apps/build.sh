#!/usr/bin/env bash
# Builds the WASI components from their sources into OUTDIR (default: ./target):
#   app.js -> OUTDIR/app-js.wasm  (jco componentize: JavaScript on StarlingMonkey, ~12 MB, tens of seconds)
#   app.c  -> OUTDIR/app-c.wasm   (Debian clang + wasi-libc for wasm32-wasi, then jco new --wasi-command,
#                                  which wraps it with the WASI preview1 adapter jco ships)
#   http.js -> OUTDIR/app-http.wasm  (jco componentize: an HTTP handler, wasi:http/incoming-handler)
#   ../js-hello -> OUTDIR/app-hello.wasm  (jco componentize with every WASI feature: the world
#                                  example:hello/hello, which imports no WASI itself, plus the WASI
#                                  imports StarlingMonkey brings, as toolchain-built components have)
# A component newer than its sources is kept. Exits 3 with the reason when a toolchain is missing.
#   build.sh [OUTDIR] [js|c|http|hello]...
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../tools/wasm"
out="$(mkdir -p "${1:-$here/target}" && cd "${1:-$here/target}" && pwd)"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(js c)
command -v node >/dev/null || { echo "node is not installed (the components are built with jco)" >&2; exit 3; }
[ -d "$tools/node_modules" ] || "$tools/install.sh"
jco="$tools/node_modules/.bin/jco"

# Two test runs may build at the same time: one waits for the other.
exec 9>"$out/.build.lock"
flock 9

fresh() { # fresh OUT SOURCES...: OUT exists and is newer than every source
  local target="$1"; shift
  [ -f "$target" ] || return 1
  for s in "$@"; do [ "$s" -nt "$target" ] && return 1; done
  return 0
}

for t in "${targets[@]}"; do
  case "$t" in
    js)
      if ! fresh "$out/app-js.wasm" "$here/app.js" "$here/app.wit"; then
        wit="$out/app-js-wit"
        rm -rf "$wit" && mkdir -p "$wit/deps"
        cp "$here/app.wit" "$wit/"
        for pkg in cli clocks filesystem io random; do
          cp -r "$here/../../wasi/src/main/wit/deps/$pkg" "$wit/deps/"
        done
        "$tools/componentize.sh" "$here/app.js" "$wit" app "$out/app-js.wasm.tmp"
        mv "$out/app-js.wasm.tmp" "$out/app-js.wasm"
      fi ;;
    c)
      if ! fresh "$out/app-c.wasm" "$here/app.c"; then
        if ! command -v clang >/dev/null || [ ! -f /usr/lib/wasm32-wasi/libc.a ]; then
          echo "clang with wasi-libc is not installed (apt-get install clang lld wasi-libc libclang-rt-14-dev-wasm32)" >&2
          exit 3
        fi
        clang --target=wasm32-wasi -O2 -s "$here/app.c" -o "$out/app-c.core.wasm"
        "$jco" new "$out/app-c.core.wasm" --wasi-command -o "$out/app-c.wasm"
      fi ;;
    http)
      if ! fresh "$out/app-http.wasm" "$here/http.js" "$here/http.wit"; then
        wit="$out/app-http-wit"
        rm -rf "$wit" && mkdir -p "$wit/deps"
        cp "$here/http.wit" "$wit/"
        # StarlingMonkey exports the handler at wasi:http 0.2.10: the world names that version, so
        # the WASI packages it uses are declared at 0.2.10 too (the same interfaces as 0.2.12's)
        for pkg in clocks http io; do
          cp -r "$here/../../wasi/src/main/wit/deps/$pkg" "$wit/deps/"
        done
        sed -i 's/@0\.2\.12/@0.2.10/g' "$wit"/deps/*/*.wit
        "$tools/componentize.sh" "$here/http.js" "$wit" http "$out/app-http.wasm.tmp"
        mv "$out/app-http.wasm.tmp" "$out/app-http.wasm"
      fi ;;
    hello)
      hello="$here/../js-hello"
      if ! fresh "$out/app-hello.wasm" "$hello/hello.js" "$hello/hello.wit"; then
        "$tools/componentize.sh" "$hello/hello.js" "$hello/hello.wit" hello "$out/app-hello.wasm.tmp"
        mv "$out/app-hello.wasm.tmp" "$out/app-hello.wasm"
      fi ;;
    *) echo "unknown target $t (js, c, http or hello)" >&2; exit 2 ;;
  esac
done
