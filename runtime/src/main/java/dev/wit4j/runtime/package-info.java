/**
 * The runtime's API: an {@link dev.wit4j.runtime.Engine} loads (decodes, validates, prepares)
 * a {@link dev.wit4j.runtime.Component} once; a {@link dev.wit4j.runtime.Linker} defines its
 * imports (host functions and resources, or other instances) and instantiates it into an
 * {@link dev.wit4j.runtime.Instance}, directly or through a reusable
 * {@link dev.wit4j.runtime.InstancePre}; exports are called as {@link dev.wit4j.runtime.Func}s
 * with dynamic {@code Value}s, or through bindings the processor generates. Bad input is a
 * {@link dev.wit4j.binary.WasmFormatException} (with the byte offset), a failed link a
 * {@link dev.wit4j.runtime.LinkException}, a guest's failure a {@link dev.wit4j.runtime.Trap};
 * {@link dev.wit4j.runtime.Limits} bound what an untrusted guest may take. A component's type is
 * a {@link dev.wit4j.runtime.TypeView}, what compiling its core code produced a
 * {@link dev.wit4j.runtime.CompileReport}. The subpackages {@code core}, {@code value},
 * {@code types}, {@code wave}, {@code inspect}, {@code wit} and {@code compose} are API too;
 * {@code bindings} and {@code abi} are what generated code names; everything under
 * {@code dev.wit4j.runtime.internal} is implementation.
 */
package dev.wit4j.runtime;
