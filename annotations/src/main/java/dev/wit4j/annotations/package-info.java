/**
 * The annotations users write to get wit4j bindings. This module has no dependencies, so it can
 * sit on any compile class path.
 */
package dev.wit4j.annotations;
