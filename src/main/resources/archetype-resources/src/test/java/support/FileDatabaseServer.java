package ${package}.support;

import java.nio.file.Path;

import ${package}.AuthServerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the whole server on a random port and a file database in the given folder, as a restart would. */
public final class FileDatabaseServer {

    private FileDatabaseServer() {
    }

    public static ConfigurableApplicationContext start(Path dataDirectory, String... extraArguments) {
        String[] arguments = new String[extraArguments.length + 3];
        arguments[0] = "--server.port=0";
        arguments[1] = "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("authserver")
                + ";NON_KEYWORDS=VALUE";
        arguments[2] = "--spring.main.banner-mode=off";
        System.arraycopy(extraArguments, 0, arguments, 3, extraArguments.length);
        return new SpringApplicationBuilder(AuthServerApplication.class).run(arguments);
    }

    public static String issuer(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
