package dev.wit4j.runtime.wit;

import dev.wit4j.witx.model.Resolve;
import dev.wit4j.witx.model.World;
import java.util.Objects;

/**
 * The WIT recovered from a binary.
 *
 * @param resolve the root package (holding {@code world}) and every package it refers to, with the
 *     definitions the binary carries
 * @param world the binary's world: {@code root:component/root} for a component,
 *     {@code root:root/root} for a core module with embedded component types
 */
public record DecodedWit(Resolve resolve, World world) {
    public DecodedWit {
        Objects.requireNonNull(resolve, "resolve");
        Objects.requireNonNull(world, "world");
    }
}
