package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import dev.wit4j.runtime.types.Tuple3;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wasi:sockets/tcp} socket over NIO channels, following the interface's state machine
 * (bind, then listen or connect, each in a start and a finish step). Binds and connects go through
 * the {@link NetworkGrant} the guest passes; the listening socket is a separate
 * {@link ServerSocketChannel} bound to the address the client channel had.
 */
final class TcpSocketImpl implements Tcp.TcpSocket, AutoCloseable {
    private enum State {
        UNBOUND,
        BIND_STARTED,
        BOUND,
        LISTEN_STARTED,
        LISTENING,
        CONNECT_STARTED,
        CONNECTED,
        CLOSED
    }

    private final Network.IpAddressFamily family;
    private SocketChannel channel;
    private ServerSocketChannel server;
    private SocketChannel acceptedAhead;
    private IOException connectFailure;
    private State state;
    private int backlog = 128;

    private TcpSocketImpl(Network.IpAddressFamily family, SocketChannel channel, State state) {
        this.family = family;
        this.channel = channel;
        this.state = state;
    }

    static Result<Tcp.TcpSocket, Network.ErrorCode> create(Network.IpAddressFamily family) {
        try {
            return Result.ok(new TcpSocketImpl(family, SocketChannel.open(protocol(family)), State.UNBOUND));
        } catch (IOException e) {
            return Result.err(SocketAddresses.code(e));
        }
    }

