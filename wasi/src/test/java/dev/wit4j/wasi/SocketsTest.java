package dev.wit4j.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wit4j.runtime.types.Result;
import dev.wit4j.runtime.types.Tuple2;
import dev.wit4j.runtime.types.Tuple3;
import dev.wit4j.runtime.types.Tuple4;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** wasi:sockets over loopback, driven as a guest would drive it; the network only when granted. */
class SocketsTest {
    private static final Network.IpAddressFamily V4 = Network.IpAddressFamily.IPV4;
    private static final Sockets LOOPBACK = new Sockets(a -> a.getAddress().isLoopbackAddress());

    private static Network.IpSocketAddress loopback(int port) {
        return new Network.IpSocketAddress.Ipv4(
                new Network.Ipv4SocketAddress((short) port, new Tuple4<>((byte) 127, (byte) 0, (byte) 0, (byte) 1)));
    }

    private static int port(Network.IpSocketAddress a) {
        return Short.toUnsignedInt(((Network.IpSocketAddress.Ipv4) a).value().port());
    }

    private static void await(Poll.Pollable p) {
        new Pollables().poll(List.of(p));
    }

    private static <T> T ok(Result<T, Network.ErrorCode> r) {
        if (r instanceof Result.Ok<T, Network.ErrorCode> ok) {
            return ok.value();
        }
        throw new AssertionError("expected ok, got " + r);
    }

    private static byte[] readAll(Streams.InputStream in, int n) {
        byte[] out = new byte[0];
        while (out.length < n) {
            byte[] chunk = in.blockingRead(n - out.length).okValue().orElseThrow();
            byte[] joined = java.util.Arrays.copyOf(out, out.length + chunk.length);
            System.arraycopy(chunk, 0, joined, out.length, chunk.length);
            out = joined;
        }
        return out;
    }

    @Test
    void tcpListenConnectAcceptAndTalkOverLoopback() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Network.Network_ net = LOOPBACK.instanceNetwork();
            Tcp.TcpSocket server = ok(LOOPBACK.createTcpSocket(V4));
            assertEquals(Result.err(Network.ErrorCode.INVALID_STATE), server.startListen()); // not bound yet
            ok(server.startBind(net, loopback(0)));
            assertEquals(Result.err(Network.ErrorCode.INVALID_STATE), server.startBind(net, loopback(0)));
            ok(server.finishBind());
            assertEquals(Result.err(Network.ErrorCode.NOT_IN_PROGRESS), server.finishBind());
            ok(server.startListen());
            ok(server.finishListen());
            assertTrue(server.isListening());
            int port = port(ok(server.localAddress()));
            assertTrue(port > 0);
            assertEquals(Result.err(Network.ErrorCode.WOULD_BLOCK), server.accept());

            Tcp.TcpSocket client = ok(LOOPBACK.createTcpSocket(V4));
            ok(client.startConnect(net, loopback(port)));
            await(client.subscribe());
            Tuple2<Streams.InputStream, Streams.OutputStream> clientIo = ok(client.finishConnect());
            assertEquals(port, port(ok(client.remoteAddress())));

            await(server.subscribe());
            Tuple3<Tcp.TcpSocket, Streams.InputStream, Streams.OutputStream> accepted = ok(server.accept());
            assertEquals(
                    port(ok(client.localAddress())), port(ok(accepted.first().remoteAddress())));

            assertTrue(clientIo.second()
                    .blockingWriteAndFlush("ping".getBytes(StandardCharsets.UTF_8))
                    .isOk());
            await(accepted.second().subscribe());
            assertArrayEquals("ping".getBytes(StandardCharsets.UTF_8), readAll(accepted.second(), 4));
            assertTrue(accepted.third()
                    .blockingWriteAndFlush("pong".getBytes(StandardCharsets.UTF_8))
                    .isOk());
            assertArrayEquals("pong".getBytes(StandardCharsets.UTF_8), readAll(clientIo.first(), 4));

