/**
 * Dynamic component-model values, for hosts that call components without generated bindings:
 * {@link dev.wit4j.runtime.value.Value} (one immutable record per kind, with readable factories
 * such as {@code Value.u32(7)} and {@code Value.some(v)}),
 * {@link dev.wit4j.runtime.value.ResourceHandle} for handles, and
 * {@link dev.wit4j.runtime.value.ValueTypes} to check a value against a witx type.
 */
package dev.wit4j.runtime.value;
