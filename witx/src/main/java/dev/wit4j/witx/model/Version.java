package dev.wit4j.witx.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A semantic version (<a href="https://semver.org/">SemVer 2.0</a>) as used in package names and
 * in {@code @since}/{@code @deprecated} gates. Ordering follows SemVer precedence; build metadata
 * is kept for printing but ignored by {@link #compareTo}.
 *
 * @param preRelease pre-release part without the leading {@code -}, empty if none
 * @param build build metadata without the leading {@code +}, empty if none
 */
public record Version(long major, long minor, long patch, String preRelease, String build)
        implements Comparable<Version> {

    public Version {
        Objects.requireNonNull(preRelease, "preRelease");
        Objects.requireNonNull(build, "build");
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version component");
        }
    }

    /**
     * Parses a full SemVer string such as {@code 1.0.0-rc.1+build5}.
     *
     * @return the version, or empty if {@code text} is not valid SemVer
     */
    public static Optional<Version> parse(String text) {
        int plus = text.indexOf('+');
        String build = "";
        String rest = text;
        if (plus >= 0) {
            build = text.substring(plus + 1);
            rest = text.substring(0, plus);
            if (!validIdents(build, false)) {
                return Optional.empty();
            }
        }
        int dash = rest.indexOf('-');
        String pre = "";
        if (dash >= 0) {
            pre = rest.substring(dash + 1);
            rest = rest.substring(0, dash);
            if (!validIdents(pre, true)) {
                return Optional.empty();
            }
        }
        String[] parts = rest.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        long[] nums = new long[3];
        for (int i = 0; i < 3; i++) {
            if (!isNumeric(parts[i])
                    || (parts[i].length() > 1 && parts[i].charAt(0) == '0')
                    || parts[i].length() > 18) {
                return Optional.empty();
            }
            nums[i] = Long.parseLong(parts[i]);
        }
        return Optional.of(new Version(nums[0], nums[1], nums[2], pre, build));
    }

    private static boolean validIdents(String s, boolean noLeadingZeros) {
        if (s.isEmpty()) {
            return false;
        }
        for (String id : s.split("\\.", -1)) {
            if (id.isEmpty()) {
                return false;
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            if (noLeadingZeros && isNumeric(id) && id.length() > 1 && id.charAt(0) == '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Version o) {
        int c = Long.compare(major, o.major);
        if (c == 0) {
            c = Long.compare(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, o.patch);
        }
        if (c != 0) {
            return c;
        }
        // SemVer §11: a version without pre-release has higher precedence.
        if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty());
        }
        String[] a = preRelease.split("\\.");
        String[] b = o.preRelease.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = isNumeric(a[i]);
            boolean bn = isNumeric(b[i]);
            int d;
            if (an && bn) {
                d = a[i].length() != b[i].length()
                        ? Integer.compare(a[i].length(), b[i].length())
                        : a[i].compareTo(b[i]);
            } else if (an != bn) {
                d = an ? -1 : 1;
            } else {
                d = a[i].compareTo(b[i]);
            }
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + preRelease)
                + (build.isEmpty() ? "" : "+" + build);
    }
}
