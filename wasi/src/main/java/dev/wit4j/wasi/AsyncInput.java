package dev.wit4j.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A Java {@link InputStream} read ahead by a daemon thread, so that a guest can poll it: the
 * pollable becomes ready when bytes (or the end, or a failure) have arrived, and a non-blocking
 * read returns what is buffered, possibly nothing, without waiting. The thread starts at the
 * first read or subscription, so a guest that never touches the stream never consumes it, and it
 * stops reading ahead while {@link #MAX_BUFFERED} bytes wait unread.
 */
final class AsyncInput {
    static final int MAX_BUFFERED = 1 << 20;
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final String name;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private boolean end;
    private IOException failure;
    private Thread pump;

    AsyncInput(InputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    private synchronized void start() {
        if (pump == null) {
            pump = new Thread(this::pump, "wit4j-wasi-" + name);
            pump.setDaemon(true);
            pump.start();
        }
    }

    private void pump() {
        byte[] buffer = new byte[CHUNK];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                if (n < 0) {
                    end = true;
                    notifyAll();
                    return;
                }
                if (n > 0) {
                    chunks.add(Arrays.copyOf(buffer, n));
                    buffered += n;
                    notifyAll();
                }
                while (buffered >= MAX_BUFFERED) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Whether a read would return at once with bytes, the end or a failure. */
    synchronized boolean ready() {
        start();
        return !chunks.isEmpty() || end || failure != null;
    }

    /** Waits until {@link #ready()}. */
    synchronized void awaitReady() {
        start();
        while (chunks.isEmpty() && !end && failure == null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Up to {@code len} buffered bytes (waiting for some first when {@code block}); an empty array
     * when nothing has arrived yet; {@code null} at the end.
     *
     * @throws IOException the failure that stopped reading, once everything before it was taken
     */
    synchronized byte[] take(long len, boolean block) throws IOException {
        if (block) {
            awaitReady();
        } else {
            start();
        }
        if (chunks.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            return end ? null : new byte[0];
        }
        int want = (int) Math.min(Math.max(len, 0), Integer.MAX_VALUE);
        byte[] out = new byte[(int) Math.min(want, buffered)];
        int filled = 0;
        while (filled < out.length) {
            byte[] head = chunks.peek();
            int n = Math.min(head.length - headOffset, out.length - filled);
            System.arraycopy(head, headOffset, out, filled, n);
            filled += n;
            headOffset += n;
            if (headOffset == head.length) {
                chunks.poll();
                headOffset = 0;
            }
        }
        buffered -= filled;
        notifyAll();
        return out;
    }
}
