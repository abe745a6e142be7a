package dev.wit4j.runtime.internal.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers for insertion-ordered, unmodifiable maps. */
final class Maps {
    private Maps() {}

    static <K, V> Map<K, V> frozen(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
