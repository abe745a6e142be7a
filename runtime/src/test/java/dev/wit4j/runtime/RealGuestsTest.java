package dev.wit4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A JavaScript component built in the test preparation ({@code examples/ledger}: jco
 * componentize, SpiderMonkey inside, 12.5 MB), compiled: every function of its core module runs as
 * JIT-compilable JVM code (none interpreted, no method over HotSpot's 8,000-byte limit), and its
 * exports compute what the JavaScript says. The compile report goes to
 * {@code target/real-guests.tsv}.
 */
class RealGuestsTest {

    private static final Path ROOT = Paths.get("..").toAbsolutePath().normalize();

    private static Path ledger() {
        Path out = Paths.get("target", "real").toAbsolutePath();
        try {
            Process p = new ProcessBuilder(
                            "bash", ROOT.resolve("examples/ledger/build.sh").toString(), out.toString())
                    .redirectErrorStream(true)
                    .start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Assumptions.abort("building the ledger component timed out");
            }
            Assumptions.assumeTrue(p.exitValue() != 3, () -> "cannot build the ledger component: " + log.strip());
            if (p.exitValue() != 0) {
                throw new AssertionError("building the ledger component failed:\n" + log.strip());
            }
        } catch (IOException e) {
            Assumptions.abort("cannot run examples/ledger/build.sh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return out.resolve("ledger.wasm");
    }

    @Test
    void theLedgerRunsFullyCompiledAndComputesWhatItsJavaScriptSays() throws IOException {
        Path file = ledger();
        Engine engine = Engine.builder().executionMode(ExecutionMode.COMPILED).build();
        Component component = engine.load(file);
        List<CompileReport> reports = engine.precompile(component);
        assertEquals(reports, component.compileReports());
        for (CompileReport report : reports) {
            assertTrue(report.fullyCompiled(), report.toString());
        }
        CompileReport main = reports.stream()
                .max((a, b) -> Integer.compare(a.functions(), b.functions()))
                .orElseThrow();
        assertTrue(main.functionsSplit() > 0, "a JavaScript engine has functions too large for the JVM: " + main);
        Files.writeString(
                Paths.get("target", "real-guests.tsv"),
                file.getFileName() + "\t" + main.functions()
                        + "\tsplit " + main.functionsSplit() + "\tadded " + main.functionsAdded() + "\tinterpreted "
                        + main.interpretedFunctions().size() + "\tlargest method " + main.largestMethodBytes()
                        + "\tover the JIT limit " + main.methodsOverJitLimit() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);

        Instance instance = engine.linker().instantiate(component);
        Func classify = instance.func("wit4j:ledger/ledger#classify");
        assertEquals(Optional.of(Value.enumCase("zero")), classify.call(Value.s64(0)));
        assertEquals(Optional.of(Value.enumCase("small")), classify.call(Value.s64(5)));
        assertEquals(Optional.of(Value.enumCase("huge")), classify.call(Value.s64(123_456_789)));

        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31 + (i >> 8));
        Adler32 adler = new Adler32();
        adler.update(data);
        List<Value> bytes = new ArrayList<>();
        for (byte b : data) bytes.add(Value.u8(b & 0xFF));
        assertEquals(
                Optional.of(Value.u32(adler.getValue())),
                instance.func("wit4j:ledger/ledger#checksum").call(Value.list(bytes)));

        List<Value> entries = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < 300; i++) {
            entries.add(Value.record(java.util.Map.of(
                    "account",
                    Value.string("acct-" + i),
                    "amount",
                    Value.s64(i * 7L),
                    "flagged",
                    Value.bool(i % 3 == 0))));
            total += i * 7L;
        }
        assertEquals(
                Optional.of(Value.tuple(Value.u32(100), Value.s64(total), Value.string("acct-299"))),
                instance.func("wit4j:ledger/ledger#summarize").call(Value.list(entries)));
    }
}
