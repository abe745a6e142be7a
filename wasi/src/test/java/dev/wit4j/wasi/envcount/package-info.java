/** Bindings for a world that imports WASI itself: the wasi module defines those imports. */
@WitWorld(world = "t:env-count/env-count", wit = "src/test/wit/env-count")
package dev.wit4j.wasi.envcount;

import dev.wit4j.annotations.WitWorld;
