package com.example.notes;

import java.util.ArrayList;
import java.util.List;

/**
 * The host's implementation of resource {@code pad}: the component holds a handle to it; when it
 * drops the handle, {@link #close()} runs.
 */
public final class NotePad implements Store.Pad, AutoCloseable {
    private final String title;
    private final List<String> lines = new ArrayList<>();
    private boolean closed;

    public NotePad(String title) {
        this.title = title;
    }

    @Override
    public void add(String line) {
        lines.add(line);
    }

    @Override
    public int count() {
        return lines.size();
    }

    @Override
    public String title() {
        return title;
    }

    /** The lines added so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether the component has dropped its handle. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
