package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code wasi:sockets/udp} socket over a non-blocking {@link DatagramChannel}: bind through the
 * guest's {@link NetworkGrant}, then {@code stream} (optionally fixed to one remote, which must be
 * granted) hands out a datagram stream pair; every destination of a send is checked too.
 */
final class UdpSocketImpl implements Udp.UdpSocket, AutoCloseable {
    private static final int MAX_DATAGRAM = 65_535;
    /** How many datagrams check-send permits at a time. */
    private static final long SEND_PERMIT = 64;

    private enum State {
        UNBOUND,
        BIND_STARTED,
        BOUND
    }

    private final Network.IpAddressFamily family;
    private final DatagramChannel channel;
    private State state = State.UNBOUND;
    private NetworkGrant network;
    private InetSocketAddress connected;
    private Udp.IncomingDatagram receivedAhead;

    private UdpSocketImpl(Network.IpAddressFamily family, DatagramChannel channel) {
        this.family = family;
        this.channel = channel;
    }

    static Result<Udp.UdpSocket, Network.ErrorCode> create(Network.IpAddressFamily family) {
        try {
            DatagramChannel ch = DatagramChannel.open(TcpSocketImpl.protocol(family));
            ch.configureBlocking(false);
            return Result.ok(new UdpSocketImpl(family, ch));
        } catch (IOException e) {
            return Result.err(SocketAddresses.code(e));
        }
    }

    private static <T> Result<T, Network.ErrorCode> err(Network.ErrorCode code) {
        return Result.err(code);
    }

    @Override
    public Result<Void, Network.ErrorCode> startBind(Network.Network_ net, Network.IpSocketAddress localAddress) {
        if (state != State.UNBOUND) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        Network.ErrorCode failed = Binding.bind(channel, net, localAddress, family, false);
        if (failed != null) {
            return err(failed);
        }
        network = (NetworkGrant) net;
        state = State.BIND_STARTED;
        return Result.ok();
    }

    @Override
    public Result<Void, Network.ErrorCode> finishBind() {
        if (state != State.BIND_STARTED) {
            return err(Network.ErrorCode.NOT_IN_PROGRESS);
        }
        state = State.BOUND;
        return Result.ok();
    }

    /** Why a datagram may not go to {@code remote}, or null. */
    private Network.ErrorCode refuseRemote(Network.IpSocketAddress remote) {
        if (SocketAddresses.family(remote) != family) {
            return Network.ErrorCode.INVALID_ARGUMENT;
        }
        InetSocketAddress address = SocketAddresses.toJava(remote);
        if (address.getAddress().isAnyLocalAddress() || address.getPort() == 0) {
            return Network.ErrorCode.INVALID_ARGUMENT;
        }
        return network.allows(address) ? null : Network.ErrorCode.ACCESS_DENIED;
    }

