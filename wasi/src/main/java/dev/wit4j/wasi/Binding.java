package dev.wit4j.wasi;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;

/**
 * What both socket kinds check and do to bind ({@code start-bind} of {@code wasi:sockets/tcp} and
 * {@code udp}): the address must be of the socket's family and allowed by the network's grant,
 * then the channel is bound. The states around it stay each socket's own.
 */
final class Binding {
    private Binding() {}

    /** Why {@code address} may not be used through {@code network} by a socket of {@code family}, or null. */
    static Network.ErrorCode refuse(
            Network.Network_ network, Network.IpSocketAddress address, Network.IpAddressFamily family) {
        if (SocketAddresses.family(address) != family) {
            return Network.ErrorCode.INVALID_ARGUMENT;
        }
        return ((NetworkGrant) network).allows(SocketAddresses.toJava(address))
                ? null
                : Network.ErrorCode.ACCESS_DENIED;
    }

    /**
     * Binds {@code channel} to {@code local} if {@code network} allows it.
     *
     * @param reuseAddress whether the address may be bound again right after a socket on it closed
     *     (as wasmtime lets TCP sockets)
     * @return why it was not bound, or null
     */
    static Network.ErrorCode bind(
            NetworkChannel channel,
            Network.Network_ network,
            Network.IpSocketAddress local,
            Network.IpAddressFamily family,
            boolean reuseAddress) {
        Network.ErrorCode refused = refuse(network, local, family);
        if (refused != null) {
            return refused;
        }
        try {
            if (reuseAddress) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            channel.bind(SocketAddresses.toJava(local));
            return null;
        } catch (IOException e) {
            return SocketAddresses.code(e);
        }
    }
}
