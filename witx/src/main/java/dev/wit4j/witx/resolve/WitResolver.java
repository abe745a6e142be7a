package dev.wit4j.witx.resolve;

import dev.wit4j.witx.WitException;
import dev.wit4j.witx.model.PackageName;
import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.parse.Ast;
import dev.wit4j.witx.parse.SourceFile;
import dev.wit4j.witx.parse.WitParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Entry point: parses and resolves WIT into a {@link Resolve}.
 *
 * <pre>{@code
 * Resolve r = WitResolver.resolveDirectory(Path.of("wit"));
 * World w = r.selectWorld(Optional.empty());
 * }</pre>
 *
 * <p>Items gated with {@code @unstable(feature = f)} are left out unless {@code f} is enabled
 * ({@link #withFeatures}, {@link #withAllFeatures}), like wasm-tools; references to such items from
 * ungated ones are errors. Invalid WIT is a {@link WitException} holding every error, each with
 * file, line and column: first the syntax errors of all files; when the files parse, every
 * resolution error that does not follow from another (an unknown type is reported where it is
 * named, and what uses the type it was meant to build is checked as usual).
 * Instances are immutable and thread-safe.
 */
public final class WitResolver {
    private final Set<String> features;
    private final boolean allFeatures;

    private WitResolver(Set<String> features, boolean allFeatures) {
        this.features = Set.copyOf(features);
        this.allFeatures = allFeatures;
    }

    /** A resolver with no {@code @unstable} features enabled. */
    public static WitResolver create() {
        return new WitResolver(Set.of(), false);
    }

    /** A copy that includes items gated by the given {@code @unstable} features. */
    public WitResolver withFeatures(Set<String> enabled) {
        return new WitResolver(Objects.requireNonNull(enabled, "enabled"), allFeatures);
    }

    /** A copy that includes every {@code @unstable} item. */
    public WitResolver withAllFeatures() {
        return new WitResolver(features, true);
    }

    /** {@link #create()}{@code .directory(dir)}. */
    public static Resolve resolveDirectory(Path dir) {
        return create().directory(dir);
    }

    /** {@link #create()}{@code .file(file)}. */
    public static Resolve resolveFile(Path file) {
        return create().file(file);
    }

    /** {@link #create()}{@code .string(name, text)}. */
    public static Resolve resolveString(String name, String text) {
        return create().string(name, text);
    }

    /**
     * Resolves a directory (WIT.md "Root Package: A Directory"): its {@code *.wit} files form the
     * root package; each entry of {@code deps/} (a {@code .wit} file or a directory of them,
     * which may have its own {@code deps/}) supplies further packages. Other files are ignored.
     */
    public Resolve directory(Path dir) {
        return directory(dir, Map.of());
    }

    /**
     * {@link #directory(Path)}, with packages that neither the folder nor its {@code deps/} supply
     * taken from {@code shipped}, as a library ships the WIT it implements: for each package, by
     * its origin (a name for messages), the texts of its files, as a {@code deps/} entry holds them.
     * A package the folder supplies is never replaced.
     */
    public Resolve directory(Path dir, Map<String, List<String>> shipped) {
        if (!Files.isDirectory(dir)) {
            throw new WitException(dir.toString(), "not a directory");
        }
        List<Path> files = witFiles(dir);
        if (files.isEmpty()) {
            throw new WitException(
                    dir.toString(),
                    "the folder has no .wit files (the root package's files go here,"
                            + " other packages in its deps/ folder)");
        }
        Parsing parsing = new Parsing();
        List<Group> groups = new ArrayList<>();
        loadDeps(dir.resolve("deps"), groups, parsing);
        Group root = new Group(dir.toString(), parsing.all(files));
        groups.add(root);
        parsing.check();
        List<Group> fallback = new ArrayList<>();
        shipped.forEach((origin, texts) -> {
            List<Ast.File> parsed = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                parsed.add(WitParser.parse(
                        new SourceFile(texts.size() == 1 ? origin : origin + "#" + (i + 1), texts.get(i))));
            }
            fallback.add(new Group(origin, parsed));
        });
        return resolveGroups(groups, root, fallback);
    }

    /**
     * Resolves one file (WIT.md "Root Package: A File"); its dependencies must be inline
     * {@code package ... { }} blocks.
     */
    public Resolve file(Path file) {
        Parsing parsing = new Parsing();
        Group g = new Group(file.toString(), parsing.all(List.of(file)));
        parsing.check();
        return resolveGroups(List.of(g), g);
    }

    /**
     * Resolves several files, each one a package (with its inline packages); the last file's
     * package is the root. Useful for a folder of separately published packages such as WASI.
     */
    public Resolve files(List<Path> files) {
        if (files.isEmpty()) {
            throw new WitException("", "no files to resolve");
        }
        Parsing parsing = new Parsing();
        List<Group> groups = new ArrayList<>();
        for (Path f : files) {
            groups.add(new Group(f.toString(), parsing.all(List.of(f))));
        }
        parsing.check();
        return resolveGroups(groups, groups.get(groups.size() - 1));
    }

    /** Resolves WIT text; {@code name} is used in positions and messages. */
    public Resolve string(String name, String text) {
        Group g = new Group(name, List.of(WitParser.parse(new SourceFile(name, text))));
        return resolveGroups(List.of(g), g);
    }

    // ---------------------------------------------------------------------------------------

    private record Group(String origin, List<Ast.File> files) {}

    /**
     * Parses files, keeping the syntax errors of all of them (and those that cannot be read), so
     * that {@link #check} reports them together.
     */
    private static final class Parsing {
        final List<WitException> errors = new ArrayList<>();

        List<Ast.File> all(List<Path> files) {
            List<Ast.File> out = new ArrayList<>();
            for (Path f : files) {
                try {
                    out.add(WitParser.parse(read(f)));
                } catch (WitException e) {
                    errors.add(e);
                }
            }
            return out;
        }

        /** Throws the errors found, if any: resolving files that do not parse would report what follows from them. */
        void check() {
            if (!errors.isEmpty()) {
                throw WitException.combine(errors);
            }
        }
    }

    private Resolve resolveGroups(List<Group> groups, Group root) {
        return resolveGroups(groups, root, List.of());
    }

    /** {@code fallback}'s packages are used where {@code groups} do not have one of that name. */
    private Resolve resolveGroups(List<Group> groups, Group root, List<Group> fallback) {
        List<PackageSource> sources = new ArrayList<>();
        PackageName rootName = null;
        List<WitException> errors = new ArrayList<>();
        for (Group g : groups) {
            Grouping.Result r;
            try {
                r = Grouping.packages(g.origin(), g.files(), errors::add);
            } catch (WitException e) {
                errors.add(e);
                continue;
            }
            sources.addAll(r.packages());
            if (g == root) {
                if (r.main() == null) {
                    errors.add(new WitException(
                            g.origin(), "no `package` header was found in any WIT file for this package"));
                }
                rootName = r.main();
            }
        }
        Set<PackageName> supplied = new HashSet<>();
        for (PackageSource p : sources) supplied.add(p.name());
        for (Group g : fallback) {
            try {
                for (PackageSource p :
                        Grouping.packages(g.origin(), g.files(), errors::add).packages()) {
                    if (!supplied.contains(p.name())) sources.add(p);
                }
            } catch (WitException e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            throw WitException.combine(errors);
        }
        Resolver resolver = new Resolver(f -> allFeatures || features.contains(f));
        return resolver.resolve(sources, rootName);
    }

    private void loadDeps(Path deps, List<Group> groups, Parsing parsing) {
        if (!Files.isDirectory(deps)) {
            return;
        }
        for (Path p : list(deps)) {
            if (Files.isDirectory(p)) {
                loadDeps(p.resolve("deps"), groups, parsing);
                List<Ast.File> files = parsing.all(witFiles(p));
                if (!files.isEmpty()) {
                    groups.add(new Group(p.toString(), files));
                }
            } else if (p.getFileName().toString().endsWith(".wit")) {
                groups.add(new Group(p.toString(), parsing.all(List.of(p))));
            }
        }
    }

    private static List<Path> witFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir)) {
            if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".wit")) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new WitException(dir.toString(), "cannot list directory: " + e.getMessage());
        }
    }

    private static SourceFile read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new SourceFile(file.toString(), text);
        } catch (CharacterCodingException e) {
            throw new WitException(file.toString(), "file is not valid UTF-8");
        } catch (IOException e) {
            throw new WitException(file.toString(), "cannot read file: " + e.getMessage());
        }
    }
}
