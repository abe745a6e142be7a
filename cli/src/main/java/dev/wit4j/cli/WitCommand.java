package dev.wit4j.cli;

import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.wit.ComponentWit;
import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.print.WitPrinter;
import dev.wit4j.witx.resolve.WitResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wit4j wit PATH}: the WIT of a binary (its world) or of WIT sources (the resolved
 * packages), printed in the layout of {@code wasm-tools component wit}.
 */
@Command(
        name = "wit",
        description = {
            "Print the world of a component or core module (.wasm), or the resolved packages of a .wit file or",
            "directory, as WIT: the root package first, then every package it refers to with full definitions.",
            "Invalid WIT exits 1 with every error as `file:line:col: message` (in source order) and their count;",
            "an invalid binary with one line naming the offset."
        })
final class WitCommand implements Callable<Integer> {
    private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6d};

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "a .wasm binary, a .wit file or a directory of WIT")
    Path path;

    @picocli.CommandLine.Mixin
    Progress progress = new Progress();

    @Override
    public Integer call() {
        if (!Files.exists(path)) {
            return fail("error: no such file or directory: " + path);
        }
        Resolve resolve;
        try {
            resolve = Files.isDirectory(path) ? WitResolver.resolveDirectory(path) : file();
        } catch (WitException e) {
            return failWit(e);
        } catch (WasmFormatException e) {
            return fail("error: " + path + ": " + e.getMessage());
        } catch (IOException e) {
            return fail("error: cannot read " + path + ": " + e.getMessage());
        }
        spec.commandLine().getOut().print(WitPrinter.print(resolve));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** A binary (a {@code .wasm} file or one starting with {@code \0asm}) or a WIT source file. */
    private Resolve file() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        }
        if (isBinary(bytes) || path.getFileName().toString().endsWith(".wasm")) {
            try (Progress.Step step = progress.step(spec.commandLine().getErr(), "reading", path, bytes.length)) {
                return ComponentWit.decode(bytes).resolve();
            }
        }
        return WitResolver.resolveFile(path);
    }

    private static boolean isBinary(byte[] bytes) {
        if (bytes.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every error with its source line, in source order, then how many there are. */
    private int failWit(WitException e) {
        for (WitException.Diagnostic d : e.diagnostics()) {
            spec.commandLine().getErr().println(d.message());
        }
        int n = e.diagnostics().size();
        return fail(n == 1 ? "1 error" : n + " errors");
    }

    private int fail(String message) {
        spec.commandLine().getErr().println(message);
        return Main.BAD_INPUT;
    }
}
