package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.types.Result;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stdin is pollable: ready when input arrives, and non-blocking reads never wait for it. */
class StdinPollTest {

    private static Streams.InputStream stdin(InputStream in) {
        return new Cli(List.of(), Map.of(), in, System.out, System.err).getStdin();
    }

    @Test
    void nothingArrivedYetMeansNotReadyAndAnEmptyRead() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        Streams.InputStream in = stdin(new PipedInputStream(writer));
        Poll.Pollable pollable = in.subscribe();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertFalse(pollable.ready());
            assertArrayEquals(new byte[0], in.read(10).okValue().orElseThrow()); // returns at once
            assertEquals(Result.ok(0L), in.skip(10));
        });

        writer.write("typed".getBytes(StandardCharsets.UTF_8));
        writer.flush();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertArrayEquals(new int[] {0}, new Pollables().poll(List.of(pollable)));
            assertTrue(pollable.ready());
        });
        assertArrayEquals(
                "ty".getBytes(StandardCharsets.UTF_8), in.read(2).okValue().orElseThrow());
        assertArrayEquals(
                "ped".getBytes(StandardCharsets.UTF_8), in.read(10).okValue().orElseThrow());
        assertFalse(pollable.ready());

        writer.close();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            pollable.block();
            assertTrue(pollable.ready());
            assertEquals(new Result.Err<>(new Streams.StreamError.Closed()), in.read(1));
        });
    }

    @Test
    void pollWaitsForInputOrTheFirstDeadline() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        Streams.InputStream in = stdin(new PipedInputStream(writer));
        Monotonic clock = new Monotonic(System::nanoTime);
        Poll.Pollable input = in.subscribe();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // no input: the 20 ms timer wins
            assertArrayEquals(
                    new int[] {1}, new Pollables().poll(List.of(input, clock.subscribeDuration(20_000_000L))));
        });
        Thread typist = new Thread(() -> {
            try {
                Thread.sleep(50);
                writer.write('x');
                writer.flush();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        typist.start();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // input arrives after 50 ms, long before the 60 s timer
            assertArrayEquals(
                    new int[] {0}, new Pollables().poll(List.of(input, clock.subscribeDuration(60_000_000_000L))));
        });
        assertArrayEquals(new byte[] {'x'}, in.blockingRead(5).okValue().orElseThrow());
    }

    @Test
    void blockingReadWaitsAndAFailureIsReported() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device gone");
            }
        };
        Streams.InputStream in = stdin(failing);
        Result<byte[], Streams.StreamError> r =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> in.blockingRead(4));
        Streams.StreamError.LastOperationFailed failed = assertInstanceOf(
                Streams.StreamError.LastOperationFailed.class, r.errValue().orElseThrow());
        assertEquals("device gone", failed.value().toDebugString());
        assertEquals(new Result.Err<>(new Streams.StreamError.Closed()), in.read(1));
    }

    @Test
    void aGuestThatNeverReadsStdinLeavesItAlone() throws IOException {
        PipedOutputStream writer = new PipedOutputStream();
        PipedInputStream pipe = new PipedInputStream(writer);
        stdin(pipe); // handed out, never read or polled
        writer.write(7);
        writer.flush();
        assertEquals(1, pipe.available());
        assertEquals(7, pipe.read());
    }
}
