package dev.wit4j.runtime.internal.link;

import java.util.Map;
import java.util.Set;

/**
 * Semver-compatible matching of interface names, as wasmtime's linker does it: an import of
 * {@code ns:pkg/iface@0.2.10} is satisfied by a definition of {@code ns:pkg/iface@0.2.12}. Two
 * versions are compatible when they agree on the major version (for {@code >= 1.0.0}), on the minor
 * version (for {@code 0.x} with {@code x > 0}) or on everything (for {@code 0.0.x} and pre-releases).
 * Among compatible definitions the highest version wins; an exact name always wins. The same
 * matching finds a component's exports by name: bindings for {@code wasi:http/incoming-handler@0.2.12}
 * call a component exporting it at {@code 0.2.10}. Internal.
 */
public final class VersionMatch {

    private VersionMatch() {}

    /** The definition for {@code name} in {@code defined}, or null. */
    public static <T> T lookup(Map<String, T> defined, String name) {
        String key = key(defined, name);
        return key == null ? null : defined.get(key);
    }

    /** The name under which {@code defined} holds the definition for {@code name}, or null. */
    public static String key(Map<String, ?> defined, String name) {
        if (defined.containsKey(name)) {
            return name;
        }
        int at = name.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String base = name.substring(0, at + 1);
        long[] wanted = parse(name.substring(at + 1));
        if (wanted == null) {
            return null;
        }
        String best = null;
        long[] bestVersion = null;
        for (String key : defined.keySet()) {
            if (!key.startsWith(base) || key.indexOf('@', base.length()) >= 0) {
                continue;
            }
            long[] v = parse(key.substring(base.length()));
            if (v != null && compatible(wanted, v) && (bestVersion == null || compare(v, bestVersion) > 0)) {
                best = key;
                bestVersion = v;
            }
        }
        return best;
    }

    /** Text for an error message naming definitions of the same interface at other versions. */
    public static String nearMisses(Set<String> defined, String name) {
        int at = name.lastIndexOf('@');
        String base = at < 0 ? name : name.substring(0, at);
        StringBuilder sb = new StringBuilder();
        for (String d : defined) {
            if (!d.equals(name) && (d.equals(base) || d.startsWith(base + "@"))) {
                sb.append(sb.length() == 0 ? " (the linker has " : ", ")
                        .append('`')
                        .append(d)
                        .append('`');
            }
        }
        return sb.length() == 0
                ? ""
                : sb.append(", which is not version-compatible)").toString();
    }

    /** major, minor, patch of a plain {@code x.y.z} version; null for pre-releases and others. */
    private static long[] parse(String version) {
        String[] parts = version.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        long[] out = new long[3];
        for (int i = 0; i < 3; i++) {
            if (parts[i].isEmpty() || !parts[i].chars().allMatch(Character::isDigit) || parts[i].length() > 18) {
                return null;
            }
            out[i] = Long.parseLong(parts[i]);
        }
        return out;
    }

    private static boolean compatible(long[] a, long[] b) {
        if (a[0] != b[0]) {
            return false;
        }
        if (a[0] > 0) {
            return true;
        }
        if (a[1] != b[1]) {
            return false;
        }
        return a[1] > 0 || a[2] == b[2];
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
