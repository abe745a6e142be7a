package dev.wit4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;
import picocli.CommandLine.Option;

/**
 * Phase lines on stderr for steps that take a while (loading a 12 MB component, compiling it):
 * a step that is still running after {@link #DELAY_MILLIS} says what it is doing, and when it ends,
 * how long it took. Only on a terminal (stdin and stdout both attached to one, as {@code
 * System.console()} tells) and without {@code --quiet}: piped or redirected output stays exactly the
 * command's.
 */
final class Progress {

    /** How long a step runs before it is announced; {@code -Dwit4j.progress.delayMillis} sets another. */
    static final long DELAY_MILLIS = Long.getLong("wit4j.progress.delayMillis", 300);

    @Option(
            names = {"-q", "--quiet"},
            description = "no progress lines on a terminal")
    boolean quiet;

    /** A step on a file: {@code doing file (size)}, as {@link #step(PrintWriter, String)}. */
    Step step(PrintWriter err, String doing, Path file, long bytes) {
        return step(err, doing + " " + file + " (" + size(bytes) + ")");
    }

    /** A step: say {@code what} if it takes long, and its time when it is over. */
    Step step(PrintWriter err, String what) {
        boolean shown = !quiet && System.console() != null;
        return new Step(shown ? err : null, what);
    }

    /** One step; {@link #close()} ends it. */
    static final class Step implements AutoCloseable {
        private final PrintWriter err;
        private final String what;
        private final long start = System.nanoTime();
        private final Timer timer;
        private boolean announced;

        private Step(PrintWriter err, String what) {
            this.err = err;
            this.what = what;
            if (err == null) {
                timer = null;
                return;
            }
            timer = new Timer("wit4j progress", true);
            timer.schedule(
                    new TimerTask() {
                        @Override
                        public void run() {
                            synchronized (Step.this) {
                                announced = true;
                                err.println("wit4j: " + what + " ...");
                                err.flush();
                            }
                        }
                    },
                    DELAY_MILLIS);
        }

        @Override
        public synchronized void close() {
            if (timer == null) return;
            timer.cancel();
            if (announced) {
                err.println(String.format(
                        Locale.ROOT, "wit4j: %s: done in %.1f s", what, (System.nanoTime() - start) / 1e9));
                err.flush();
            }
        }
    }

    /** {@code bytes} as a size a person reads: {@code 12.5 MB}, {@code 640 KB}. */
    private static String size(long bytes) {
        if (bytes >= 1_000_000) return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
        return Math.max(1, bytes / 1000) + " KB";
    }
}
