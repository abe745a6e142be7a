/** One generator per kind of output; each turns part of the model into JavaPoet specs. */
package dev.wit4j.processor.gen;
