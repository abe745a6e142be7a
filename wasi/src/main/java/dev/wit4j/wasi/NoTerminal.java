package dev.wit4j.wasi;

import java.util.Optional;

/** {@code wasi:cli/terminal-*}: the standard streams are never terminals for a component here. */
final class NoTerminal implements TerminalStdin, TerminalStdout, TerminalStderr {
    @Override
    public Optional<TerminalInput.TerminalInput_> getTerminalStdin() {
        return Optional.empty();
    }

    @Override
    public Optional<TerminalOutput.TerminalOutput_> getTerminalStdout() {
        return Optional.empty();
    }

    @Override
    public Optional<TerminalOutput.TerminalOutput_> getTerminalStderr() {
        return Optional.empty();
    }
}
