package bench.loadgen;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over one socket, as a browser uses one connection for one visit: keep-alive between the requests sent on
 * it, nothing pooled or shared with another visit, no redirect followed, cookies kept by the caller. Reads bodies
 * sent with Content-Length, chunked, or up to the end of the connection. Every failure is a {@link Failure} saying
 * which kind (connect, write, read, timeout), the categories wrk reports.
 */
final class HttpConnection implements Closeable {

    /** A failed exchange, by the kind wrk would count it as. */
    static final class Failure extends Exception {

        enum Kind { CONNECT, WRITE, READ, TIMEOUT, UNEXPECTED }

        final Kind kind;

        Failure(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;

    private final int port;

    private final int timeoutMillis;

    private Socket socket;

    private InputStream in;

    private OutputStream out;

    HttpConnection(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends one request (opening the connection first if it is not open) and reads the whole answer.
     * @param headers extra header lines, each "Name: value"
     * @param formBody an application/x-www-form-urlencoded body, or null for none
     */
    Response send(String method, String target, List<String> headers, String formBody) throws Failure {
        if (socket == null) {
            open();
        }
        StringBuilder request = new StringBuilder(256).append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("User-Agent: authforge-bench\r\n");
        headers.forEach(header -> request.append(header).append("\r\n"));
        byte[] body = formBody == null ? null : formBody.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try {
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
        }
        catch (IOException ex) {
            close();
            throw new Failure(Failure.Kind.WRITE, method + " " + target + ": " + ex);
        }
        try {
            Response response = read(method);
            if ("close".equalsIgnoreCase(response.header("connection"))) {
                close();
            }
            return response;
        }
        catch (SocketTimeoutException ex) {
            close();
            throw new Failure(Failure.Kind.TIMEOUT, method + " " + target + ": no answer within " + timeoutMillis + " ms");
        }
        catch (IOException ex) {
            close();
            throw new Failure(Failure.Kind.READ, method + " " + target + ": " + ex);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private void open() throws Failure {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout(timeoutMillis);
            opened.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket = opened;
            in = new BufferedInputStream(opened.getInputStream(), 16384);
            out = opened.getOutputStream();
        }
        catch (IOException ex) {
            try {
                opened.close();
            }
            catch (IOException ignored) {
                // the connect failed already
            }
            throw new Failure(Failure.Kind.CONNECT, host + ":" + port + ": " + ex);
        }
    }

    private Response read(String method) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before the answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                        .add(header.substring(colon + 1).trim());
            }
        }
        Response head = new Response(status, headers, new byte[0]);
        if ("HEAD".equals(method) || status / 100 == 1 || status == 204 || status == 304) {
            return head;
        }
        String length = head.header("content-length");
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            return new Response(status, headers, chunked());
        }
        if (length != null) {
            return new Response(status, headers, in.readNBytes(Integer.parseInt(length.trim())));
        }
        byte[] rest = in.readAllBytes();
        close();
        return new Response(status, headers, rest);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new IOException("connection closed inside a chunk");
            }
            body.writeBytes(chunk);
            line();
        }
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
