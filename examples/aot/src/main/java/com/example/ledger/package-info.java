/**
 * Bindings of the ledger component, read from the component itself (there is no WIT in this
 * project), which javac compiles into the application.
 */
@WitWorld(world = "wit4j:ledger/ledger-world", wit = "", component = "target/ledger.wasm")
package com.example.ledger;

import dev.wit4j.annotations.WitWorld;
