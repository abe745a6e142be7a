#!/usr/bin/env bash
# Builds the ledger component from ledger.js and wit/ into OUTDIR (default: ./target) with
# jco componentize (StarlingMonkey: ~12 MB, tens of seconds), with no WASI imports (-d all).
# A component newer than its sources is kept. Exits 3 with the reason when node is missing.
#   build.sh [OUTDIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tools="$here/../../tools/wasm"
out="$(mkdir -p "${1:-$here/target}" && cd "${1:-$here/target}" && pwd)"
command -v node >/dev/null || { echo "node is not installed (the component is built with jco)" >&2; exit 3; }
exec 9>"$out/.build.lock"
flock 9
target="$out/ledger.wasm"
if [ -f "$target" ] && [ "$target" -nt "$here/ledger.js" ] && [ "$target" -nt "$here/wit/ledger.wit" ]; then
  exit 0
fi
"$tools/componentize.sh" "$here/ledger.js" "$here/wit" ledger-world "$target.tmp" -d all
mv "$target.tmp" "$target"
