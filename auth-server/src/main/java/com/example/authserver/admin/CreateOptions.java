package com.example.authserver.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code admin create}: {@code --username=<name> --email=<email> [--force] [--link]}. Any other name is
 * refused (a typo must not create an administrator in some other way than asked); Spring's own settings
 * ({@code --spring.datasource.url=...}, {@code --authforge...}, {@code --logging...}) pass through to the context.
 */
record CreateOptions(String userName, String email, boolean force, boolean link) {

    static final String USAGE = "Usage: admin create --username=<name> --email=<email> [--force] [--link]";

    private static final Set<String> KNOWN = Set.of("username", "email", "force", "link");

    private static final List<String> SPRING_PREFIXES =
            List.of("spring.", "authforge.", "logging.", "management.", "server.", "debug", "trace");

    /** Parses the arguments after {@code admin create}; fails naming the first one it does not take. */
    static CreateOptions parse(List<String> arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || argument.length() == 2) {
                throw new CommandFailure("Unexpected argument '" + argument + "': options are written --name=value");
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument.substring(2) : argument.substring(2, equals);
            String value = equals < 0 ? null : argument.substring(equals + 1);
            if (SPRING_PREFIXES.stream().anyMatch(name::startsWith)) {
                continue;
            }
            if (!KNOWN.contains(name)) {
                throw new CommandFailure("Unknown option --" + name);
            }
            if (values.containsKey(name)) {
                throw new CommandFailure("Option --" + name + " is given twice");
            }
            values.put(name, value);
        }
        return new CreateOptions(
                required(values, "username"), required(values, "email"), flag(values, "force"), flag(values, "link"));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new CommandFailure("Missing option --" + name + "=...");
        }
        return value.strip();
    }

    private static boolean flag(Map<String, String> values, String name) {
        if (!values.containsKey(name)) {
            return false;
        }
        String value = values.get(name);
        if (value == null || value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new CommandFailure("Option --" + name + " takes no value, or true or false");
    }
}
