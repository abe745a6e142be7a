package dev.wit4j.runtime.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a fuzz target over mutated inputs: each input on a worker thread, with a 2 s limit; an
 * exception the target does not document, or an input that takes longer, is a finding. Findings
 * are written to {@code target/fuzz-findings/} and fail the test, naming the iteration that makes
 * the input again.
 *
 * <p>The number of inputs per target is {@code -Dwit4j.fuzz.iterations} (a short pass by default,
 * for CI); the seed is {@code -Dwit4j.fuzz.seed}. A long run:
 * {@code mvn -o test -pl runtime -Dtest='*FuzzTest' -Dwit4j.fuzz.iterations=1000000}.
 */
public final class Fuzz {

    /** The random seed of every target's inputs. */
    public static final long SEED = Long.getLong("wit4j.fuzz.seed", 20261206L);

    private static final long TIME_LIMIT_MILLIS = 2_000;

    /** What a target does with one input; returning normally or throwing a documented exception is a pass. */
    @FunctionalInterface
    public interface Target {
        void run(byte[] input) throws Exception;
    }

    private Fuzz() {}

    /** Inputs per target: {@code -Dwit4j.fuzz.iterations}, else {@code defaultCount}. */
    public static long iterations(long defaultCount) {
        return Long.getLong("wit4j.fuzz.iterations", defaultCount);
    }

    /**
     * Runs {@code target} on {@code count} inputs of {@code mutator}.
     *
     * @param documented the exception types the target may throw for bad input
     * @return how many inputs were run and how many were refused with a documented exception
     */
    @SafeVarargs
    public static Result run(
            String name, Mutator mutator, long count, Target target, Class<? extends Throwable>... documented) {
        List<String> findings = new ArrayList<>();
        long refused = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true);
            return t;
        });
        try {
            for (long i = 0; i < count && findings.size() < 10; i++) {
                byte[] input = mutator.input(i);
                Future<?> f = worker.submit(() -> {
                    target.run(input);
                    return null;
                });
                try {
                    f.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    findings.add(record(name, i, input, "took over " + TIME_LIMIT_MILLIS + " ms"));
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(); // the stuck thread is a daemon; go on
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (isDocumented(cause, documented)) {
                        refused++;
                    } else {
                        findings.add(record(name, i, input, cause.toString()));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            worker.shutdownNow();
        }
        if (!findings.isEmpty()) {
            fail(name + ": " + findings.size() + " findings (seed " + SEED + "):\n" + String.join("\n", findings));
        }
        return new Result(count, refused);
    }

    /** Inputs run, and how many of them a documented exception refused. */
    public record Result(long inputs, long refused) {
        @Override
        public String toString() {
            return inputs + " inputs, " + refused + " refused";
        }
    }

    private static boolean isDocumented(Throwable t, Class<? extends Throwable>[] documented) {
        for (Class<? extends Throwable> c : documented) {
            if (c.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String record(String name, long iteration, byte[] input, String what) {
        Path file = keep(name + "-" + SEED + "-" + iteration + ".bin", input);
        return "  iteration " + iteration + " (" + file + "): " + what;
    }

    /** Keeps the input of a finding as {@code target/fuzz-findings/fileName}, for its report. */
    public static Path keep(String fileName, byte[] input) {
        Path dir = Path.of("target", "fuzz-findings");
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
