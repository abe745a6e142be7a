package dev.wit4j.wasi;

import dev.wit4j.runtime.types.Tuple4;
import dev.wit4j.runtime.types.Tuple8;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Locale;

/** Conversions between {@code wasi:sockets} addresses and Java's, and Java failures to error codes. */
final class SocketAddresses {
    private SocketAddresses() {}

    static InetSocketAddress toJava(Network.IpSocketAddress address) {
        try {
            if (address instanceof Network.IpSocketAddress.Ipv4 v4) {
                Tuple4<Byte, Byte, Byte, Byte> a = v4.value().address();
                return new InetSocketAddress(
                        InetAddress.getByAddress(new byte[] {a.first(), a.second(), a.third(), a.fourth()}),
                        Short.toUnsignedInt(v4.value().port()));
            }
            Network.Ipv6SocketAddress v6 = ((Network.IpSocketAddress.Ipv6) address).value();
            byte[] bytes = ipv6Bytes(v6.address());
            return new InetSocketAddress(
                    Inet6Address.getByAddress(null, bytes, v6.scopeId()), Short.toUnsignedInt(v6.port()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static byte[] ipv6Bytes(Tuple8<Short, Short, Short, Short, Short, Short, Short, Short> a) {
        short[] words = {a.first(), a.second(), a.third(), a.fourth(), a.fifth(), a.sixth(), a.seventh(), a.eighth()};
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[2 * i] = (byte) (words[i] >> 8);
            bytes[2 * i + 1] = (byte) words[i];
        }
        return bytes;
    }

    static Network.IpSocketAddress fromJava(InetSocketAddress address) {
        short port = (short) address.getPort();
        InetAddress ip = address.getAddress();
        if (ip instanceof Inet4Address) {
            return new Network.IpSocketAddress.Ipv4(new Network.Ipv4SocketAddress(port, ipv4(ip.getAddress())));
        }
        Inet6Address v6 = (Inet6Address) ip;
        return new Network.IpSocketAddress.Ipv6(
                new Network.Ipv6SocketAddress(port, 0, ipv6(v6.getAddress()), v6.getScopeId()));
    }

    static Network.IpAddress fromJava(InetAddress ip) {
        return ip instanceof Inet4Address
                ? new Network.IpAddress.Ipv4(ipv4(ip.getAddress()))
                : new Network.IpAddress.Ipv6(ipv6(ip.getAddress()));
    }

    private static Tuple4<Byte, Byte, Byte, Byte> ipv4(byte[] b) {
        return new Tuple4<>(b[0], b[1], b[2], b[3]);
    }

    private static Tuple8<Short, Short, Short, Short, Short, Short, Short, Short> ipv6(byte[] b) {
        short[] w = new short[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (short) ((b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff);
        }
        return new Tuple8<>(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    static Network.IpAddressFamily family(Network.IpSocketAddress address) {
        return address instanceof Network.IpSocketAddress.Ipv4
                ? Network.IpAddressFamily.IPV4
                : Network.IpAddressFamily.IPV6;
    }

    /** The error code for a failed socket operation, as wasmtime maps the same errno values. */
    static Network.ErrorCode code(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof BindException) {
            return message.contains("assign")
                    ? Network.ErrorCode.ADDRESS_NOT_BINDABLE
                    : Network.ErrorCode.ADDRESS_IN_USE;
        } else if (e instanceof ConnectException) {
            return message.contains("timed out") ? Network.ErrorCode.TIMEOUT : Network.ErrorCode.CONNECTION_REFUSED;
        } else if (e instanceof NoRouteToHostException || e instanceof PortUnreachableException) {
            return Network.ErrorCode.REMOTE_UNREACHABLE;
        } else if (e instanceof UnresolvedAddressException || e instanceof UnsupportedAddressTypeException) {
            return Network.ErrorCode.INVALID_ARGUMENT;
        } else if (e instanceof AlreadyConnectedException || e instanceof ClosedChannelException) {
            return Network.ErrorCode.INVALID_STATE;
        } else if (e instanceof SocketException && message.contains("reset")) {
            return Network.ErrorCode.CONNECTION_RESET;
        } else if (e instanceof SocketException && (message.contains("broken pipe") || message.contains("abort"))) {
            return Network.ErrorCode.CONNECTION_ABORTED;
        } else if (e instanceof SocketException && message.contains("message too long")) {
            return Network.ErrorCode.DATAGRAM_TOO_LARGE;
        } else if (e instanceof SocketException && message.contains("unreachable")) {
            return Network.ErrorCode.REMOTE_UNREACHABLE;
        } else if (e instanceof IOException && message.contains("permission")) {
            return Network.ErrorCode.ACCESS_DENIED;
        }
        return Network.ErrorCode.UNKNOWN;
    }
}
