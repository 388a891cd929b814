package com.example.authserver.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals and CIDR blocks, read without ever asking DNS: a name where an address belongs (in
 * configuration or in a forwarded header) is refused, not looked up.
 */
public final class IpAddresses {

    private static final String OCTET = "25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d";

    /** A dotted quad of decimal numbers up to 255, without leading zeros (which some parsers read as octal). */
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + ")(\\.(" + OCTET + ")){3}");

    /** Hex digits and colons (and a dotted IPv4 tail): Java then parses it as an IPv6 literal, never as a name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {}

    /** The address written in {@code text} (IPv4 dotted quad or IPv6), or empty if it is anything else. */
    public static Optional<InetAddress> parseLiteral(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** True for 127.0.0.0/8 and ::1 (also written as an IPv4-mapped IPv6 address); false for anything unreadable. */
    public static boolean isLoopback(String address) {
        return parseLiteral(address).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * The block {@code address[/prefix-length]} in canonical form, for example {@code 10.0.0.0/8} or
     * {@code fd00:0:0:0:0:0:0:0/8}; an address alone is a block of one. Bits past the prefix are cleared.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static String cidrBlock(String text) {
        String entry = text.strip();
        int slash = entry.indexOf('/');
        String addressPart = slash < 0 ? entry : entry.substring(0, slash);
        byte[] address = parseLiteral(addressPart)
                .map(InetAddress::getAddress)
                .orElseThrow(
                        () -> new IllegalArgumentException("'" + addressPart + "' is not an IPv4 or IPv6 address (host "
                                + "names are not accepted: list the proxies' addresses)"));
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException(
                        "the prefix length in '" + entry + "' must be a number from 1 to " + bits);
            }
            prefix = Integer.parseInt(length);
        }
        if (prefix == 0) {
            throw new IllegalArgumentException("'" + entry + "' would trust every address, so any client could "
                    + "choose the address it is seen with; list only your proxies");
        }
        for (int bit = prefix; bit < bits; bit++) {
            address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException impossible) { // only for a wrong length, and the length came from an address
            throw new IllegalStateException(impossible);
        }
    }
}
