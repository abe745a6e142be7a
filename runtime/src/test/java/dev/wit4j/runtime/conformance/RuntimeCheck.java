package dev.wit4j.runtime.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wit4j.runtime.Component;
import dev.wit4j.runtime.Func;
import dev.wit4j.runtime.Instance;
import dev.wit4j.runtime.LinkException;
import dev.wit4j.runtime.Trap;
import dev.wit4j.runtime.conformance.SExpr.Atom;
import dev.wit4j.runtime.conformance.SExpr.SList;
import dev.wit4j.runtime.conformance.SExpr.Text;
import dev.wit4j.runtime.conformance.WastCorpus.Command;
import dev.wit4j.runtime.conformance.WastScript.Target;
import dev.wit4j.runtime.value.Value;
import dev.wit4j.runtime.wave.Wave;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.TestAbortedException;

/**
 * What the runtime must do with one run-time command of a {@code .wast} script: instantiate a
 * component, call an export and compare its result, trap with the expected reason, or refuse to
 * link. Checks of one file share its {@link WastScript} and run in script order.
 */
sealed interface RuntimeCheck extends Executable {

    /** A short description for the test name. */
    String describe();

    /**
     * The check for a command, if it is a run-time command. {@code latest} is the line of the latest
     * instantiating command before it (the target of its invokes), or -1.
     */
    static Optional<RuntimeCheck> of(WastScript script, Command command, int latest, Command definition) {
        String fileSkip = RuntimeGate.unsupportedFile(script.file());
        RuntimeCheck check = switch (command.type()) {
            case "component" -> command.definition() ? null : new Instantiate(script, command, command);
            case "component_instance" -> new Instantiate(script, command, definition);
            case "assert_return", "invoke" -> new Call(script, command, latest);
            case "assert_trap" ->
                command.hasComponent() ? new TrapsOnInstantiation(script, command) : new Call(script, command, latest);
            case "assert_unlinkable" -> new Unlinkable(script, command);
            default -> null;
        };
        String skip =
                fileSkip != null ? fileSkip : Divergences.reason(script.file().path(), command);
        return Optional.ofNullable(check).map(c -> skip == null ? c : new Skipped(c, skip));
    }

    /** A check that cannot run: its file needs something the runtime lacks, or it is a {@link Divergences divergence}. */
    record Skipped(RuntimeCheck check, String reason) implements RuntimeCheck {
        @Override
        public String describe() {
            return check.describe();
        }

        @Override
        public void execute() {
            Assumptions.abort(reason);
        }
    }

    /** {@code (component …)} or {@code (component instance $i $C)}: instantiates, becomes the invoke target. */
    record Instantiate(WastScript script, Command command, Command component) implements RuntimeCheck {
        @Override
        public String describe() {
            return (command.type().equals("component") ? "component" : "component instance")
                    + (command.name() == null ? "" : " " + command.name()) + " instantiates";
        }

        @Override
        public void execute() {
            int line = command.line();
            try {
                if (component == null) {
                    fail(script.where(command) + ": no component definition named " + command.of());
                }
                Component loaded = script.load(component);
                Instance instance = script.instantiate(loaded);
                script.target(command, new Target(line, instance, null, null));
                script.register(command.name(), instance);
            } catch (TestAbortedException skipped) {
                script.target(command, new Target(line, null, WastScript.reason(skipped), null));
                throw skipped;
            } catch (Throwable failed) {
                script.target(command, new Target(line, null, null, String.valueOf(failed.getMessage())));
                throw failed;
            }
        }
    }

    /** {@code invoke}, {@code assert_return} and {@code assert_trap} of an invoke. */
    record Call(WastScript script, Command command, int target) implements RuntimeCheck {
        @Override
        public String describe() {
            SList invoke = invoke();
            String name = invoke.items().stream()
                    .filter(Text.class::isInstance)
                    .findFirst()
                    .map(Object::toString)
                    .orElse("?");
            return command.type() + " " + name
                    + (command.type().equals("assert_trap") ? " \"" + command.message() + "\"" : "");
        }

        private SList invoke() {
            SList form = (SList) SExpr.read(command.text());
            return command.type().equals("invoke") ? form : (SList) form.get(1);
        }

