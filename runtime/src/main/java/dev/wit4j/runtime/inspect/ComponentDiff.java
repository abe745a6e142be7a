package dev.wit4j.runtime.inspect;

import dev.wit4j.binary.Component;
import dev.wit4j.binary.ComponentDecoder;
import dev.wit4j.binary.WasmBinary;
import dev.wit4j.binary.WasmFormatException;
import dev.wit4j.runtime.TypeView;
import dev.wit4j.runtime.internal.validate.ComponentValidator;
import dev.wit4j.runtime.internal.validate.ValidatedComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changes for a component's users and hosts when a new version replaces an old one: the
 * capabilities it gains or loses (imports added or removed, with the inner instances a new one
 * reaches), and the exports and imports it changes, each judged by the component model's
 * subtyping rules (those the validator applies when linking). The new version can replace the old
 * for every client, and grants nothing new, exactly when {@link #canReplace()}: no breaking change
 * and no capability gained. Only structure and types are read, never core code.
 *
 * @param changes every difference, imports first, in the new version's order then the old's
 */
public record ComponentDiff(List<Change> changes) {

    public ComponentDiff {
        changes = List.copyOf(changes);
    }

    /** What kind of difference. */
    public enum Kind {
        /** An import only the new version has: a capability gained. */
        IMPORT_ADDED,
        /** An import only the old version has: a capability given up (compatible). */
        IMPORT_REMOVED,
        /** An import both have, of another type. */
        IMPORT_CHANGED,
        /** An export only the new version has (compatible). */
        EXPORT_ADDED,
        /** An export only the old version has: its users break. */
        EXPORT_REMOVED,
        /** An export both have, of another type. */
        EXPORT_CHANGED
    }

    /**
     * One difference.
     *
     * @param kind what changed
     * @param name the import's or export's name
     * @param detail the old and new types, the mismatch, or (for an added import) its family and
     *     the instances it reaches
     * @param breaking whether a user or host of the old version can be broken by it
     */
    public record Change(Kind kind, String name, String detail, boolean breaking) {
        /** Whether the change gives the component a capability the old version did not have. */
        public boolean gainsCapability() {
            return kind == Kind.IMPORT_ADDED;
        }
    }

    /** Whether the new version can replace the old for every client and grants nothing new. */
    public boolean canReplace() {
        return changes.stream().noneMatch(c -> c.breaking() || c.gainsCapability());
    }

    /**
     * Compares two versions of a component.
     *
     * @throws IllegalArgumentException if either is not a valid component, or is a core module
     *     (the message says which: {@code the new version: …}; the cause has the offset)
     */
    public static ComponentDiff of(byte[] older, byte[] newer) {
        ValidatedComponent old = validated(component(older, "the old version"), "the old version");
        Component newComponent = component(newer, "the new version");
        ValidatedComponent now = validated(newComponent, "the new version");
        TypeView.Component oldType = old.type();
        TypeView.Component newType = now.type();
        Map<String, String> mismatches = now.mismatchesAsReplacementOf(old);
        Map<String, String> oldImports = TypeText.of(oldType.imports(), oldType.exports());
        Map<String, String> oldExports = TypeText.of(oldType.exports(), oldType.imports());
        Map<String, String> newImports = TypeText.of(newType.imports(), newType.exports());
        Map<String, String> newExports = TypeText.of(newType.exports(), newType.imports());
        Inspection inspection = Inspection.of(newComponent, newType);
        List<Change> changes = new ArrayList<>();
        for (Inspection.Import i : inspection.imports()) {
            if (!oldType.imports().containsKey(i.name())) {
                changes.add(new Change(
                        Kind.IMPORT_ADDED,
                        i.name(),
                        i.family() + ", " + i.type() + "; reaches "
                                + (i.reaches().isEmpty() ? "nothing" : String.join(", ", i.reaches())),
                        false));
            }
        }
        for (String name : oldType.imports().keySet()) {
            if (!newType.imports().containsKey(name)) {
                changes.add(
                        new Change(Kind.IMPORT_REMOVED, name, Families.of(name) + ", " + oldImports.get(name), false));
            } else {
                changed(
                        changes,
                        Kind.IMPORT_CHANGED,
                        name,
                        oldImports.get(name),
                        newImports.get(name),
                        mismatches.get("import " + name));
            }
        }
        for (String name : newType.exports().keySet()) {
            if (!oldType.exports().containsKey(name)) {
                changes.add(new Change(Kind.EXPORT_ADDED, name, newExports.get(name), false));
            }
        }
        for (String name : oldType.exports().keySet()) {
            if (!newType.exports().containsKey(name)) {
                changes.add(new Change(Kind.EXPORT_REMOVED, name, oldExports.get(name), true));
            } else {
                changed(
                        changes,
                        Kind.EXPORT_CHANGED,
                        name,
                        oldExports.get(name),
                        newExports.get(name),
                        mismatches.get("export " + name));
            }
        }
        changes.sort(Comparator.comparing(c -> c.kind().name().startsWith("EXPORT")));
        return new ComponentDiff(changes);
    }

    /** A shared item whose type reads differently, or does not fit: breaking when it does not fit. */
    private static void changed(
            List<Change> changes, Kind kind, String name, String before, String after, String mismatch) {
        if (mismatch == null && before.equals(after)) return;
        String detail = before.equals(after) ? "" : "was `" + before + "`, now `" + after + "`";
        if (mismatch != null) detail = detail.isEmpty() ? mismatch : detail + " (" + mismatch + ")";
        changes.add(new Change(kind, name, detail, mismatch != null));
    }

    private static Component component(byte[] bytes, String which) {
        WasmBinary binary;
        try {
            binary = ComponentDecoder.decode(bytes);
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
        if (!(binary instanceof Component component)) {
            throw new IllegalArgumentException(which + " is a core module, not a component");
        }
        return component;
    }

    private static ValidatedComponent validated(Component component, String which) {
        try {
            return ComponentValidator.validateDeclarations(component);
        } catch (WasmFormatException e) {
            throw new IllegalArgumentException(which + ": " + e.getMessage(), e);
        }
    }

    /** One line per change, then the verdict. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (Change c : changes) {
            out.append(c.breaking() ? "breaking  " : c.gainsCapability() ? "gains     " : "          ")
                    .append(c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(' ')
                    .append(c.name());
            if (!c.detail().isEmpty()) out.append(": ").append(c.detail());
            out.append('\n');
        }
        out.append(
                changes.isEmpty()
                        ? "no changes\n"
                        : canReplace()
                                ? "the new version can replace the old one\n"
                                : "the new version cannot replace the old one without review\n");
        return out.toString();
    }

    /**
     * As JSON: {@code {"canReplace": bool, "changes": [{"kind", "name", "detail", "breaking",
     * "gainsCapability"}…]}}, kinds in lower case with hyphens ({@code import-added}).
     */
    public String toJson() {
        StringBuilder out =
                new StringBuilder("{\n  \"canReplace\": ").append(canReplace()).append(",\n  \"changes\": [");
        String sep = "\n";
        for (Change c : changes) {
            out.append(sep)
                    .append("    {\"kind\": ")
                    .append(Reports.quote(
                            c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')))
                    .append(", \"name\": ")
                    .append(Reports.quote(c.name()))
                    .append(", \"detail\": ")
                    .append(Reports.quote(c.detail()))
                    .append(", \"breaking\": ")
                    .append(c.breaking())
                    .append(", \"gainsCapability\": ")
                    .append(c.gainsCapability())
                    .append('}');
            sep = ",\n";
        }
        return out.append(changes.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }
}
