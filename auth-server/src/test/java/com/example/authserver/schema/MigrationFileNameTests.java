package com.example.authserver.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationFileNameTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../AddDepartment",
                "Add Department",
                "Add-Department",
                "add_department.sql",
                "1AddDepartment",
                "_AddDepartment",
                "AddDépartement",
                "Add\nDepartment"
            })
    void refusesANameThatIsNotAnIdentifierNamingTheProperty(String name) {
        assertThatThrownBy(() -> MigrationFileName.next(name, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dname")
                .hasMessageContaining("AddDepartment");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void aMissingNameSaysHowToGiveOne(String name) {
        assertThatThrownBy(() -> MigrationFileName.next(name, List.of()))
                .hasMessage("Name the migration with -Dname, for example: ./mvnw -Pnew-migration -Dname=AddDepartment");
    }

    @Test
    void refusesANameLongerThanAHundredCharacters() {
        assertThatThrownBy(() -> MigrationFileName.next("A".repeat(101), List.of()))
                .hasMessageContaining("at most 100");
        assertThat(MigrationFileName.next("A".repeat(100), List.of()).description())
                .hasSize(100);
    }

    @ParameterizedTest
    @CsvSource({
        "AddDepartment, add_department",
        "addDepartment, add_department",
        "add_department, add_department",
        "AddURLToUsers, add_url_to_users",
        "AddV2Field, add_v2_field",
        "Add__Two_, add_two"
    })
    void theNameBecomesSnakeCase(String name, String description) {
        assertThat(MigrationFileName.snakeCase(name)).isEqualTo(description);
    }

    @Test
    void theFirstProjectMigrationIsVersionTwoAfterTheFrameworksOnes() {
        assertThat(MigrationFileName.next("AddDepartment", List.of("1.1", "1.2", "1.9", "1.11"))
                        .fileName())
                .isEqualTo("V2__add_department.sql");
        assertThat(MigrationFileName.next("AddDepartment", List.of()).fileName())
                .isEqualTo("V2__add_department.sql");
    }

    @Test
    void aLaterMigrationTakesTheNextMajorVersion() {
        assertThat(MigrationFileName.next("AddDepartment", List.of("1.1", "4", "2", "3.1"))
                        .fileName())
                .isEqualTo("V5__add_department.sql");
    }
}
