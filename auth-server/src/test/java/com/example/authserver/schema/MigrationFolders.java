package com.example.authserver.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The source folders of the project's Flyway locations ({@code classpath:db/migration/h2/identity} is
 * {@code src/main/resources/db/migration/h2/identity}, or the same under the folder of a database where the
 * server is developed), and which one a new script belongs in: the folder whose scripts create the table it
 * changes (identity for the user store, ...), the first location (identity) for new tables.
 */
final class MigrationFolders {

    private static final String RESOURCES = "src/main/resources/";

    /** Build output, version control, IDE settings: never where a project keeps its migrations. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", "data");

    private final Map<String, Path> folders;

    private MigrationFolders(Map<String, Path> folders) {
        this.folders = folders;
    }

    /** @param locations Flyway locations with the vendor filled in, in the project's order */
    static MigrationFolders find(Path project, List<String> locations) {
        Path projectDir = project.toAbsolutePath();
        Map<String, Path> folders = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Set<Path> resourceRoots = new LinkedHashSet<>();
        for (String location : locations) {
            if (location.startsWith("filesystem:")) {
                folders.put(location, projectDir.resolve(location.substring("filesystem:".length())));
                continue;
            }
            String relative = location.replaceFirst("^classpath:", "").replaceFirst("^/+", "");
            List<Path> found = foldersEndingWith(projectDir, RESOURCES + relative);
            if (found.size() > 1) {
                throw new IllegalStateException(
                        "The migrations of " + location + " are in more than one folder: " + found + "; keep one");
            }
            if (found.isEmpty()) {
                missing.put(location, relative);
            } else {
                folders.put(location, found.get(0));
                resourceRoots.add(rootOf(found.get(0), relative));
            }
        }
        missing.forEach((location, relative) -> {
            if (resourceRoots.size() != 1) {
                throw new IllegalStateException(
                        "Could not find the source folder of the Flyway location " + location + " under " + projectDir);
            }
            folders.put(location, resourceRoots.iterator().next().resolve(relative));
        });
        return new MigrationFolders(folders);
    }

    /** The source folder of a Flyway location (with the vendor filled in). */
    Path folder(String location) {
        return folders.get(location);
    }

    /** The folders as Flyway locations, those that exist (a location may have no script yet). */
    String[] flywayLocations() {
        return folders.values().stream()
                .filter(Files::isDirectory)
                .map(folder -> "filesystem:" + folder)
                .toArray(String[]::new);
    }

    /** The folder for a script that changes these tables (lower case, in the order the script changes them). */
    Path folderFor(Set<String> tables) {
        List<String> locations = new ArrayList<>(folders.keySet());
        int chosen = locations.size() - 1;
        for (String table : tables) {
            chosen = Math.min(chosen, locations.indexOf(ownerOf(table).orElse(locations.get(0))));
        }
        return folders.get(locations.get(Math.max(chosen, 0)));
    }

    /** The location whose scripts create the table. */
    private Optional<String> ownerOf(String table) {
        Pattern creates = Pattern.compile(
                "(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?[\"`]?" + Pattern.quote(table) + "[\"`]?[\\s(]");
        return folders.entrySet().stream()
                .filter(entry -> scripts(entry.getValue())
                        .anyMatch(script -> creates.matcher(script).find()))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    private static Stream<String> scripts(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sql =
                    files.filter(file -> file.toString().endsWith(".sql")).toList();
            List<String> texts = new ArrayList<>();
            for (Path file : sql) {
                texts.add(Files.readString(file));
            }
            return texts.stream();
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not read the migrations in " + folder, ex);
        }
    }

    private static Path rootOf(Path folder, String relative) {
        Path root = folder;
        for (int i = 0; i < Path.of(relative).getNameCount(); i++) {
            root = root.getParent();
        }
        return root;
    }

    private static List<Path> foldersEndingWith(Path projectDir, String suffix) {
        Path wanted = Path.of(suffix);
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(projectDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(projectDir) && (name.startsWith(".") || SKIPPED.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (dir.endsWith(wanted)) {
                        found.add(dir);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ex) {
            throw new UncheckedIOException("Could not look for the migrations under " + projectDir, ex);
        }
        return found;
    }
}
