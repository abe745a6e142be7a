/** Bindings for examples/js-hello's world, whose JavaScript component imports WASI besides it. */
@WitWorld(world = "example:hello/hello", wit = "../examples/js-hello/hello.wit")
package dev.wit4j.wasi.hello;

import dev.wit4j.annotations.WitWorld;
