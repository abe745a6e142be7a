package dev.wit4j.processor.gen;

import dev.wit4j.processor.Names;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Unique member names of a generated class: a name taken gets trailing underscores until it is free. */
final class MemberNames {
    private final Set<String> taken = new HashSet<>();

    MemberNames(Collection<String> reserved) {
        taken.addAll(reserved);
    }

    /** {@code name}, or with trailing underscores until it is free; then taken. */
    String unique(String name) {
        String n = Names.escape(name);
        while (!taken.add(n)) {
            n = n + "_";
        }
        return n;
    }

    /** Marks {@code name} as taken. */
    void take(String name) {
        taken.add(name);
    }

    /** {@code s} with its first letter in lower case: a member named after a type. */
    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
