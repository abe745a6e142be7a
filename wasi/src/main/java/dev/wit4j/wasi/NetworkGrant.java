package dev.wit4j.wasi;

import java.net.InetSocketAddress;
import java.util.function.Predicate;

/**
 * The {@code network} resource {@code instance-network} hands out: it carries the context's
 * grant, and every bind, connect, send and name lookup through it asks the grant first (refused
 * ones fail with {@code access-denied}). Without a grant the resource exists but allows nothing.
 */
final class NetworkGrant implements Network.Network_ {
    private final Predicate<InetSocketAddress> allowed;

    /** @param allowed which local (bind) and remote (connect, send) addresses may be used; null for none */
    NetworkGrant(Predicate<InetSocketAddress> allowed) {
        this.allowed = allowed;
    }

    boolean granted() {
        return allowed != null;
    }

    boolean allows(InetSocketAddress address) {
        return allowed != null && allowed.test(address);
    }
}
