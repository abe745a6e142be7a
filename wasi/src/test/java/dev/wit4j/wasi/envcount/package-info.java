/**
 * Bindings for a world that imports WASI itself: the wasi module defines those imports, and its
 * WIT comes from this module's jar (the world's folder has no deps/).
 */
@WitWorld(world = "t:env-count/env-count", wit = "src/test/wit/env-count")
package dev.wit4j.wasi.envcount;

import dev.wit4j.annotations.WitWorld;
