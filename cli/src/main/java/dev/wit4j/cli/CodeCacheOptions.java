package dev.wit4j.cli;

import dev.wit4j.runtime.Engine;
import dev.wit4j.runtime.ExecutionMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The compiled-code cache options of {@code run} and {@code invoke}. With the cache (the default),
 * a core module whose compiled code is cached ({@code wit4j compile}) runs compiled from it;
 * otherwise it runs interpreted, which costs less than compiling first for one run. Runs only read
 * the cache: compiling in the background while a short run lasts would slow it and not finish for
 * a large module. Without the cache, core code is always interpreted.
 */
final class CodeCacheOptions {

    @Option(
            names = "--no-cache",
            description = "neither read nor write the compiled-code cache: interpret the core code (serve: compile it)")
    boolean noCache;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "the compiled-code cache (default: $XDG_CACHE_HOME/wit4j, else ~/.cache/wit4j)")
    Path cacheDir;

    /** The engine for one run or call. */
    Engine engine() {
        if (noCache) {
            return Engine.builder().executionMode(ExecutionMode.INTERPRETED).build();
        }
        return Engine.builder()
                .executionMode(ExecutionMode.COMPILED)
                .cacheDirectory(directory())
                .interpretUntilCached(true)
                .build();
    }

    /** The cache directory: {@code --cache-dir}, else {@link #defaultDirectory()}. */
    Path directory() {
        return cacheDir != null ? cacheDir : defaultDirectory();
    }

    /** {@code $XDG_CACHE_HOME/wit4j} (the XDG base directory convention), else {@code ~/.cache/wit4j}. */
    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("wit4j");
    }
}