    @Override
    public Result<Tuple2<Udp.IncomingDatagramStream, Udp.OutgoingDatagramStream>, Network.ErrorCode> stream(
            Optional<Network.IpSocketAddress> remoteAddress) {
        if (state != State.BOUND) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        try {
            if (channel.isConnected()) {
                channel.disconnect();
                connected = null;
            }
            if (remoteAddress.isPresent()) {
                Network.ErrorCode refused = refuseRemote(remoteAddress.get());
                if (refused != null) {
                    return err(refused);
                }
                connected = SocketAddresses.toJava(remoteAddress.get());
                channel.connect(connected);
            }
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
        receivedAhead = null;
        return Result.ok(new Tuple2<>(new Incoming(), new Outgoing()));
    }

    /** The next datagram waiting, or null. */
    private Udp.IncomingDatagram receiveOne() throws IOException {
        if (receivedAhead != null) {
            Udp.IncomingDatagram d = receivedAhead;
            receivedAhead = null;
            return d;
        }
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
        if (from == null) {
            return null;
        }
        return new Udp.IncomingDatagram(
                Arrays.copyOf(buffer.array(), buffer.position()), SocketAddresses.fromJava(from));
    }

    private final class Incoming implements Udp.IncomingDatagramStream {
        @Override
        public Result<List<Udp.IncomingDatagram>, Network.ErrorCode> receive(long maxResults) {
            List<Udp.IncomingDatagram> out = new ArrayList<>();
            try {
                while (Long.compareUnsigned(out.size(), maxResults) < 0) {
                    Udp.IncomingDatagram d = receiveOne();
                    if (d == null) {
                        break;
                    }
                    out.add(d);
                }
            } catch (IOException e) {
                if (out.isEmpty()) {
                    return err(SocketAddresses.code(e));
                }
            }
            return Result.ok(out);
        }

        /** Ready when a datagram has arrived. */
        @Override
        public Poll.Pollable subscribe() {
            return new Poll.Pollable() {
                @Override
                public boolean ready() {
                    if (receivedAhead == null) {
                        try {
                            receivedAhead = receiveOne();
                        } catch (IOException e) {
                            return true; // receive reports it
                        }
                    }
                    return receivedAhead != null;
                }

                @Override
                public void block() {
                    while (!ready()) {
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
                    }
                }
            };
        }
    }

    private final class Outgoing implements Udp.OutgoingDatagramStream {
        @Override
        public Result<Long, Network.ErrorCode> checkSend() {
            return Result.ok(SEND_PERMIT);
        }

        /** Sends in order and stops at the first that cannot go; an error only if none went. */
        @Override
        public Result<Long, Network.ErrorCode> send(List<Udp.OutgoingDatagram> datagrams) {
            long sent = 0;
            for (Udp.OutgoingDatagram d : datagrams) {
                Network.ErrorCode problem = null;
                InetSocketAddress to = connected;
                if (d.remoteAddress().isPresent()) {
                    problem = refuseRemote(d.remoteAddress().get());
                    InetSocketAddress given =
                            SocketAddresses.toJava(d.remoteAddress().get());
                    if (problem == null && connected != null && !connected.equals(given)) {
                        problem = Network.ErrorCode.INVALID_ARGUMENT;
                    }
                    to = given;
                } else if (connected == null) {
                    problem = Network.ErrorCode.INVALID_ARGUMENT;
                }
                if (problem == null && d.data().length > MAX_DATAGRAM) {
                    problem = Network.ErrorCode.DATAGRAM_TOO_LARGE;
                }
                if (problem == null) {
                    try {
                        int n = connected != null
                                ? channel.write(ByteBuffer.wrap(d.data()))
                                : channel.send(ByteBuffer.wrap(d.data()), to);
                        if (n == 0 && d.data().length > 0) {
                            break; // the send buffer is full: the rest waits for the guest's next try
                        }
                    } catch (IOException e) {
                        problem = SocketAddresses.code(e);
                    }
                }
                if (problem != null) {
                    return sent == 0 ? err(problem) : Result.ok(sent);
                }
                sent++;
            }
            return Result.ok(sent);
        }

        @Override
        public Poll.Pollable subscribe() {
            return new Pollables.Ready();
        }
    }

    @Override
    public Result<Network.IpSocketAddress, Network.ErrorCode> localAddress() {
        try {
            if (state == State.UNBOUND || channel.getLocalAddress() == null) {
                return err(Network.ErrorCode.INVALID_STATE);
            }
            return Result.ok(SocketAddresses.fromJava((InetSocketAddress) channel.getLocalAddress()));
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
    }

    @Override
    public Result<Network.IpSocketAddress, Network.ErrorCode> remoteAddress() {
        return connected == null
                ? err(Network.ErrorCode.INVALID_STATE)
                : Result.ok(SocketAddresses.fromJava(connected));
    }

    @Override
    public Network.IpAddressFamily addressFamily() {
        return family;
    }

    /** java.net offers no unicast TTL / hop limit for datagram sockets. */
    @Override
    public Result<Byte, Network.ErrorCode> unicastHopLimit() {
        return err(Network.ErrorCode.NOT_SUPPORTED);
    }

    @Override
    public Result<Void, Network.ErrorCode> setUnicastHopLimit(byte value) {
        return err(value == 0 ? Network.ErrorCode.INVALID_ARGUMENT : Network.ErrorCode.NOT_SUPPORTED);
    }

    private Result<Long, Network.ErrorCode> size(SocketOption<Integer> option) {
        return SocketOptions.size(channel, option);
    }

    private Result<Void, Network.ErrorCode> setSize(SocketOption<Integer> option, long value) {
        return SocketOptions.setSize(channel, option, value);
    }

    @Override
    public Result<Long, Network.ErrorCode> receiveBufferSize() {
        return size(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public Result<Void, Network.ErrorCode> setReceiveBufferSize(long value) {
        return setSize(StandardSocketOptions.SO_RCVBUF, value);
    }

    @Override
    public Result<Long, Network.ErrorCode> sendBufferSize() {
        return size(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public Result<Void, Network.ErrorCode> setSendBufferSize(long value) {
        return setSize(StandardSocketOptions.SO_SNDBUF, value);
    }

    @Override
    public Poll.Pollable subscribe() {
        return new Pollables.Ready();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
