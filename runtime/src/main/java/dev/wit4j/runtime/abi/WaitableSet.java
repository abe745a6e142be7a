package dev.wit4j.runtime.abi;

/**
 * A waitable set in an instance's {@code handles} table (CanonicalABI.md "Waitable State",
 * {@code WaitableSet}), made by {@code waitable-set.new}. The waitables that would join it —
 * subtasks, stream and future ends — are not made by this runtime yet, and every task it runs is a
 * synchronous call: so a set stays empty, polling it finds no event, and waiting on it would block
 * a synchronous task, which traps. It holds nothing; its place in the table is what matters (it
 * shares the index space with resource handles and error contexts).
 */
final class WaitableSet {}
