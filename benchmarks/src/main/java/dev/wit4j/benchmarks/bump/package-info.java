/** Generated bindings of {@code bump.wasm} (world {@code wit4j:bench/bump}). */
@WitWorld(world = "wit4j:bench/bump")
package dev.wit4j.benchmarks.bump;

import dev.wit4j.annotations.WitWorld;
