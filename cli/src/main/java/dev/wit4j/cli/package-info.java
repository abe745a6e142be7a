/**
 * The {@code wit4j} command (picocli): {@code validate}, {@code wit}, {@code inspect},
 * {@code diff}, {@code compose}, {@code invoke}, {@code compile}, {@code run} and {@code serve},
 * each a command class; options shared between them are mixins
 * ({@code LimitOptions}, {@code WasiOptions}, {@code CodeCacheOptions}, {@code Progress}). Errors
 * are one line and an exit code of 1, never a stack trace.
 */
package dev.wit4j.cli;