    static StandardProtocolFamily protocol(Network.IpAddressFamily family) {
        return family == Network.IpAddressFamily.IPV4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    private static <T> Result<T, Network.ErrorCode> err(Network.ErrorCode code) {
        return Result.err(code);
    }

    @Override
    public Result<Void, Network.ErrorCode> startBind(Network.Network_ network, Network.IpSocketAddress localAddress) {
        if (state != State.UNBOUND) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        Network.ErrorCode failed = Binding.bind(channel, network, localAddress, family, true);
        if (failed != null) {
            return err(failed);
        }
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

    @Override
    public Result<Void, Network.ErrorCode> startConnect(
            Network.Network_ network, Network.IpSocketAddress remoteAddress) {
        if (state != State.UNBOUND && state != State.BOUND) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        InetSocketAddress remote = SocketAddresses.toJava(remoteAddress);
        if (remote.getAddress().isAnyLocalAddress() || remote.getPort() == 0) {
            return err(Network.ErrorCode.INVALID_ARGUMENT);
        }
        Network.ErrorCode refused = Binding.refuse(network, remoteAddress, family);
        if (refused != null) {
            return err(refused);
        }
        try {
            channel.configureBlocking(false);
            channel.connect(remote);
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
        state = State.CONNECT_STARTED;
        return Result.ok();
    }

    /** Whether the connection attempt has ended (made or failed); a failure is kept for finish-connect. */
    private boolean connectDone() {
        if (connectFailure != null) {
            return true;
        }
        try {
            return channel.finishConnect();
        } catch (IOException e) {
            connectFailure = e;
            return true;
        }
    }

    @Override
    public Result<Tuple2<Streams.InputStream, Streams.OutputStream>, Network.ErrorCode> finishConnect() {
        if (state != State.CONNECT_STARTED) {
            return err(Network.ErrorCode.NOT_IN_PROGRESS);
        }
        if (!connectDone()) {
            return err(Network.ErrorCode.WOULD_BLOCK);
        }
        if (connectFailure != null) {
            state = State.CLOSED;
            return err(SocketAddresses.code(connectFailure));
        }
        try {
            state = State.CONNECTED;
            return Result.ok(streams(channel));
        } catch (IOException e) {
            state = State.CLOSED;
            return err(SocketAddresses.code(e));
        }
    }

    /** The input (read ahead, pollable) and output streams of a connected channel. */
    private static Tuple2<Streams.InputStream, Streams.OutputStream> streams(SocketChannel ch) throws IOException {
        ch.configureBlocking(true);
        // The socket's own streams: Channels.newInputStream would hold the channel's blocking lock
        // while the reader waits, and no write could pass it.
        return new Tuple2<>(
                new AsyncInputStream(new AsyncInput(ch.socket().getInputStream(), "tcp")),
                new HostOutputStream(ch.socket().getOutputStream()));
    }

    @Override
    public Result<Void, Network.ErrorCode> startListen() {
        if (state != State.BOUND) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        try {
            // Java binds and listens in one step, on a server channel: take over the bound address.
            InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
            channel.close();
            server = ServerSocketChannel.open(protocol(family));
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(local, backlog);
            server.configureBlocking(false);
        } catch (IOException e) {
            state = State.CLOSED;
            return err(SocketAddresses.code(e));
        }
        state = State.LISTEN_STARTED;
        return Result.ok();
    }

    @Override
    public Result<Void, Network.ErrorCode> finishListen() {
        if (state != State.LISTEN_STARTED) {
            return err(Network.ErrorCode.NOT_IN_PROGRESS);
        }
        state = State.LISTENING;
        return Result.ok();
    }

    @Override
    public Result<Tuple3<Tcp.TcpSocket, Streams.InputStream, Streams.OutputStream>, Network.ErrorCode> accept() {
        if (state != State.LISTENING) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        try {
            SocketChannel client = acceptedAhead != null ? acceptedAhead : server.accept();
            acceptedAhead = null;
            if (client == null) {
                return err(Network.ErrorCode.WOULD_BLOCK);
            }
            Tuple2<Streams.InputStream, Streams.OutputStream> streams = streams(client);
            return Result.ok(new Tuple3<>(
                    new TcpSocketImpl(family, client, State.CONNECTED), streams.first(), streams.second()));
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
    }

    @Override
    public Result<Network.IpSocketAddress, Network.ErrorCode> localAddress() {
        try {
            NetworkChannel ch = server != null ? server : channel;
            if (state == State.UNBOUND || state == State.CLOSED || ch.getLocalAddress() == null) {
                return err(Network.ErrorCode.INVALID_STATE);
            }
            return Result.ok(SocketAddresses.fromJava((InetSocketAddress) ch.getLocalAddress()));
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
    }

    @Override
    public Result<Network.IpSocketAddress, Network.ErrorCode> remoteAddress() {
        if (state != State.CONNECTED) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        try {
            return Result.ok(SocketAddresses.fromJava((InetSocketAddress) channel.getRemoteAddress()));
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
    }

    @Override
    public boolean isListening() {
        return state == State.LISTENING;
    }

    @Override
    public Network.IpAddressFamily addressFamily() {
        return family;
    }

    @Override
    public Result<Void, Network.ErrorCode> setListenBacklogSize(long value) {
        if (value == 0) {
            return err(Network.ErrorCode.INVALID_ARGUMENT);
        }
        if (state == State.LISTEN_STARTED || state == State.LISTENING) {
            return err(Network.ErrorCode.NOT_SUPPORTED); // java.nio cannot change a listening socket's backlog
        }
        backlog = (int) Math.min(
                Long.compareUnsigned(value, Integer.MAX_VALUE) > 0 ? Integer.MAX_VALUE : value, Integer.MAX_VALUE);
        return Result.ok();
    }

    private NetworkChannel options() {
        return server != null ? server : channel;
    }

    private <T> Result<T, Network.ErrorCode> get(SocketOption<T> option) {
        return SocketOptions.get(options(), option);
    }

    private <T> Result<Void, Network.ErrorCode> set(SocketOption<T> option, T value) {
        return SocketOptions.set(options(), option, value);
    }

    @Override
    public Result<Boolean, Network.ErrorCode> keepAliveEnabled() {
        return get(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public Result<Void, Network.ErrorCode> setKeepAliveEnabled(boolean value) {
        return set(StandardSocketOptions.SO_KEEPALIVE, value);
    }

    /** Keep-alive timings are whole seconds on the host (jdk.net's TCP_KEEPIDLE/TCP_KEEPINTERVAL). */
    private Result<Long, Network.ErrorCode> seconds(SocketOption<Integer> option) {
        Result<Integer, Network.ErrorCode> r = get(option);
        return r.isOk()
                ? Result.ok(TimeUnit.SECONDS.toNanos(r.okValue().get()))
                : err(r.errValue().get());
    }

    private Result<Void, Network.ErrorCode> setSeconds(SocketOption<Integer> option, long nanos) {
        if (nanos <= 0) {
            return err(Network.ErrorCode.INVALID_ARGUMENT);
        }
        long s = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toSeconds(nanos), Integer.MAX_VALUE));
        return set(option, (int) s);
    }

    @Override
    public Result<Long, Network.ErrorCode> keepAliveIdleTime() {
        return seconds(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE);
    }

    @Override
    public Result<Void, Network.ErrorCode> setKeepAliveIdleTime(long value) {
        return setSeconds(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, value);
    }

    @Override
    public Result<Long, Network.ErrorCode> keepAliveInterval() {
        return seconds(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL);
    }

    @Override
    public Result<Void, Network.ErrorCode> setKeepAliveInterval(long value) {
        return setSeconds(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL, value);
    }

    @Override
    public Result<Integer, Network.ErrorCode> keepAliveCount() {
        return get(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT);
    }

    @Override
    public Result<Void, Network.ErrorCode> setKeepAliveCount(int value) {
        return value == 0
                ? err(Network.ErrorCode.INVALID_ARGUMENT)
                : set(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT, value);
    }

    /** java.net offers no unicast TTL / hop limit for TCP sockets. */
    @Override
    public Result<Byte, Network.ErrorCode> hopLimit() {
        return err(Network.ErrorCode.NOT_SUPPORTED);
    }

    @Override
    public Result<Void, Network.ErrorCode> setHopLimit(byte value) {
        return err(value == 0 ? Network.ErrorCode.INVALID_ARGUMENT : Network.ErrorCode.NOT_SUPPORTED);
    }

    @Override
    public Result<Long, Network.ErrorCode> receiveBufferSize() {
        return SocketOptions.size(options(), StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public Result<Void, Network.ErrorCode> setReceiveBufferSize(long value) {
        return SocketOptions.setSize(options(), StandardSocketOptions.SO_RCVBUF, value);
    }

    @Override
    public Result<Long, Network.ErrorCode> sendBufferSize() {
        if (server != null) {
            return err(Network.ErrorCode.NOT_SUPPORTED);
        }
        return SocketOptions.size(options(), StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public Result<Void, Network.ErrorCode> setSendBufferSize(long value) {
        if (server != null) {
            return err(Network.ErrorCode.NOT_SUPPORTED);
        }
        return SocketOptions.setSize(options(), StandardSocketOptions.SO_SNDBUF, value);
    }

    /** Ready when a connection attempt has ended or, when listening, a client waits to be accepted. */
    @Override
    public Poll.Pollable subscribe() {
        return new Poll.Pollable() {
            @Override
            public boolean ready() {
                if (state == State.CONNECT_STARTED) {
                    return connectDone();
                }
                if (state == State.LISTENING) {
                    if (acceptedAhead == null) {
                        try {
                            acceptedAhead = server.accept();
                        } catch (IOException e) {
                            return true; // accept reports it
                        }
                    }
                    return acceptedAhead != null;
                }
                return true;
            }

            @Override
            public void block() {
                while (!ready()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        };
    }

    @Override
    public Result<Void, Network.ErrorCode> shutdown(Tcp.ShutdownType shutdownType) {
        if (state != State.CONNECTED) {
            return err(Network.ErrorCode.INVALID_STATE);
        }
        try {
            if (shutdownType != Tcp.ShutdownType.SEND) {
                channel.shutdownInput();
            }
            if (shutdownType != Tcp.ShutdownType.RECEIVE) {
                channel.shutdownOutput();
            }
            return Result.ok();
        } catch (IOException e) {
            return err(SocketAddresses.code(e));
        }
    }

    /** Dropping the socket closes it (and a client accepted ahead but never taken). */
    @Override
    public void close() throws IOException {
        state = State.CLOSED;
        channel.close();
        if (server != null) {
            server.close();
        }
        if (acceptedAhead != null) {
            acceptedAhead.close();
        }
    }
}
