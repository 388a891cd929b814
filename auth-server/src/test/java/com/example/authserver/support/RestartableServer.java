package com.example.authserver.support;

import com.example.authserver.AuthServerApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole server on a random port and a {@link TestDatabase} of its own, as often as a test
 * likes: each start on the same database is what a restart (or a second instance) would see.
 */
public final class RestartableServer implements AutoCloseable {

    private final TestDatabase database = TestDatabase.create();

    public ConfigurableApplicationContext start(String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--authforge.keys.development-key-file=target/test-data/development-signing-kek"));
        database.springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(AuthServerApplication.class, ServerTestBeans.class)
                .run(arguments.toArray(String[]::new));
    }

    /** The URL of a started server (also its issuer, unless authforge.issuer says otherwise). */
    public static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() {
        database.drop();
    }
}
