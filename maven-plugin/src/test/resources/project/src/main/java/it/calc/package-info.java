/** Bindings from the WIT in src/main/wit. */
@WitWorld(world = "it:calc/calc")
package it.calc;

import dev.wit4j.annotations.WitWorld;
