/** Bindings read from a component, which is compiled into the application. */
@WitWorld(world = "app", wit = "", component = "app.wasm")
package it.app;

import dev.wit4j.annotations.WitWorld;
