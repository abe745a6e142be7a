package dev.wit4j.runtime.internal.validate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The identity of one abstract resource type. Each resource definition, each {@code (sub
 * resource)} import or export, and each instantiation of a component that exports resources
 * creates a fresh id (Explainer, "Type Checking": resource types are generative).
 */
record ResourceId(long id) {

    private static final AtomicLong NEXT = new AtomicLong();

    static ResourceId fresh() {
        return new ResourceId(NEXT.incrementAndGet());
    }

    @Override
    public String toString() {
        return "resource#" + id;
    }
}
