package com.example.textkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java implementation of the component's import: it implements the Java-first {@link Logger} and
 * the generated {@link com.example.textkit.wit.Logger} (same signatures), so one class serves both.
 */
public final class ListLogger implements Logger, com.example.textkit.wit.Logger {
    private final List<String> messages = new ArrayList<>();

    @Override
    public void log(String message) {
        messages.add(message);
    }

    /** The messages logged so far, oldest first. */
    public List<String> messages() {
        return List.copyOf(messages);
    }
}
