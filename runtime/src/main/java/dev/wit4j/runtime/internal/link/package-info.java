/**
 * Linking and instantiation internals: the instantiation interpreter behind
 * {@link dev.wit4j.runtime.Linker} and {@link dev.wit4j.runtime.Instance}. The public classes here
 * ({@link dev.wit4j.runtime.internal.link.Item}, {@link dev.wit4j.runtime.internal.link.ComponentCode}, ...) are
 * public only so that {@code dev.wit4j.runtime} can use them; they are not API.
 *
 * <p>How it fits together:
 * <ul>
 *   <li>{@code Interpreter} walks a component's sections in order (Explainer.md) and keeps its
 *       index spaces in a {@code Frame}: core modules, core instances, core funcs/tables/
 *       memories/globals, types ({@link dev.wit4j.runtime.internal.link.RtType}), funcs, instances,
 *       components and values.</li>
 *   <li>{@code TypeEval} turns type definitions into witx value types; each resource type
 *       definition creates a fresh {@link dev.wit4j.runtime.internal.link.RuntimeResource} per instance,
 *       with one synthetic WIT definition so that both sides of a call name it alike.</li>
 *   <li>{@code ImportCheck} checks what a linker provides for each import, resource identity
 *       included, once per {@code InstancePre}; {@code InstanceTyping} gives an imported instance
 *       its declared type, binding abstract resources to the provider's; {@code ComponentPlan}
 *       keeps what the first instantiation evaluates (types, layouts, transfer plans).</li>
 *   <li>{@code Canons}: {@code canon lift} makes a {@code LiftedFunc} (enter, lower, call, lift,
 *       post-return, poison on failure); {@code canon lower} a core function that lifts from the
 *       caller and invokes the callee; {@code resource.new/rep/drop} work on the instance's
 *       handle table. Component-to-component calls move their arguments and results memory to
 *       memory ({@link dev.wit4j.runtime.abi.CallTransfer}: lifted from the caller, lowered into
 *       the callee with the spec's transcoding and allocation sequence), without {@code Value}s.</li>
 *   <li>{@code InstanceState} holds the handle table and the {@code may_enter}/{@code may_leave}
 *       flags ({@code may_enter} is the thread running a call, taken by compare-and-set, so a
 *       second thread is refused rather than let in); a trap poisons the instance it unwinds
 *       through.</li>
 * </ul>
 */
package dev.wit4j.runtime.internal.link;
