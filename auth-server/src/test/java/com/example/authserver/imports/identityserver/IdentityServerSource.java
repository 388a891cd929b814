package com.example.authserver.imports.identityserver;

import static org.assertj.core.api.Assumptions.assumeThat;

import com.example.authserver.imports.ImportCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;

/**
 * The fixture of the IdentityServer import tests (src/test/resources/imports/identityserver): IdentityServer's
 * databases as Entity Framework creates them on SQL Server (run on H2 in MSSQLServer mode), or the same data as a JSON
 * export. Every source has client ids, scopes and API names of its own ({@link #suffix}), so tests sharing the
 * server's database never see each other's rows; {@code {{user}}} is the id of the user whose consents it holds.
 */
final class IdentityServerSource {

    private static final Pattern HASHED_SECRET = Pattern.compile("\\{\\{(sha256|sha512):([a-z0-9]+)}}");

    final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private final String userId;

    IdentityServerSource(String userId) {
        this.userId = userId;
    }

    String clientId(String name) {
        return "is-" + name + "-" + suffix;
    }

    /** The plain-text secret whose hash the fixture holds as {@code {{sha256:name}}} or {@code {{sha512:name}}}. */
    String secret(String name) {
        return name + "-" + suffix;
    }

    String scope(String name) {
        return name + "." + suffix;
    }

    String ordersApi() {
        return "https://orders.example.com/" + suffix;
    }

    /** A configuration database with the PersistedGrants table too (one database for both stores). */
    String database() {
        return database("configuration-ddl.sql", "configuration-data.sql", "grants-ddl.sql", "grants-data.sql");
    }

    /** An H2 database in SQL Server mode, loaded with the scripts; its JDBC URL. */
    String database(String... scripts) {
        assumeThat(driverPresent())
                .as("the IdentityServer database fixture runs on H2 (SQL Server mode); the JSON export covers the rest")
                .isTrue();
        String url =
                "jdbc:h2:mem:identityserver_" + suffix + "_" + scripts.length + ";MODE=MSSQLServer;DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                for (String sql : statements(resource(script))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        return url;
    }

    /** The JSON export of the same data, written to a file in {@code folder}. */
    Path export(Path folder) throws IOException {
        Path file = folder.resolve("export-" + suffix + ".json");
        Files.writeString(file, resource("export.json"));
        return file;
    }

    private String resource(String name) {
        try (InputStream in = getClass().getResourceAsStream("/imports/identityserver/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{s}}", suffix)
                    .replace("{{user}}", userId);
            return HASHED_SECRET.matcher(text).replaceAll(match -> identityServerHash(match.group(1), match.group(2)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** IdentityServer's {@code "secret".Sha256()} / {@code Sha512()}: base64 of the digest of the UTF-8 secret. */
    private String identityServerHash(String algorithm, String name) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
            return Base64.getEncoder().encodeToString(digest.digest(secret(name).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static boolean driverPresent() {
        try {
            Class.forName("org.h2.Driver");
            return true;
        } catch (ClassNotFoundException ex) {
            return false;
        }
    }

    /** What an import run printed, and its exit status. */
    record Run(int status, String out, String err) {

        @Override
        public String toString() {
            return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    /** Runs {@code import identityserver} in this JVM against the test server's database. */
    static Run run(Environment server, String... options) {
        List<String> args = new ArrayList<>(List.of(ImportCommandLine.COMMAND, "identityserver"));
        args.addAll(List.of(options));
        args.add("--spring.datasource.url=" + server.getRequiredProperty("spring.datasource.url"));
        args.add("--spring.datasource.username=" + server.getProperty("spring.datasource.username", ""));
        args.add("--spring.datasource.password=" + server.getProperty("spring.datasource.password", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportCommandLine.run(
                args.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
