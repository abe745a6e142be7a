/**
 * Validation of core WebAssembly function bodies, straight from the bytes: what loading a large
 * module spends its time on. A module using anything beyond the value types and instructions this
 * validator knows (vectors, typed references and GC, exceptions, threads, 64-bit memories) is left
 * to the core engine's validator whole; see {@link dev.wit4j.runtime.internal.engine.validation.CodeValidation}.
 */
package dev.wit4j.runtime.internal.engine.validation;
