package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * {@code wasi:sockets}: the instance network, name lookup, and TCP and UDP socket creation. The
 * network is a capability: unless the context grants addresses, the guest still gets a network
 * handle but every bind, connect, send and lookup through it fails with {@code access-denied}.
 */
final class Sockets implements InstanceNetwork, IpNameLookup, TcpCreateSocket, UdpCreateSocket {
    private final Predicate<InetSocketAddress> allowed;

    /** @param allowed the addresses the guest may bind, connect and send to; null grants no network */
    Sockets(Predicate<InetSocketAddress> allowed) {
        this.allowed = allowed;
    }

    @Override
    public Network.Network_ instanceNetwork() {
        return new NetworkGrant(allowed);
    }

    @Override
    public Result<Tcp.TcpSocket, Network.ErrorCode> createTcpSocket(Network.IpAddressFamily addressFamily) {
        return TcpSocketImpl.create(addressFamily);
    }

    @Override
    public Result<Udp.UdpSocket, Network.ErrorCode> createUdpSocket(Network.IpAddressFamily addressFamily) {
        return UdpSocketImpl.create(addressFamily);
    }

    /**
     * Resolves in the background (the stream's pollable tells when); needs a granted network.
     * Names are host names or IP literals: anything with a port, a path or spaces is
     * {@code invalid-argument}.
     */
    @Override
    public Result<ResolveAddressStream, Network.ErrorCode> resolveAddresses(Network.Network_ network, String name) {
        if (!((NetworkGrant) network).granted()) {
            return Result.err(Network.ErrorCode.ACCESS_DENIED);
        }
        boolean ipv6Literal = name.indexOf(':') >= 0 && name.matches("[0-9A-Fa-f:.]+");
        if (name.isEmpty() || !ipv6Literal && !name.matches("[A-Za-z0-9.-]+")) {
            return Result.err(Network.ErrorCode.INVALID_ARGUMENT);
        }
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return Arrays.asList(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                throw new CompletionException(e);
            }
        });
        return Result.ok(new Lookup(lookup));
    }

    private static final class Lookup implements ResolveAddressStream {
        private final CompletableFuture<List<InetAddress>> lookup;
        private Iterator<InetAddress> next;

        Lookup(CompletableFuture<List<InetAddress>> lookup) {
            this.lookup = lookup;
        }

        @Override
        public Result<Optional<Network.IpAddress>, Network.ErrorCode> resolveNextAddress() {
            if (!lookup.isDone()) {
                return Result.err(Network.ErrorCode.WOULD_BLOCK);
            }
            if (lookup.isCompletedExceptionally()) {
                return Result.err(Network.ErrorCode.NAME_UNRESOLVABLE);
            }
            if (next == null) {
                next = lookup.join().iterator();
            }
            return Result.ok(next.hasNext() ? Optional.of(SocketAddresses.fromJava(next.next())) : Optional.empty());
        }

        @Override
        public Poll.Pollable subscribe() {
            return new Pollables.Future(lookup);
        }
    }
}
