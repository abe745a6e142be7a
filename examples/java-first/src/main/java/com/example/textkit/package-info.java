/**
 * World {@code example:textkit/textkit}, derived from Java: it imports {@link Logger} and exports
 * {@link TextTools}. The processor writes its WIT to {@code META-INF/wit/example/textkit/} and
 * generates the WIT-first bindings into {@code com.example.textkit.wit}.
 */
@WitWorldOf(name = "textkit", imports = Logger.class, exports = TextTools.class)
package com.example.textkit;

import dev.wit4j.annotations.WitWorldOf;
