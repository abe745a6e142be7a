package dev.wit4j.runtime.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Our reason for each rejected component next to the reason the suite expects, written to
 * {@code target/conformance-messages.tsv} so that the wording can be reviewed side by side.
 */
final class Messages {

    private static final List<String> ROWS = new ArrayList<>();

    private Messages() {}

    static synchronized void record(String where, String expected, String ours) {
        ROWS.add(where + '\t' + oneLine(expected) + '\t' + oneLine(ours));
    }

    static synchronized void write() throws IOException {
        if (ROWS.isEmpty()) {
            return;
        }
        Path file = Paths.get("target", "conformance-messages.tsv");
        Files.createDirectories(file.getParent());
        Files.write(file, ROWS);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
