#!/usr/bin/env bash
# Builds a JavaScript component with the pinned jco (componentize-js):
#   componentize.sh SOURCE.js WIT WORLD OUT.wasm [jco componentize options…]
# The build takes tens of seconds and a couple of GB of memory, and its output (~12 MB) differs
# between builds, so tests build it into target/ rather than committing it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -ge 4 ] || { echo "usage: componentize.sh SOURCE.js WIT WORLD OUT.wasm [options…]" >&2; exit 2; }
[ -d "$here/node_modules" ] || "$here/install.sh"
# jco's bundled WASI shim starts with no file access: grant it the file system for this build.
export NODE_OPTIONS="--import $here/preopen-root.mjs"
# A build normally takes under a minute; one that has not finished in eight is stopped and tried
# once more, so that a test waiting on a hung build fails with a reason instead of waiting for ever.
for attempt in 1 2; do
    status=0
    timeout --kill-after=15 480 "$here/node_modules/.bin/jco" componentize "$1" --wit "$2" --world-name "$3" \
        -o "$4" "${@:5}" || status=$?
    [ "$status" -eq 124 ] || [ "$status" -eq 137 ] || exit "$status"
    echo "componentize.sh: jco componentize $1 did not finish in 480 s (attempt $attempt of 2)" >&2
done
exit 1
