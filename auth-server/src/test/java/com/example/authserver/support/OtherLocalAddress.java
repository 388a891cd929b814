package com.example.authserver.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.Optional;

/**
 * An address of this machine other than loopback, to reach a test server as a client that is not on loopback (the
 * server listens on every address). Tests that need one are skipped, saying so, on a machine without any network.
 */
public final class OtherLocalAddress {

    private OtherLocalAddress() {}

    /** The URL of the server on {@code port} at this machine's first non-loopback address (IPv4 preferred). */
    public static String serverUrl(int port) {
        Optional<InetAddress> address = find();
        assumeTrue(
                address.isPresent(),
                "this machine has no address besides loopback: the test needs one to "
                        + "reach the server as a client that is not a trusted proxy");
        String host = address.get().getHostAddress();
        return "http://" + (address.get() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    static Optional<InetAddress> find() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(OtherLocalAddress::isUp)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> !address.isLoopbackAddress()
                            && !address.isLinkLocalAddress()
                            && !address.isAnyLocalAddress())
                    .min(Comparator.comparing(address -> address instanceof Inet4Address ? 0 : 1));
        } catch (SocketException ex) {
            return Optional.empty();
        }
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException ex) {
            return false;
        }
    }
}
