package dev.wit4j.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code wit4j} command: one entry point with a subcommand per task.
 *
 * <p>Exit codes: 0 success, 1 the input is bad (invalid component, trap, …; one line on stderr
 * says why), 2 the command line itself is wrong. Users never see a stack trace: an unexpected
 * failure is reported as one line naming the command and the cause.
 */
@Command(
        name = "wit4j",
        mixinStandardHelpOptions = true,
        // `wit4j <command> --help` (and --version) as well as `wit4j help <command>`
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "The WebAssembly Component Model toolkit for Java.")
public final class Main implements Callable<Integer> {

    /** Exit code for bad input: an invalid or malformed binary, a trap, a missing file. */
    static final int BAD_INPUT = 1;

    /** Exit code for a wrong command line (picocli's default for invalid input). */
    static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The subcommands, in the order the usage lists them. They are added to the command line when
     * it is built rather than declared on {@link Main}: picocli reads a command's annotations by
     * reflection, a tenth of a second for all of them in a fresh JVM, so a command line that names
     * its subcommand builds only that one.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("validate", ValidateCommand::new);
        commands.put("wit", WitCommand::new);
        commands.put("inspect", InspectCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("compose", ComposeCommand::new);
        commands.put("invoke", InvokeCommand::new);
        commands.put("run", RunCommand::new);
        commands.put("serve", ServeCommand::new);
        commands.put("compile", CompileCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return commands;
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        String named = args.length > 0 ? args[0] : null;
        // `help` lists every command, and so does a line that names none or an unknown one
        if (named != null && !named.equals("help") && COMMANDS.containsKey(named)) {
            commandLine.addSubcommand(named, COMMANDS.get(named).get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setOut(out).setErr(err).setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println(cl.getCommandName() + ": internal error: " + describe(e));
            return BAD_INPUT;
        });
        // everything after `run FILE` belongs to the component, options included
        CommandLine run = commandLine.getSubcommands().get("run");
        if (run != null) run.setStopAtPositional(true);
        return commandLine.execute(args);
    }

    /** Without a subcommand: show the usage and fail as a wrong command line. */
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"wit4j " + (version == null ? "(development build)" : version)};
        }
    }
}
