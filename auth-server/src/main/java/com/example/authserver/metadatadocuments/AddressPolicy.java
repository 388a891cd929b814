package com.example.authserver.metadatadocuments;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses a document may be fetched from: none of the special-use ones of RFC 6890 (the draft's SSRF rule),
 * so a {@code client_id} cannot make this server call itself, the cloud metadata service (169.254.169.254) or the
 * private network behind it. Loopback only in development, private networks only when configured.
 */
final class AddressPolicy {

    private final boolean loopback;

    private final boolean privateNetworks;

    AddressPolicy(boolean loopback, boolean privateNetworks) {
        this.loopback = loopback;
        this.privateNetworks = privateNetworks;
    }

    boolean allows(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return loopback;
        }
        if (isPrivate(address)) {
            return privateNetworks;
        }
        return !isSpecialUse(address);
    }

    /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT) and IPv6 unique local addresses (fc00::/7). */
    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10
                    || (first == 172 && second >= 16 && second <= 31)
                    || (first == 192 && second == 168)
                    || (first == 100 && second >= 64 && second <= 127);
        }
        return (b[0] & 0xfe) == 0xfc;
    }

    private static boolean isSpecialUse(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            int third = b[2] & 0xff;
            return first == 0 // "this network"
                    || first >= 224 // multicast, reserved, broadcast
                    || (first == 192 && second == 0 && (third == 0 || third == 2)) // protocol assignments, TEST-NET-1
                    || (first == 192 && second == 88 && third == 99) // 6to4 relays
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || (first == 198 && second == 51 && third == 100) // TEST-NET-2
                    || (first == 203 && second == 0 && third == 113); // TEST-NET-3
        }
        if (address instanceof Inet6Address) {
            int firstWord = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
            int secondWord = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
            boolean firstTwelveZero = true;
            for (int i = 0; i < 12; i++) {
                firstTwelveZero &= b[i] == 0;
            }
            return firstTwelveZero // IPv4-compatible (::/96)
                    || (firstWord == 0x0064 && secondWord == 0xff9b) // NAT64: an IPv4 address inside
                    || (firstWord == 0x2001 && secondWord < 0x0200) // IETF protocol assignments, Teredo
                    || (firstWord == 0x2001 && secondWord == 0x0db8) // documentation
                    || firstWord == 0x2002; // 6to4: an IPv4 address inside
        }
        return true;
    }
}
