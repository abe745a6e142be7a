#!/usr/bin/env bash
# Plugs the example WASI command into a component that forwards `wasi:cli/run`, checks what changed
# with `wit4j diff`, and shows what the composition can do: the report on the terminal and a page
# with the diagram in target/capabilities.html (open it in a browser).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
components="$root/examples/components"
[ -f "$root/cli/target/wit4j.jar" ] || mvn -B -q -f "$root/pom.xml" install -DskipTests -pl cli -am
wit4j="$root/cli/wit4j"
mkdir -p "$here/target"
"$wit4j" compose "$components/run-forwarder.wasm" --plug "$components/hello-command.wasm" -o "$here/target/composed.wasm"
# the composition can stand in for the command: same imports, same export (exit 0)
"$wit4j" diff "$components/hello-command.wasm" "$here/target/composed.wasm"
"$wit4j" inspect --html "$here/target/capabilities.html" "$here/target/composed.wasm"
"$wit4j" run "$here/target/composed.wasm"
echo "page: $here/target/capabilities.html"
