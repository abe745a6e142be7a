package dev.wit4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @Test
    void theRecordListsTheFolderEveryWitFileUnderItAndThePlacesThatHadNothing(@TempDir Path tmp) throws Exception {
        Path wit = Files.createDirectories(tmp.resolve("src/main/wit/deps/io"));
        Path root = Files.writeString(tmp.resolve("src/main/wit/calc.wit"), "package a:b;\n");
        Path dep = Files.writeString(wit.resolve("streams.wit"), "package wasi:io;\n");
        Files.writeString(wit.resolve("README.md"), "not WIT");
        Path classes = Files.createDirectories(tmp.resolve("target/classes"));

        Inputs inputs = new Inputs();
        inputs.absent(tmp.resolve("src/main/java/src/main/wit"));
        inputs.witFolder(tmp.resolve("src/main/wit"));
        inputs.write(classes, tmp.resolve("src/main/java/a/package-info.java"), "a");

        List<String> record = Files.readAllLines(tmp.resolve("target/wit4j-inputs/classes/a.txt"));
        assertEquals(
                List.of(
                        "wit4j-inputs 1",
                        "source\t" + tmp.resolve("src/main/java/a/package-info.java"),
                        "absent\t" + tmp.resolve("src/main/java/src/main/wit"),
                        "tree\t" + tmp.resolve("src/main/wit"),
                        "file\t" + Files.size(root) + "\t"
                                + Files.getLastModifiedTime(root).toMillis() + "\t" + root,
                        "file\t" + Files.size(dep) + "\t"
                                + Files.getLastModifiedTime(dep).toMillis() + "\t" + dep),
                record);
    }
}
