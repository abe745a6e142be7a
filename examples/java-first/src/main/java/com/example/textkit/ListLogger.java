package com.example.textkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java implementation of the component's import: a plain implementation of the Java-first
 * {@link Logger}, handed to the component as it is.
 */
public final class ListLogger implements Logger {
    private final List<String> messages = new ArrayList<>();

    @Override
    public void log(Level level, String message) {
        messages.add(level + " " + message);
    }

    /** The messages logged so far, oldest first, each as {@code LEVEL message}. */
    public List<String> messages() {
        return List.copyOf(messages);
    }
}
