/** Writes the model back out as WIT text ({@link dev.wit4j.witx.print.WitPrinter}). */
package dev.wit4j.witx.print;
