package com.example.authserver.metadatadocuments;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.net.InetAddressUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches a client ID metadata document, refusing whatever the draft and SSRF prudence forbid: any status but 200
 * (redirects are never followed), a body that is not JSON or larger than the limit, an answer slower than the time
 * limits, and hosts that resolve to a special-use address. The host is resolved once, by the client's
 * {@link DnsResolver}; every address is checked and the connection goes to the checked addresses, so a second DNS
 * answer (rebinding) cannot slip in another. No proxy is used, even if the JVM names one.
 */
final class DocumentFetcher implements AutoCloseable {

    /** A fetched document, and how long its server says it may be kept (zero: not at all, or not said). */
    record Fetched(String body, Duration maxAge) {}

    /** Why a document was not fetched: the log says it; the client only gets the protocol's error. */
    static final class Refused extends IOException {

        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final CloseableHttpClient http;

    private final AddressPolicy addresses;

    private final int maxBytes;

    private final Duration readTimeout;

    DocumentFetcher(MetadataDocumentProperties properties, boolean allowLoopback) {
        this.addresses = new AddressPolicy(allowLoopback, properties.isAllowPrivateAddresses());
        this.maxBytes = properties.getMaxBytes();
        this.readTimeout = properties.getReadTimeout();
        Timeout connect = Timeout.of(properties.getConnectTimeout());
        Timeout read = Timeout.of(properties.getReadTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckingResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(read)
                                .build())
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("AuthForge (client ID metadata documents)")
                .build();
    }

    /** The document at {@code url}, already checked to be an allowed client ID URL ({@link ClientIdUrl}). */
    Fetched fetch(URI url) throws IOException {
        String host = url.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (InetAddressUtils.isIPv4(bare) || InetAddressUtils.isIPv6(bare)) {
            // a literal address may bypass the resolver: check it here
            check(InetAddress.getByName(bare));
        }
        HttpGet get = new HttpGet(url);
        get.setHeader("Accept", "application/json");
        long deadline = System.nanoTime() + readTimeout.toNanos();
        return http.execute(get, response -> read(response, deadline));
    }

    private Fetched read(ClassicHttpResponse response, long deadline) throws IOException {
        if (response.getCode() != 200) {
            throw new Refused("status " + response.getCode() + " (redirects are not followed)");
        }
        HttpEntity entity = response.getEntity();
        if (entity == null) {
            throw new Refused("no body");
        }
        ContentType type = ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
            throw new Refused("content type '" + entity.getContentType() + "' is not JSON");
        }
        if (entity.getContentLength() > maxBytes) {
            throw new Refused("larger than " + maxBytes + " bytes");
        }
        byte[] body = new byte[maxBytes + 1];
        int length = 0;
        try (InputStream in = entity.getContent()) {
            int read;
            while (length <= maxBytes && (read = in.read(body, length, body.length - length)) != -1) {
                length += read;
                if (System.nanoTime() > deadline) {
                    throw new Refused("slower than " + readTimeout);
                }
            }
        }
        if (length > maxBytes) {
            throw new Refused("larger than " + maxBytes + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length))
                    .toString();
            return new Fetched(text, maxAge(response.getFirstHeader("Cache-Control")));
        } catch (CharacterCodingException ex) {
            throw new Refused("not UTF-8");
        }
    }

    /** {@code max-age} of Cache-Control; zero for {@code no-store}, {@code no-cache} or none. */
    static Duration maxAge(Header cacheControl) {
        if (cacheControl == null || cacheControl.getValue() == null) {
            return Duration.ZERO;
        }
        Duration maxAge = Duration.ZERO;
        for (String directive : cacheControl.getValue().toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.trim();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return Duration.ZERO;
            }
            if (d.startsWith("max-age=")) {
                try {
                    maxAge = Duration.ofSeconds(
                            Long.parseLong(d.substring("max-age=".length()).replace("\"", "")));
                } catch (NumberFormatException | ArithmeticException ex) {
                    return Duration.ZERO;
                }
            }
        }
        return maxAge.isNegative() ? Duration.ZERO : maxAge;
    }

    private void check(InetAddress address) throws UnknownHostException {
        if (!addresses.allows(address)) {
            throw new UnknownHostException("refused address " + address.getHostAddress());
        }
    }

    /** Resolves once and hands the connection only addresses it checked; one refused address refuses the host. */
    private final class CheckingResolver implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress address : all) {
                check(address);
            }
            return all;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host; // never a reverse lookup: the name checked is the name connected to
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
