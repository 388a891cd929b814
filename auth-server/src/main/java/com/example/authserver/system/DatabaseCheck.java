package com.example.authserver.system;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Production data does not belong in an embedded H2 file. */
@Component
class DatabaseCheck implements ProductionCheck {

    private final Environment environment;

    DatabaseCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<InsecureSetting> problems() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            return List.of(new InsecureSetting(
                    "spring.datasource.url (SPRING_DATASOURCE_URL)",
                    "H2 is for development; use PostgreSQL or MySQL/MariaDB (generate the project with "
                            + "-Ddatabase=postgresql or -Ddatabase=mysql)"));
        }
        return List.of();
    }
}
