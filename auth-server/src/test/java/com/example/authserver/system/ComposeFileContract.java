package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * What every database's compose.yaml must hold (a PostgreSQL or MySQL project's {@code system/ComposeFileTests} extends
 * this; an H2 project has no compose.yaml). The file cannot run here: this checks that it is valid YAML with the
 * services it needs, and that its environment names the settings application.yml, application-prod.yml and
 * database.yml have and the README's "Production" table lists, so a variable renamed in one place only fails here.
 */
abstract class ComposeFileContract {

    /** What the prod profile cannot start without (system/ProductionReadiness), as environment variables. */
    static final List<String> REQUIRED = List.of(
            "AUTHFORGE_ISSUER",
            "AUTHFORGE_KEYS_ENCRYPTION_KEY",
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD");

    final Map<String, Object> compose = compose();

    /** The database's folder under databases/ in the archetype's source: postgresql, mysql. */
    abstract String database();

    @Test
    void theServerWaitsForTheDatabasesHealthCheck() {
        assertThat(map(service("database").get("healthcheck"))).containsKey("test");
        Map<String, Object> server = service("server");
        assertThat(map(map(server.get("depends_on")).get("database"))).containsEntry("condition", "service_healthy");
    }

    @Test
    void theServerIsBuiltFromTheDockerfileAndPublishesItsPort() throws IOException {
        Map<String, Object> server = service("server");
        assertThat(server.get("build")).isEqualTo(".");
        assertThat(Files.readString(projectFile("Dockerfile"))).contains("EXPOSE " + serverPort());
        assertThat(list(server.get("ports"))).containsExactly(serverPort() + ":" + serverPort());
    }

    @Test
    void theServerRunsTheProdProfileWithWhatItRequires() {
        Map<String, Object> environment = map(service("server").get("environment"));

        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        assertThat(environment).containsKeys(REQUIRED.toArray(String[]::new));
    }

    /** The server's SPRING_DATASOURCE_URL, without "jdbc:", after checking it names the database service. */
    URI databaseUrl() {
        URI url = URI.create(((String) serverEnvironment().get("SPRING_DATASOURCE_URL")).substring("jdbc:".length()));
        assertThat(url.getHost()).as("the database service's name").isEqualTo("database");
        return url;
    }

    Map<String, Object> serverEnvironment() {
        return map(service("server").get("environment"));
    }

    Map<String, Object> databaseEnvironment() {
        return map(service("database").get("environment"));
    }

    @Test
    void everyVariableIsASettingOfTheConfigurationFilesAndInTheReadmesProductionTable() throws IOException {
        Set<String> settings = new LinkedHashSet<>();
        for (String file : List.of("application.yml", "application-prod.yml", "database.yml")) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    settings.addAll(environmentVariables(name));
                }
            }
        }
        Set<String> readme = productionTableVariables();
        assertThat(readme).as("the README's Production table").containsAll(REQUIRED);

        List<String> unknown = new ArrayList<>();
        for (String variable : map(service("server").get("environment")).keySet()) {
            if (!variable.equals("SPRING_PROFILES_ACTIVE") && !settings.contains(variable)) {
                unknown.add(variable + " (no such setting in application.yml, application-prod.yml, database.yml)");
            }
            if (!variable.equals("SPRING_PROFILES_ACTIVE") && !readme.contains(variable)) {
                unknown.add(variable + " (not in the README's Production table)");
            }
        }
        assertThat(unknown).isEmpty();
    }

    /**
     * The environment variables Spring Boot binds to a setting: authforge.keys.encryption-key is
     * AUTHFORGE_KEYS_ENCRYPTIONKEY or AUTHFORGE_KEYS_ENCRYPTION_KEY.
     */
    static List<String> environmentVariables(String setting) {
        String name = setting.replaceAll("\\[\\d+]", "").replace('.', '_').toUpperCase(Locale.ROOT);
        return List.of(name.replace("-", ""), name.replace('-', '_'));
    }

    /** The variables in backquotes in the README's table under "## Production". */
    Set<String> productionTableVariables() throws IOException {
        String readme = Files.readString(projectFile("README.md"));
        int start = readme.indexOf("\n## Production\n");
        assertThat(start).as("README.md has a Production section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Set<String> variables = new LinkedHashSet<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (line.startsWith("|")) {
                Matcher variable = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(line);
                while (variable.find()) {
                    variables.add(variable.group(1));
                }
            }
        }
        return variables;
    }

    int serverPort() {
        try {
            PropertySource<?> application = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .get(0);
            return Integer.parseInt(String.valueOf(application.getProperty("server.port")));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(compose.get("services")).get(name));
        assertThat(service).as("service %s in compose.yaml", name).isNotNull();
        return service;
    }

    /** The project's compose.yaml; in the archetype's source, databases/<database>/compose.yaml. */
    Map<String, Object> compose() {
        try {
            return new Yaml().load(Files.readString(projectFile("compose.yaml")));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A file of the generated project (its folder is the tests' working directory), or of databases/<database>. */
    Path projectFile(String name) {
        Path file = Path.of(name);
        Path source = Path.of("databases", database(), name);
        return Files.exists(file) || !Files.exists(source) ? file : source;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