            ok(accepted.first().shutdown(Tcp.ShutdownType.SEND));
            assertEquals(
                    new Result.Err<>(new Streams.StreamError.Closed()),
                    clientIo.first().blockingRead(1));
            ok(client.setKeepAliveEnabled(true));
            assertEquals(Result.ok(true), client.keepAliveEnabled());
            assertEquals(Result.err(Network.ErrorCode.INVALID_ARGUMENT), client.setReceiveBufferSize(0));
            assertEquals(Result.err(Network.ErrorCode.NOT_SUPPORTED), client.hopLimit());
            ((TcpSocketImpl) client).close();
            ((TcpSocketImpl) accepted.first()).close();
            ((TcpSocketImpl) server).close();
        });
    }

    @Test
    void aRefusedConnectionIsItsErrorCode() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int port = closedPort;
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Tcp.TcpSocket client = ok(LOOPBACK.createTcpSocket(V4));
            ok(client.startConnect(LOOPBACK.instanceNetwork(), loopback(port)));
            await(client.subscribe());
            assertEquals(Result.err(Network.ErrorCode.CONNECTION_REFUSED), client.finishConnect());
        });
    }

    @Test
    void udpDatagramsBetweenTwoSockets() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Network.Network_ net = LOOPBACK.instanceNetwork();
            Udp.UdpSocket a = ok(LOOPBACK.createUdpSocket(V4));
            Udp.UdpSocket b = ok(LOOPBACK.createUdpSocket(V4));
            assertEquals(Result.err(Network.ErrorCode.INVALID_STATE), a.stream(Optional.empty()));
            for (Udp.UdpSocket s : List.of(a, b)) {
                ok(s.startBind(net, loopback(0)));
                ok(s.finishBind());
            }
            Network.IpSocketAddress bAddress = ok(b.localAddress());
            Tuple2<Udp.IncomingDatagramStream, Udp.OutgoingDatagramStream> aStreams = ok(a.stream(Optional.empty()));
            Tuple2<Udp.IncomingDatagramStream, Udp.OutgoingDatagramStream> bStreams = ok(b.stream(Optional.empty()));
            assertEquals(
                    Result.ok(0L),
                    aStreams.second().checkSend().isOk() ? aStreams.second().send(List.of()) : null);
            assertEquals(
                    Result.err(Network.ErrorCode.INVALID_ARGUMENT),
                    aStreams.second().send(List.of(new Udp.OutgoingDatagram(new byte[] {1}, Optional.empty()))));
            assertEquals(
                    Result.ok(2L),
                    aStreams.second()
                            .send(List.of(
                                    new Udp.OutgoingDatagram(
                                            "one".getBytes(StandardCharsets.UTF_8), Optional.of(bAddress)),
                                    new Udp.OutgoingDatagram(
                                            "two".getBytes(StandardCharsets.UTF_8), Optional.of(bAddress)))));
            List<String> got = new ArrayList<>();
            while (got.size() < 2) {
                await(bStreams.first().subscribe());
                for (Udp.IncomingDatagram d : ok(bStreams.first().receive(10))) {
                    got.add(new String(d.data(), StandardCharsets.UTF_8));
                    assertEquals(port(ok(a.localAddress())), port(d.remoteAddress()));
                }
            }
            assertEquals(List.of("one", "two"), got);
            assertEquals(List.of(), ok(bStreams.first().receive(10)));
            // a stream fixed to one remote refuses another destination
            Tuple2<Udp.IncomingDatagramStream, Udp.OutgoingDatagramStream> fixed = ok(a.stream(Optional.of(bAddress)));
            assertEquals(
                    Result.err(Network.ErrorCode.INVALID_ARGUMENT),
                    fixed.second().send(List.of(new Udp.OutgoingDatagram(new byte[] {1}, Optional.of(loopback(9))))));
            assertEquals(
                    Result.ok(1L),
                    fixed.second().send(List.of(new Udp.OutgoingDatagram(new byte[] {1}, Optional.empty()))));
            ((UdpSocketImpl) a).close();
            ((UdpSocketImpl) b).close();
        });
    }

    @Test
    void withoutAGrantNothingGoesOut() {
        Sockets none = new Sockets(null);
        Network.Network_ net = none.instanceNetwork();
        Tcp.TcpSocket tcp = ok(none.createTcpSocket(V4));
        assertEquals(Result.err(Network.ErrorCode.ACCESS_DENIED), tcp.startBind(net, loopback(0)));
        assertEquals(Result.err(Network.ErrorCode.ACCESS_DENIED), tcp.startConnect(net, loopback(80)));
        Udp.UdpSocket udp = ok(none.createUdpSocket(V4));
        assertEquals(Result.err(Network.ErrorCode.ACCESS_DENIED), udp.startBind(net, loopback(0)));
        assertEquals(Result.err(Network.ErrorCode.ACCESS_DENIED), none.resolveAddresses(net, "localhost"));

        // loopback granted: other addresses are still refused, and addresses must match the family
        Network.Network_ loop = LOOPBACK.instanceNetwork();
        Network.IpSocketAddress public8 = new Network.IpSocketAddress.Ipv4(
                new Network.Ipv4SocketAddress((short) 53, new Tuple4<>((byte) 8, (byte) 8, (byte) 8, (byte) 8)));
        assertEquals(
                Result.err(Network.ErrorCode.ACCESS_DENIED),
                ok(LOOPBACK.createTcpSocket(V4)).startConnect(loop, public8));
        Tcp.TcpSocket v6 = ok(LOOPBACK.createTcpSocket(Network.IpAddressFamily.IPV6));
        assertEquals(Result.err(Network.ErrorCode.INVALID_ARGUMENT), v6.startBind(loop, loopback(0)));
        assertEquals(
                Result.err(Network.ErrorCode.INVALID_ARGUMENT),
                ok(LOOPBACK.createTcpSocket(V4)).startConnect(loop, loopback(0)));
    }

    @Test
    void namesResolveInTheBackground() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            Network.Network_ net = LOOPBACK.instanceNetwork();
            IpNameLookup.ResolveAddressStream stream = ok(LOOPBACK.resolveAddresses(net, "127.0.0.1"));
            await(stream.subscribe());
            assertEquals(
                    Optional.of(new Network.IpAddress.Ipv4(new Tuple4<>((byte) 127, (byte) 0, (byte) 0, (byte) 1))),
                    ok(stream.resolveNextAddress()));
            assertEquals(Optional.empty(), ok(stream.resolveNextAddress()));
            assertEquals(Result.err(Network.ErrorCode.INVALID_ARGUMENT), LOOPBACK.resolveAddresses(net, "host:80"));
            assertEquals(Result.err(Network.ErrorCode.INVALID_ARGUMENT), LOOPBACK.resolveAddresses(net, ""));
            IpNameLookup.ResolveAddressStream missing = ok(LOOPBACK.resolveAddresses(net, "no-such-host.invalid"));
            await(missing.subscribe());
            assertEquals(Result.err(Network.ErrorCode.NAME_UNRESOLVABLE), missing.resolveNextAddress());
            assertFalse(LOOPBACK.resolveAddresses(net, "::1").okValue().isEmpty());
        });
    }

    @Test
    void addressesConvertBothWays() throws IOException {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 8080);
        assertEquals(v6, SocketAddresses.toJava(SocketAddresses.fromJava(v6)));
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 65535);
        assertEquals(v4, SocketAddresses.toJava(SocketAddresses.fromJava(v4)));
    }
}
