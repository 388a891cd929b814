package com.example.authserver.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/** PostgreSQL from binaries on Maven Central, started once per test run, for {@link TestDatabase}. */
final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {}

    /** Starts the server (the first time) and returns the JDBC URL of its {@code postgres} database. */
    static String jdbcUrl() {
        return Holder.URL;
    }

    private static final class Holder {

        static final String URL = start();

        private static String start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return postgres.getJdbcUrl("postgres", "postgres");
            } catch (IOException | RuntimeException ex) {
                throw new IllegalStateException(
                        "Could not start embedded PostgreSQL. PostgreSQL refuses to run as "
                                + "root: run the build as another user, or point " + TestDatabase.POSTGRES_URL_VARIABLE
                                + " at a server and build with -Dauthforge.test.server=external",
                        ex);
            }
        }
    }
}
