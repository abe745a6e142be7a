package dev.wit4j.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputRecordTest {
    @TempDir
    Path tmp;

    Path wit;
    Path calc;
    Path record;

    /** A record as the processor writes it, of a WIT folder with one file. */
    @BeforeEach
    void setUp() throws Exception {
        wit = Files.createDirectories(tmp.resolve("wit"));
        calc = Files.writeString(wit.resolve("calc.wit"), "package a:b;\n");
        record = tmp.resolve("record.txt");
        Files.writeString(
                record,
                "wit4j-inputs 1\n"
                        + "source\t" + tmp.resolve("package-info.java") + "\n"
                        + "absent\t" + tmp.resolve("elsewhere/wit") + "\n"
                        + "tree\t" + wit + "\n"
                        + "file\t" + Files.size(calc) + "\t"
                        + Files.getLastModifiedTime(calc).toMillis() + "\t" + calc + "\n");
    }

    private Optional<String> change() throws Exception {
        return InputRecord.read(record).change();
    }

    @Test
    void nothingChanged() throws Exception {
        assertEquals(Optional.empty(), change());
        assertEquals(
                Optional.of(tmp.resolve("package-info.java")),
                InputRecord.read(record).source());
    }

    @Test
    void aFileChangedByItsTime() throws Exception {
        Files.setLastModifiedTime(
                calc, FileTime.fromMillis(Files.getLastModifiedTime(calc).toMillis() + 2000));
        assertEquals(Optional.of(calc + " changed"), change());
    }

    @Test
    void aFileChangedByItsSize() throws Exception {
        FileTime time = Files.getLastModifiedTime(calc);
        Files.writeString(calc, "package a:bc;\n");
        Files.setLastModifiedTime(calc, time);
        assertEquals(Optional.of(calc + " changed"), change());
    }

    @Test
    void aFileWasRemoved() throws Exception {
        Files.delete(calc);
        assertEquals(Optional.of(calc + " was removed"), change());
    }

    @Test
    void aWitFileWasAddedToTheFolderOrItsDeps() throws Exception {
        Path dep = Files.createDirectories(wit.resolve("deps/io")).resolve("streams.wit");
        Files.writeString(dep, "package wasi:io;\n");
        assertEquals(Optional.of(dep + " was added"), change());
    }

    @Test
    void otherFilesInTheFolderDoNotCount() throws Exception {
        Files.writeString(wit.resolve("README.md"), "notes");
        assertEquals(Optional.empty(), change());
    }

    @Test
    void somethingAppearedWhereNothingWas() throws Exception {
        Files.createDirectories(tmp.resolve("elsewhere/wit"));
        assertEquals(Optional.of(tmp.resolve("elsewhere/wit") + " appeared"), change());
    }

    @Test
    void aRecordOfAnotherFormatCountsAsChanged() throws Exception {
        Files.writeString(record, "wit4j-inputs 2\n");
        assertEquals(Optional.of("its record of inputs is from another wit4j version"), change());
    }
}
