/** Generated bindings of the ledger component of {@code examples/ledger} (JavaScript, componentize-js). */
@WitWorld(world = "wit4j:ledger/ledger-world", wit = "examples/ledger/wit")
package dev.wit4j.benchmarks.ledger;

import dev.wit4j.annotations.WitWorld;
