package dev.wit4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files a command is given, with the one-line errors every command reports. */
final class InputFiles {

    private InputFiles() {}

    /**
     * The bytes of {@code file}.
     *
     * @throws IllegalArgumentException {@code no such file: FILE} or {@code cannot read FILE: why}
     */
    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
