package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.internal.engine.split.ModuleSplitter;
import dev.wit4j.runtime.internal.engine.validation.CodeValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import run.endive.wasm.MalformedException;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.Instruction;

/**
 * Validates a core module: Endive's validator checks all but the function bodies (in a copy of the
 * module whose bodies are {@code unreachable}), and {@link CodeValidation} checks the bodies from
 * the bytes, on all cores. Endive's validator parses every instruction into objects and is itself
 * too large for HotSpot to compile, so a module with megabytes of code (a JavaScript engine) took
 * it seconds; the bodies' validation is most of the work.
 *
 * <p>A module whose code uses what {@link CodeValidation} leaves to the engine (vectors, typed and
 * GC references, exceptions, threads) is validated by Endive whole, on all cores when it is large
 * and there are enough of them: in parts ({@link ModuleSplitter#validationParts}), each the whole
 * module but for the bodies of the functions of other parts; the error reported is the one the
 * first failing part reports, which is the error of the whole.
 */
final class CoreValidation {

    /** Less code than this is validated in one piece: splitting it would cost more than it saves. */
    static final int PARALLEL_FROM = 1 << 20;

    /**
     * Fewest cores to validate in parallel on. Endive's validator allocates heavily, and on two
     * cores the collector's work takes what the second validator gains (measured: 3.1–4.1 s in
     * parallel against 3.2–3.9 s in one piece for a 12 MB module).
     */
    static final int MIN_CORES = 4;

    private CoreValidation() {}

    /**
     * Validates {@code bytes}.
     *
     * @return the parsed module when Endive validated it in one piece (the parse is the validation),
     *     null when it was validated otherwise
     * @throws RuntimeException Endive's exception for a malformed or invalid module, or
     *     {@link CodeValidation.InvalidCodeException} for a malformed or invalid function body
     */
    static WasmModule validate(byte[] bytes) {
        byte[] withoutCode = ModuleSplitter.withoutCode(bytes);
        if (withoutCode != null) {
            // the engine validates all but the code, in a module of no code, while the code is
            // validated here; an error of the rest of the module is reported first, as the engine would
            Future<?> rest = ForkJoinPool.commonPool().submit(() -> CoreModule.parseWorkingAround(withoutCode, true));
            String unsupported;
            try {
                unsupported = CodeValidation.validate(bytes);
            } catch (RuntimeException e) {
                join(rest);
                throw e;
            }
            join(rest);
            if (unsupported == null) return null;
            System.getLogger(CoreValidation.class.getName())
                    .log(System.Logger.Level.DEBUG, "core module validated by the engine: " + unsupported);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        byte[][] parts =
                cores < MIN_CORES ? null : ModuleSplitter.validationParts(bytes, Math.min(cores, 8), PARALLEL_FROM);
        if (parts == null) {
            return blocksClosed(CoreModule.parseWorkingAround(bytes, true));
        }
        List<Future<?>> checks = new ArrayList<>();
        for (byte[] part : parts) {
            checks.add(ForkJoinPool.commonPool().submit(() -> blocksClosed(CoreModule.parseWorkingAround(part, true))));
        }
        for (Future<?> check : checks) join(check);
        return null;
    }

    /** Waits for {@code check}; its failure is thrown as it was. */
    private static void join(Future<?> check) {
        try {
            check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating a core module", e);
        }
    }

    /**
     * {@code module}, once every function body is checked to end with the {@code end} of the
     * function itself: Endive's validator closes blocks as it meets {@code end}s but does not check
     * that none is left open when the body's bytes run out, so a body whose last {@code end}
     * closes an inner block was accepted (found by differential validation against wasm-tools).
     * Binary format, Code Section: a body is an {@code expr}, instructions followed by the
     * {@code 0x0B} that ends it.
     *
     * @throws MalformedException naming the function
     */
    static WasmModule blocksClosed(WasmModule module) {
        int imported = module.importSection().count(ExternalType.FUNCTION);
        var code = module.codeSection();
        for (int i = 0; i < code.functionBodyCount(); i++) {
            List<? extends Instruction> body = code.getFunctionBody(i).instructions();
            int open = 1;
            int closedAt = -1;
            for (int k = 0; k < body.size() && closedAt < 0; k++) {
                switch (body.get(k).opcode()) {
                    case BLOCK, LOOP, IF, TRY_TABLE -> open++;
                    case END -> {
                        if (--open == 0) closedAt = k;
                    }
                    default -> {}
                }
            }
            if (closedAt != body.size() - 1) {
                throw new MalformedException("unexpected end of the body of function " + (imported + i) + ": "
                        + (closedAt < 0 ? open + " blocks are left open" : "instructions follow the function's end"));
            }
        }
        return module;
    }
}
