package com.example.authserver.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The H2 database files and the development key-encryption key file (both in {@code data/} by default) are for the
 * server's owner alone: their folder 0700, the files 0600. H2 would create its folder and files with the process's
 * umask (often readable by every local user), so the folder is created owner-only before H2 opens the database (this
 * runs before any bean, the data source included); what already exists is tightened at every start, and the files
 * created during the start-up (H2's, the key file) once it is done. A folder that also holds other files (a database
 * URL pointing into a home or shared folder) keeps its permissions: only the server's own files in it are tightened.
 * On file systems without POSIX permissions nothing is done.
 */
@Component
class OwnerOnlyDataFiles implements BeanFactoryPostProcessor, EnvironmentAware, SmartInitializingSingleton {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyDataFiles.class);

    /** Each folder with the test for the names of the server's own files in it. */
    private final Map<Path, Predicate<String>> folders = new LinkedHashMap<>();

    private Path databaseFolder;

    /** A bean factory post-processor is made before constructor injection works: the environment comes this way. */
    @Override
    public void setEnvironment(Environment environment) {
        Path database = h2DatabaseFile(environment.getProperty("spring.datasource.url", ""));
        databaseFolder = database == null ? null : database.getParent();
        if (databaseFolder != null) {
            // H2 names its files <name>.mv.db, <name>.trace.db, <name>.lock.db, <name>.<n>.temp.db
            String prefix = database.getFileName() + ".";
            folders.put(databaseFolder, name -> name.startsWith(prefix));
        }
        String keyFile = environment.getProperty("authforge.keys.development-key-file", "");
        if (!keyFile.isBlank()) {
            Path key = Path.of(keyFile).toAbsolutePath().normalize();
            String name = key.getFileName().toString();
            folders.merge(key.getParent(), name::equals, Predicate::or);
        }
    }

    /** Before any bean exists: H2's folder created owner-only if missing, existing files tightened. */
    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (databaseFolder != null && Files.notExists(databaseFolder) && isPosix(databaseFolder)) {
            try {
                Files.createDirectories(databaseFolder, PosixFilePermissions.asFileAttribute(FOLDER));
                Files.setPosixFilePermissions(databaseFolder, FOLDER); // the umask may have taken bits away
            } catch (IOException ex) {
                log.warn("Could not create the database folder {} owner-only: {}", databaseFolder, ex.toString());
            }
        }
        tighten();
    }

    /** After the start-up, which created the database and the key file. */
    @Override
    public void afterSingletonsInstantiated() {
        tighten();
    }

    void tighten() {
        folders.forEach((folder, own) -> {
            if (!Files.isDirectory(folder) || !isPosix(folder)) {
                return;
            }
            try {
                List<Path> entries;
                try (Stream<Path> listing = Files.list(folder)) {
                    entries = listing.toList();
                }
                List<Path> ownFiles = new ArrayList<>();
                for (Path entry : entries) {
                    if (own.test(entry.getFileName().toString()) && Files.isRegularFile(entry)) {
                        ownFiles.add(entry);
                    }
                }
                if (ownFiles.size() == entries.size()) {
                    restrict(folder, FOLDER);
                }
                for (Path file : ownFiles) {
                    restrict(file, FILE);
                }
            } catch (IOException ex) {
                log.warn("Could not make {} readable by its owner only: {}", folder, ex.toString());
            }
        });
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(path);
        if (!before.equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
            log.info("Made {} readable by its owner only (it was {})", path, PosixFilePermissions.toString(before));
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The database file (without H2's extensions) of an embedded H2 URL such as
     * {@code jdbc:h2:file:./data/authserver;...} or {@code jdbc:h2:~/authserver}; null for in-memory and server URLs,
     * and for any other database.
     */
    static Path h2DatabaseFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return null;
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[A-Za-z]{2,}:.*")) { // mem:, tcp:, ssl:, zip:, nio: ... (not C:\ on Windows)
            return null;
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? null : Path.of(name).toAbsolutePath().normalize();
    }
}
