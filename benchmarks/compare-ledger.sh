#!/usr/bin/env bash
# The ledger's calls through wit4j (LedgerBenchmark, JMH, generated bindings) and through jco + node
# (ledger-node.mjs), one right after the other on this machine, so that their ratio is of one run.
#   benchmarks/compare-ledger.sh [COMPONENT]
# COMPONENT defaults to examples/ledger/target/ledger.wasm (made by examples/ledger/build.sh); the
# benchmarks jar is benchmarks/target/benchmarks.jar (mvn -pl benchmarks -am package).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
component=${1:-$root/examples/ledger/target/ledger.wasm}
if [ ! -f "$component" ]; then
  echo "no component at $component: build it with examples/ledger/build.sh or name one" >&2
  exit 1
fi
component=$(cd "$(dirname "$component")" && pwd)/$(basename "$component")
java -jar "$here/target/benchmarks.jar" LedgerBenchmark -jvmArgsAppend "-Dwit4j.bench.ledger=$component"
node "$here/ledger-node.mjs" "$component"
