/** Generated bindings of {@code points.wasm} (world {@code wit4j:bench/points-world}). */
@WitWorld(world = "wit4j:bench/points-world")
package dev.wit4j.benchmarks.points;

import dev.wit4j.annotations.WitWorld;
