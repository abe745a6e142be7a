package dev.wit4j.runtime.internal.engine;

import dev.wit4j.runtime.core.CoreFuncType;
import run.endive.runtime.TagInstance;

/**
 * A core exception tag, passed from the instance that defines it to the instances that import it.
 * Tags are generative (core spec, "Tags"): each instantiation of a module defines new tags, and a
 * {@code catch} matches only exceptions thrown with the very same tag, so the engine object is
 * passed on as it is.
 */
public final class CoreTag implements CoreExtern {

    private final TagInstance tag;
    private final CoreFuncType type;

    CoreTag(TagInstance tag, CoreFuncType type) {
        this.tag = tag;
        this.type = type;
    }

    TagInstance engineTag() {
        return tag;
    }

    /** The tag's type: the payload as parameters (and no results). */
    public CoreFuncType type() {
        return type;
    }

    @Override
    public String kind() {
        return "tag";
    }
}
