package com.example.authserver.imports.aspnet;

import com.example.authserver.identity.UserManager;
import com.example.authserver.support.ServerTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the import tests against a SQLite database share: a fresh database as the .NET template creates it, holding
 * {@link DotNetIdentityData}, for every test, and the importer of the shared server context.
 */
@ServerTest
abstract class SqliteSourceTest {

    @Autowired
    AspNetIdentityImporter importer;

    @Autowired
    UserManager userManager;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path folder;

    AspNetIdentitySource source;

    DotNetIdentityData data;

    @BeforeEach
    void dotNetDatabase() {
        source = AspNetIdentitySource.sqlite(folder);
        data = new DotNetIdentityData();
        data.writeTo(source);
    }

    @AfterEach
    void dropSource() {
        source.close();
    }
}
