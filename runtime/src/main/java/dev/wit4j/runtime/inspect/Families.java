package dev.wit4j.runtime.inspect;

/**
 * The side-effect family of an import, from its name: the WASI interfaces by what they grant, and
 * every other interface as {@code custom}.
 */
final class Families {

    private Families() {}

    static String of(String importName) {
        String name = importName;
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at);
        if (!name.startsWith("wasi:")) return "custom";
        int slash = name.indexOf('/');
        String pkg = slash < 0 ? name.substring(5) : name.substring(5, slash);
        String iface = slash < 0 ? "" : name.substring(slash + 1);
        return switch (pkg) {
            case "filesystem" -> "filesystem";
            case "sockets" -> "network";
            case "http" -> "http";
            case "clocks" -> "clocks";
            case "random" -> "random";
            case "io" -> "io";
            case "cli" ->
                switch (iface) {
                    case "environment" -> "environment";
                    case "exit" -> "exit";
                    case "stdin",
                            "stdout",
                            "stderr",
                            "terminal-input",
                            "terminal-output",
                            "terminal-stdin",
                            "terminal-stdout",
                            "terminal-stderr" -> "stdio";
                    default -> "cli";
                };
            default -> "wasi:" + pkg;
        };
    }
}
