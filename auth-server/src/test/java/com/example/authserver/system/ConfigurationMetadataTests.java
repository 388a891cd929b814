package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata (META-INF/spring-configuration-metadata.json, from the Javadoc of the properties classes
 * and additional-spring-configuration-metadata.json) is what IDEs show for {@code authforge.*}: every setting is in it,
 * described, with the default the server really uses, and the configuration files set no setting it lacks.
 */
class ConfigurationMetadataTests {

    static final List<String> CONFIGURATION_FILES = List.of("application.yml", "application-prod.yml", "database.yml");

    final Metadata metadata = Metadata.read();

    @Test
    void everySettingIsDescribed() {
        assertThat(metadata.properties().values())
                .filteredOn(property -> property.description().isBlank())
                .extracting(Property::name)
                .as("settings without a description (Javadoc on the field)")
                .isEmpty();
        assertThat(metadata.properties()).as("settings found").hasSizeGreaterThan(40);
    }

    @Test
    void theDocumentedDefaultIsTheDefaultTheServerUses() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Property property : metadata.properties().values()) {
            Group owner = metadata.ownerOf(property);
            Object bound = new Binder(new MapConfigurationPropertySource()).bindOrCreate(owner.name(), owner.type());
            Value value = read(bound, property.name().substring(owner.name().length() + 1));
            Object actual = value.value();
            Object documented = property.defaultValue() == null ? null : bind(property.defaultValue(), value.type());
            boolean undocumentedEmpty = documented == null
                    && (actual == null
                            || actual instanceof Collection<?> c && c.isEmpty()
                            || actual instanceof Map<?, ?> m && m.isEmpty());
            if (!undocumentedEmpty && !Objects.equals(String.valueOf(documented), String.valueOf(actual))) {
                wrong.add(property.name() + ": documented " + property.defaultValue() + ", used " + actual);
            }
        }
        assertThat(wrong).as("defaults").isEmpty();
    }

    @Test
    void theConfigurationFilesSetOnlyKnownSettings() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (String file : CONFIGURATION_FILES) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    if (name.startsWith("authforge.") && !metadata.knows(name)) {
                        unknown.add(file + ": " + name);
                    }
                }
            }
        }
        assertThat(unknown).as("settings the server does not have").isEmpty();
    }

    /** A documented default as the server would bind it from a configuration file. */
    private static Object bind(Object documented, Class<?> type) {
        String text = documented instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(documented);
        return new Binder(new MapConfigurationPropertySource(Map.of("value", text)))
                .bind("value", Bindable.of(type))
                .orElse(null);
    }

    /** Follows a relaxed property path (kebab-case, dots) through getters and record accessors. */
    private static Value read(Object target, String path) throws ReflectiveOperationException {
        Object current = target;
        Class<?> type = target.getClass();
        for (String part : path.split("\\.")) {
            if (current == null) {
                return new Value(null, type);
            }
            StringBuilder camel = new StringBuilder();
            for (String word : part.split("-")) {
                camel.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            String name = camel.toString();
            Class<?> owner = current.getClass();
            Method accessor = find(owner, "get" + name)
                    .or(() -> find(owner, "is" + name))
                    .or(() -> find(owner, Character.toLowerCase(name.charAt(0)) + name.substring(1)))
                    .orElseThrow(() -> new NoSuchMethodException(path + " on " + target.getClass()));
            accessor.setAccessible(true);
            current = accessor.invoke(current);
            type = accessor.getReturnType();
        }
        return new Value(current, type);
    }

    /** A setting's value and its declared type. */
    record Value(Object value, Class<?> type) {}

    private static Optional<Method> find(Class<?> type, String name) {
        try {
            return Optional.of(type.getDeclaredMethod(name));
        } catch (NoSuchMethodException ex) {
            return Optional.empty();
        }
    }

    record Property(String name, String description, Object defaultValue, String type, String sourceType) {}

    record Group(String name, Class<?> type) {}

    record Metadata(Map<String, Property> properties, List<Group> groups) {

        static Metadata read() {
            try (InputStream json =
                    new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
                JsonMapper mapper = JsonMapper.builder().build();
                JsonNode root = mapper.readTree(json);
                Map<String, Property> properties = new TreeMap<>();
                for (JsonNode node : root.get("properties")) {
                    String name = node.get("name").asString();
                    if (name.startsWith("authforge.")) {
                        JsonNode value = node.get("defaultValue");
                        Object defaultValue = value == null
                                ? null
                                : value.isArray()
                                        ? mapper.convertValue(value, List.class)
                                        : value.isBoolean() ? value.asBoolean() : value.asString();
                        properties.put(
                                name,
                                new Property(
                                        name,
                                        node.path("description").asString(""),
                                        defaultValue,
                                        node.path("type").asString(""),
                                        node.path("sourceType").asString("")));
                    }
                }
                List<Group> groups = new ArrayList<>();
                for (JsonNode node : root.get("groups")) {
                    Class<?> type = Class.forName(node.get("type").asString(), false, Metadata.class.getClassLoader());
                    if (type.isAnnotationPresent(ConfigurationProperties.class) && !node.has("sourceMethod")) {
                        groups.add(new Group(node.get("name").asString(), type));
                    }
                }
                groups.sort(Comparator.comparing((Group group) -> group.name().length())
                        .reversed());
                return new Metadata(properties, groups);
            } catch (IOException | ClassNotFoundException ex) {
                throw new IllegalStateException("Could not read the configuration metadata", ex);
            }
        }

        /** The @ConfigurationProperties class that declares a setting, itself or through a nested class. */
        Group ownerOf(Property property) throws ClassNotFoundException {
            Class<?> type = Class.forName(property.sourceType(), false, Metadata.class.getClassLoader());
            while (!type.isAnnotationPresent(ConfigurationProperties.class) && type.getEnclosingClass() != null) {
                type = type.getEnclosingClass();
            }
            Class<?> declaring = type;
            return groups.stream()
                    .filter(group -> group.type() == declaring)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No properties class holds " + property.name()));
        }

        /** A setting in the metadata, or an entry of one that is a map (clients.configured.x.name, say). */
        boolean knows(String name) {
            String bare = name.replaceAll("\\[\\d+]$", "");
            return properties.containsKey(bare)
                    || properties.values().stream()
                            .anyMatch(property -> property.type().startsWith("java.util.Map")
                                    && bare.startsWith(property.name() + "."));
        }
    }
}