        @Override
        public void execute() {
            SList invoke = invoke();
            int at = 1;
            Instance instance;
            if (invoke.get(at) instanceof Atom id) {
                instance = script.registered(id.text());
                at++;
            } else {
                if (target < 0) {
                    fail(script.where(command) + ": invoke before any component was instantiated");
                }
                instance = script.targetOf(target).require();
            }
            String name = ((Text) invoke.get(at)).utf8();
            List<Value> args = WastValues.all(invoke.items().subList(at + 1, invoke.size()));
            Optional<Value> result;
            try {
                Func func = instance.func(name);
                result = func.call(args);
            } catch (RuntimeException e) {
                RuntimeGate.skipIfUnsupported(e);
                if (command.type().equals("assert_trap")) {
                    expectTrap(script, command, e);
                    return;
                }
                throw e;
            }
            switch (command.type()) {
                case "assert_trap" ->
                    fail(script.where(command) + ": expected a trap (" + command.message() + "), the call returned "
                            + result.map(Wave::print).orElse("nothing"));
                case "assert_return" -> {
                    SList form = (SList) SExpr.read(command.text());
                    List<Value> expected = WastValues.all(form.items().subList(2, form.size()));
                    skipIfMemoryCannotGrow(name, expected, result);
                    assertEquals(
                            print(expected),
                            print(result.stream().collect(Collectors.toList())),
                            script.where(command) + ": result");
                    assertEquals(
                            expected,
                            result.stream().collect(Collectors.toList()),
                            script.where(command) + ": result (bit patterns of floats differ)");
                }
                default -> {} // a bare invoke only has to return
            }
        }

        /**
         * wasmtime's {@code big-strings.wast} grows a memory to almost 4 GiB through an export named
         * {@code grow} and expects the old size; the core engine backs a memory with one Java array
         * (at most 2 GiB), so {@code memory.grow} returns -1. That is a limit of the platform, not a
         * wrong result: the check and the later checks on the same instance are skipped with it.
         */
        private void skipIfMemoryCannotGrow(String name, List<Value> expected, Optional<Value> result) {
            boolean failedGrow = name.equals("grow")
                    && result.equals(Optional.of(Value.s32(-1)))
                    && !expected.equals(List.of(Value.s32(-1)));
            if (failedGrow) {
                String reason =
                        "a linear memory cannot grow beyond 2 GiB (the core engine backs it with one Java array); "
                                + "the script needs almost 4 GiB";
                script.target(target, new Target(target, null, reason, null));
                Assumptions.abort(reason);
            }
        }

        private static String print(List<Value> values) {
            return values.stream().map(Wave::print).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** {@code (assert_trap (component …) "message")}: instantiation (a start function) traps. */
    record TrapsOnInstantiation(WastScript script, Command command) implements RuntimeCheck {
        @Override
        public String describe() {
            return "assert_trap on instantiation \"" + command.message() + "\"";
        }

        @Override
        public void execute() {
            Component component = script.load(command);
            try {
                script.instantiate(component);
            } catch (RuntimeException e) {
                expectTrap(script, command, e);
                return;
            }
            fail(script.where(command) + ": expected instantiation to trap (" + command.message() + ")");
        }
    }

    /** {@code (assert_unlinkable (component …) "message")}: linking fails, naming the reason. */
    record Unlinkable(WastScript script, Command command) implements RuntimeCheck {
        @Override
        public String describe() {
            return "assert_unlinkable \"" + command.message() + "\"";
        }

        @Override
        public void execute() {
            Component component = script.load(command);
            try {
                script.instantiate(component);
            } catch (LinkException e) {
                Messages.record(script.where(command), command.message(), e.getMessage());
                if (!LinkMessages.same(command.message(), e.getMessage())) {
                    fail(script.where(command) + ": link error \"" + e.getMessage() + "\" does not say \""
                            + command.message() + "\"");
                }
                return;
            }
            fail(script.where(command) + ": linked a component that must not link (" + command.message() + ")");
        }
    }

    /** Passes if {@code e} is a trap saying what the command expects; records both messages. */
    private static void expectTrap(WastScript script, Command command, RuntimeException e) {
        if (e instanceof TestAbortedException skipped) {
            throw skipped; // the runtime does not support what the check needs: skipped with its reason
        }
        Messages.record(script.where(command), command.message(), e.getMessage());
        if (!(e instanceof Trap)) {
            throw new AssertionError(
                    script.where(command) + ": expected a trap (" + command.message() + "), got " + e, e);
        }
        if (!TrapMessages.same(command.message(), e)) {
            fail(script.where(command) + ": trap \"" + e.getMessage() + "\" does not say \"" + command.message()
                    + "\"");
        }
    }
}
