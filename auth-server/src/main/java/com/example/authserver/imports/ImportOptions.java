package com.example.authserver.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --name=value} and {@code --flag} options of an import command. Names an import does not know are
 * refused, so that a typo ({@code --dryrun}) never turns a dry run into a real one; Spring's own settings
 * ({@code --spring.datasource.url=...}, {@code --authforge...}, {@code --logging...}) pass through to the context.
 */
public final class ImportOptions {

    /** Options every import takes. */
    static final Set<String> COMMON = Set.of("dry-run");

    private static final List<String> SPRING_PREFIXES =
            List.of("spring.", "authforge.", "logging.", "management.", "server.", "debug", "trace");

    private final Map<String, String> values;

    private ImportOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses the arguments after {@code import <kind>}; fails naming the first option the import does not take. */
    static ImportOptions parse(List<String> arguments, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new ImportFailure("Unexpected argument '" + argument + "': options are written --name=value");
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
            String value = equals < 0 ? "" : argument.substring(equals + 1);
            if (SPRING_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            if (!known.contains(name) && !COMMON.contains(name)) {
                throw new ImportFailure("Unknown option --" + name);
            }
            if (values.putIfAbsent(name, value) != null) {
                throw new ImportFailure("Option --" + name + " is given twice");
            }
        }
        return new ImportOptions(values);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    /**
     * A secret option ({@code source-password}): from the command line, else from the environment variable
     * {@code AUTHFORGE_IMPORT_} + its name ({@code AUTHFORGE_IMPORT_SOURCE_PASSWORD}), so that it need not appear in
     * the shell history or the process list.
     */
    public Optional<String> secret(String name) {
        return value(name)
                .or(() -> Optional.ofNullable(System.getenv(variable(name))).filter(v -> !v.isEmpty()));
    }

    /** The environment variable a secret option may come from. */
    public static String variable(String name) {
        return "AUTHFORGE_IMPORT_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The option's value; fails naming the option when it is missing or empty. */
    public String required(String name) {
        return value(name).orElseThrow(() -> new ImportFailure("Missing option --" + name + "=..."));
    }

    public boolean flag(String name) {
        String value = values.get(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new ImportFailure("Option --" + name + " takes no value, or true or false");
        };
    }

    /** True if {@code --dry-run} was given: the import reports what it would do and writes nothing. */
    public boolean dryRun() {
        return flag("dry-run");
    }
}
