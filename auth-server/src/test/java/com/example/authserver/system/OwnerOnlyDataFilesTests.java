package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.authserver.AuthServerApplication;
import com.example.authserver.support.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server's files on disk (the H2 database, the development key-encryption key) are for their owner only, on a
 * real start: a new database folder is created so, an existing folder and key file are tightened.
 */
class OwnerOnlyDataFilesTests {

    @TempDir
    Path temporary;

    @Test
    void theDatabaseAndTheKeyFileAreReadableByTheirOwnerOnly() throws IOException {
        assumeTrue(temporary.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path databaseFolder = temporary.resolve("data"); // not there yet: H2 would create it with the umask
        Path keyFolder = Files.createDirectories(temporary.resolve("keys"));
        Files.setPosixFilePermissions(keyFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path keyFile = Files.writeString(
                keyFolder.resolve("development-signing-kek"),
                Base64.getEncoder().encodeToString(new byte[32])); // written before this protection existed
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        boolean h2 = "h2".equals(TestDatabase.projectVendor());
        TestDatabase database = h2 ? null : TestDatabase.create();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--authforge.keys.development-key-file=" + keyFile));
        Map<String, Object> connection = h2
                ? Map.of(
                        "spring.datasource.url",
                        "jdbc:h2:file:" + databaseFolder + "/authserver;NON_KEYWORDS=VALUE",
                        "spring.datasource.username",
                        "sa",
                        "spring.datasource.password",
                        "")
                : database.springProperties();
        connection.forEach((name, value) -> arguments.add("--" + name + "=" + value));

        try (ConfigurableApplicationContext server =
                new SpringApplicationBuilder(AuthServerApplication.class).run(arguments.toArray(String[]::new))) {
            assertThat(permissions(keyFolder)).isEqualTo("rwx------");
            assertThat(permissions(keyFile)).isEqualTo("rw-------");
            if (h2) {
                assertThat(permissions(databaseFolder)).isEqualTo("rwx------");
                List<Path> files;
                try (Stream<Path> listing = Files.list(databaseFolder)) {
                    files = listing.toList();
                }
                assertThat(files)
                        .extracting(file -> file.getFileName().toString())
                        .contains("authserver.mv.db");
                assertThat(files)
                        .allSatisfy(file -> assertThat(permissions(file))
                                .as(file.toString())
                                .isEqualTo("rw-------"));
            }
        } finally {
            if (database != null) {
                database.drop();
            }
        }
    }

    @Test
    void onlyEmbeddedH2FileUrlsNameADatabaseFile() {
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:h2:file:./data/authserver;NON_KEYWORDS=VALUE"))
                .isEqualTo(Path.of("data/authserver").toAbsolutePath());
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:h2:/srv/auth/db")).isEqualTo(Path.of("/srv/auth/db"));
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:h2:~/auth"))
                .isEqualTo(Path.of(System.getProperty("user.home"), "auth"));
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isNull();
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:h2:tcp://db:9092/auth"))
                .isNull();
        assertThat(OwnerOnlyDataFiles.h2DatabaseFile("jdbc:postgresql://db/auth"))
                .isNull();
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
