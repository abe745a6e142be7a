/** Generated bindings of {@code echo.wasm} (world {@code wit4j:bench/echo}). */
@WitWorld(world = "wit4j:bench/echo")
package dev.wit4j.benchmarks.echo;

import dev.wit4j.annotations.WitWorld;
