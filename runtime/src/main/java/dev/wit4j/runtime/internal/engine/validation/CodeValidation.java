package dev.wit4j.runtime.internal.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates the function bodies of a core module, on all cores when there is much code: a
 * JavaScript engine compiled to wasm has ten megabytes of it, and validating that is most of what
 * loading the module costs. The rest of the module (types, imports, tables, constant expressions,
 * segments) is the core engine's to validate; this class assumes it is, and only reads it.
 *
 * <p>It knows the instructions and value types of WebAssembly 2.0 with tail calls and multiple
 * memories: numbers, {@code funcref} and {@code externref}, bulk memory and table instructions.
 * A module using anything else is reported as not validated, with the reason, and its caller
 * leaves the whole module to the engine's validator.
 */
public final class CodeValidation {

    /** Less code than this is validated on one thread: handing out the work would cost more. */
    static final int PARALLEL_FROM = 256 << 10;

    private CodeValidation() {}

    /** A function body that is malformed or invalid, with the byte where it was found. */
    public static final class InvalidCodeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int offset;
        private final boolean malformed;

        InvalidCodeException(String message, int offset, boolean malformed) {
            super(message);
            this.offset = offset;
            this.malformed = malformed;
        }

        /** The offending byte's offset in the module's bytes. */
        public int offset() {
            return offset;
        }

        /** True when the bytes cannot be read as code, false when the code breaks a validation rule. */
        public boolean malformed() {
            return malformed;
        }
    }

    /**
     * Validates every function body of {@code module}, whose other sections are valid.
     *
     * @return null when every body is valid; why they were not validated when the module uses
     *     what this validator leaves to the engine
     * @throws InvalidCodeException for the first body (in function order) that is malformed or invalid
     */
    public static String validate(byte[] module) {
        ModuleFacts facts;
        try {
            facts = ModuleFacts.read(module);
        } catch (CodeError e) {
            // what does not read here is beyond this validator, or malformed: the engine says which
            return e.reason;
        }
        int functions = facts.bodyStart.length;
        long code = functions == 0 ? 0 : facts.bodyEnd[functions - 1] - facts.bodyStart[0];
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
        if (code < PARALLEL_FROM || threads < 2) {
            return outcome(validateRange(facts, 0, functions));
        }
        return outcome(new Parts(facts, code, Math.min(functions, threads * 8)).validate(threads));
    }

    /**
     * The bodies in parts of about equal code, taken in turn by the calling thread and helpers of
     * the common pool, so that a helper that starts late (its core busy) takes fewer. The error of
     * the first failing part is the module's; parts after it are not validated.
     */
    private static final class Parts {
        private final ModuleFacts facts;
        private final int[] bounds;
        private final CodeError[] errors;
        private final AtomicInteger next = new AtomicInteger();
        /** The first part known to fail: later ones need no validating. */
        private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);

        Parts(ModuleFacts facts, long code, int count) {
            this.facts = facts;
            int functions = facts.bodyStart.length;
            bounds = new int[count + 1];
            int d = 0;
            for (int p = 1; p < count; p++) {
                long target = facts.bodyStart[0] + code * p / count;
                while (d < functions && facts.bodyStart[d] < target) d++;
                bounds[p] = d;
            }
            bounds[count] = functions;
            errors = new CodeError[count];
        }

        CodeError validate(int threads) {
            List<Future<?>> helpers = new ArrayList<>();
            for (int t = 1; t < threads; t++)
                helpers.add(ForkJoinPool.commonPool().submit(this::work));
            work();
            for (Future<?> helper : helpers) join(helper);
            for (CodeError error : errors) {
                if (error != null) return error;
            }
            return null;
        }

        private void work() {
            for (int p = next.getAndIncrement(); p < errors.length; p = next.getAndIncrement()) {
                if (p > firstFailed.get()) return;
                CodeError error = validateRange(facts, bounds[p], bounds[p + 1]);
                if (error != null) {
                    errors[p] = error;
                    firstFailed.accumulateAndGet(p, Math::min);
                }
            }
        }
    }

    private static void join(Future<?> helper) {
        try {
            helper.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating a core module", e);
        }
    }

    /** Validates defined functions [from, to): the first error, or null. */
    private static CodeError validateRange(ModuleFacts facts, int from, int to) {
        FunctionValidator validator = new FunctionValidator(facts);
        for (int d = from; d < to; d++) {
            try {
                validator.validate(d);
            } catch (CodeError e) {
                return e.kind == CodeError.Kind.UNSUPPORTED ? e : located(e, facts.importedFunctions + d);
            } catch (RuntimeException e) {
                // a defect here must not refuse a valid module: the engine's validator decides
                return CodeError.unsupported("function " + (facts.importedFunctions + d) + " not read: " + e);
            }
        }
        return null;
    }

    private static CodeError located(CodeError e, int function) {
        String where = " in function " + function;
        return e.kind == CodeError.Kind.MALFORMED
                ? CodeError.malformed(e.reason + where, e.offset)
                : CodeError.invalid(e.reason + where, e.offset);
    }

    private static String outcome(CodeError error) {
        if (error == null) return null;
        if (error.kind == CodeError.Kind.UNSUPPORTED) return error.reason;
        throw new InvalidCodeException(error.reason, error.offset, error.kind == CodeError.Kind.MALFORMED);
    }
}
