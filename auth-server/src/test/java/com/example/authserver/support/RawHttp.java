package com.example.authserver.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte for byte on a socket, one connection per request: sends what {@code java.net.http} refuses
 * to (malformed percent-escapes, raw non-ASCII bytes, duplicated or odd headers, a body that contradicts its
 * Content-Type), so tests can see what the server makes of it. A request's own Host or Content-Length header
 * replaces the one written by default.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 15_000;

    private final int port;

    /** The address requests are sent from; null for the system's choice. */
    private final InetAddress from;

    public RawHttp(int port) {
        this(port, null);
    }

    /**
     * Requests sent from {@code from}, another loopback address ({@code 127.0.0.2}, ...): the server sees another
     * client address, with limits per address of its own.
     */
    public RawHttp(int port, InetAddress from) {
        this.port = port;
        this.from = from;
    }

    /**
     * One request: the request target and headers are sent as they are (already encoded, or deliberately not), one
     * byte per character ({@link #bytes}).
     */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {

        public Optional<String> header(String name) {
            return headers.stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
    }

    /** The answer: status, headers (names in lower case, in the order received) and body. */
    public record Response(int status, List<Map.Entry<String, String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers(name).stream().findFirst();
        }

        public List<String> headers(String name) {
            return headers.stream()
                    .filter(header -> header.getKey().equals(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getValue)
                    .toList();
        }
    }

    /** Raw bytes (UTF-8 of a text, or bytes that are no valid UTF-8) as a target or header value for {@link Request}. */
    public static String bytes(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                write(request, socket.getOutputStream());
            } catch (IOException ex) {
                // the server may answer and close before it has read a large body: its answer is still there
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException ex) {
            throw new UncheckedIOException("No answer to " + request.method() + " " + abbreviate(request.target()), ex);
        }
    }

    private void write(Request request, OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        if (request.header("Host").isEmpty()) {
            head.append("Host: localhost:").append(port).append("\r\n");
        }
        for (Map.Entry<String, String> header : request.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        if (request.body() != null
                && request.header("Content-Length").isEmpty()
                && request.header("Transfer-Encoding").isEmpty()) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        // one byte per character: a test sends raw UTF-8 (or any other bytes) as the ISO-8859-1 string of them
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                all.write(buffer, 0, read);
            }
        } catch (IOException ex) {
            if (all.size() == 0) {
                throw ex;
            }
            // a reset after the answer (the server closing while our body was still arriving)
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) throws IOException {
        int headEnd = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        if (headEnd < 0) {
            throw new IOException("Not an HTTP response: " + abbreviate(new String(raw, StandardCharsets.ISO_8859_1)));
        }
        String[] lines = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim()));
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        boolean chunked = headers.stream()
                .anyMatch(header -> header.getKey().equals("transfer-encoding")
                        && header.getValue().equalsIgnoreCase("chunked"));
        return new Response(status, headers, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, position);
            if (lineEnd < 0) {
                break;
            }
            String sizeField = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeField.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
            position = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " characters)";
    }
}
