package com.example.textkit;

import dev.wit4j.annotations.WitInterface;

/** Imported by the component and implemented in Java: the component logs through it. */
@WitInterface(packageName = "example:textkit@1.0.0")
public interface Logger {
    /** How much a message matters. */
    enum Level {
        INFO,
        WARN
    }

    void log(Level level, String message);
}
