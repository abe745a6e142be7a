package dev.wit4j.cli;

import dev.wit4j.runtime.Limits;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The resource limits of {@code run} and {@code invoke}. The command line runs code it did not
 * write, so memory, tables, instances and handles are limited by default (generously: real
 * JavaScript and Python components fit); time is not, as with other runtimes' {@code run}.
 */
final class LimitOptions {

    static final String DEFAULT_MEMORY = "1GiB";
    static final long DEFAULT_TABLE_ELEMENTS = 10_000_000L;
    static final int DEFAULT_INSTANCES = 10_000;
    static final int DEFAULT_HANDLES = 1_000_000;

    @Option(
            names = "--max-memory",
            paramLabel = "SIZE",
            defaultValue = DEFAULT_MEMORY,
            description =
                    "linear memory the component may use in all, e.g. 64MiB, 2GiB, or `unlimited` (default: ${DEFAULT-VALUE}); "
                            + "memory.grow beyond it fails")
    String maxMemory;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            description =
                    "stop the call after this long, e.g. 500ms, 30s, 5m (default: no timeout); exits 1 with `trap: deadline exceeded`")
    String timeout;

    @Option(
            names = "--max-table-elements",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_TABLE_ELEMENTS,
            description = "elements each table may hold (default: ${DEFAULT-VALUE})")
    long maxTableElements;

    @Option(
            names = "--max-instances",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_INSTANCES,
            description = "core and component instances the component may create (default: ${DEFAULT-VALUE})")
    int maxInstances;

    @Option(
            names = "--max-handles",
            paramLabel = "N",
            defaultValue = "" + DEFAULT_HANDLES,
            description = "live resource handles per component instance (default: ${DEFAULT-VALUE})")
    int maxHandles;

    /**
     * The limits the options describe.
     *
     * @throws IllegalArgumentException naming the option whose value is malformed
     */
    Limits limits() {
        Limits.Builder b = Limits.builder();
        long memory = size(maxMemory);
        if (memory >= 0) {
            b.memoryBytes(memory);
        }
        if (timeout != null) {
            b.callTimeout(duration(timeout));
        }
        if (maxTableElements < 0 || maxInstances < 0 || maxHandles < 0) {
            throw new IllegalArgumentException(
                    "--max-table-elements, --max-instances and --max-handles must not be negative");
        }
        return b.tableElements(maxTableElements)
                .instances(maxInstances)
                .handles(maxHandles)
                .build();
    }

    /** Bytes from {@code 65536}, {@code 64KiB}, {@code 512MiB}, {@code 2GiB} (also KB/MB/GB, read as powers of 1024); -1 for unlimited. */
    static long size(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.equals("unlimited") || s.equals("none")) {
            return -1;
        }
        long unit = 1;
        for (String[] u : new String[][] {
            {"kib", "10"},
            {"mib", "20"},
            {"gib", "30"},
            {"kb", "10"},
            {"mb", "20"},
            {"gb", "30"},
            {"k", "10"},
            {"m", "20"},
            {"g", "30"},
            {"b", "0"}
        }) {
            if (s.endsWith(u[0])) {
                unit = 1L << Integer.parseInt(u[1]);
                s = s.substring(0, s.length() - u[0].length()).strip();
                break;
            }
        }
        try {
            long n = Long.parseLong(s);
            if (n < 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--max-memory wants a size such as 64MiB, 2GiB or unlimited, got `" + text + "`");
        }
    }

    /** A duration from {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration duration(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (s.endsWith("ms")) {
                d = Duration.ofMillis(
                        Long.parseLong(s.substring(0, s.length() - 2).strip()));
            } else if (s.endsWith("s")) {
                d = Duration.ofSeconds(
                        Long.parseLong(s.substring(0, s.length() - 1).strip()));
            } else if (s.endsWith("m")) {
                d = Duration.ofMinutes(
                        Long.parseLong(s.substring(0, s.length() - 1).strip()));
            } else if (s.endsWith("h")) {
                d = Duration.ofHours(
                        Long.parseLong(s.substring(0, s.length() - 1).strip()));
            } else {
                throw new NumberFormatException();
            }
            if (d.isNegative() || d.isZero()) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "--timeout wants a positive duration such as 500ms, 30s or 5m, got `" + text + "`");
        }
    }
}
