package com.example.authserver.schema;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of the next Flyway script, {@code V<n>__<name in snake_case>.sql}: the framework's own scripts are
 * versions 1.x, so a project's first script is V2, and each later one takes the next major version after the
 * highest there is (V5 after V4__..., whichever folder it is in: the folders share one schema history).
 */
record MigrationFileName(BigInteger version, String description) {

    /** A Java-style identifier: nothing that could leave the migration folder or confuse Flyway. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

    /** The first version a project's own migrations use (the baseline scripts are V1_1, V1_2, ...). */
    private static final BigInteger FIRST_PROJECT_VERSION = BigInteger.TWO;

    /**
     * The next file for the migration named {@code name} (from {@code -Dname}), after the given Flyway
     * versions ({@code 1.9}, {@code 4}, ...).
     *
     * @throws IllegalArgumentException naming {@code -Dname} when the name is missing or not an identifier
     */
    static MigrationFileName next(String name, Collection<String> existingVersions) {
        return new MigrationFileName(nextVersion(existingVersions), snakeCase(name));
    }

    static BigInteger nextVersion(Collection<String> existingVersions) {
        BigInteger highest = existingVersions.stream()
                .map(version -> new BigInteger(version.split("[._]", 2)[0]))
                .max(BigInteger::compareTo)
                .orElse(BigInteger.ZERO);
        return highest.compareTo(FIRST_PROJECT_VERSION) < 0 ? FIRST_PROJECT_VERSION : highest.add(BigInteger.ONE);
    }

    /** AddDepartment, addDepartment and add_department all become add_department; AddURL becomes add_url. */
    static String snakeCase(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "Name the migration with -Dname, for example: ./mvnw -Pnew-migration -Dname=AddDepartment");
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("-Dname must be a name like AddDepartment (a letter, then letters, "
                    + "digits or underscores, at most 100), not '" + name + "'");
        }
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
                .replaceAll("_+", "_")
                .replaceAll("_$", "")
                .toLowerCase(Locale.ROOT);
    }

    String fileName() {
        return "V" + version + "__" + description + ".sql";
    }
}
