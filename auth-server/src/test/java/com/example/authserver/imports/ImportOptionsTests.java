package com.example.authserver.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImportOptionsTests {

    static final Set<String> KNOWN = Set.of("source-url", "source-username");

    @Test
    void aMisspelledDryRunIsRefusedInsteadOfRunningForReal() {
        assertThatThrownBy(() -> ImportOptions.parse(List.of("--source-url=jdbc:x", "--dryrun"), KNOWN))
                .isInstanceOf(ImportFailure.class)
                .hasMessage("Unknown option --dryrun");
    }

    @Test
    void anOptionGivenTwiceIsRefused() {
        assertThatThrownBy(() -> ImportOptions.parse(List.of("--source-url=a", "--source-url=b"), KNOWN))
                .hasMessage("Option --source-url is given twice");
    }

    @Test
    void aBareWordIsRefused() {
        assertThatThrownBy(() -> ImportOptions.parse(List.of("jdbc:x"), KNOWN))
                .hasMessageContaining("Unexpected argument 'jdbc:x'");
    }

    @Test
    void springSettingsPassThroughToTheContext() {
        ImportOptions options = ImportOptions.parse(
                List.of("--spring.datasource.url=jdbc:h2:mem:x", "--source-url=jdbc:x", "--dry-run"), KNOWN);

        assertThat(options.required("source-url")).isEqualTo("jdbc:x");
        assertThat(options.value("spring.datasource.url")).isEmpty();
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        ImportOptions options = ImportOptions.parse(List.of("--source-url="), KNOWN);

        assertThatThrownBy(() -> options.required("source-url")).hasMessage("Missing option --source-url=...");
    }

    @Test
    void aFlagWithAnotherValueThanTrueOrFalseIsRefused() {
        ImportOptions options = ImportOptions.parse(List.of("--dry-run=yes"), KNOWN);

        assertThatThrownBy(options::dryRun).hasMessageContaining("--dry-run takes no value");
    }

    @Test
    void theSummaryIsTheLastLineEvenOfADryRun() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImportReport report = new ImportReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        report.imported();
        report.failed("user 7", "bad email");

        report.printSummary();

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines)
                .containsExactly(
                        "failed  user 7: bad email",
                        "dry run: nothing was written",
                        "imported: 1, updated: 0, skipped: 0, failed: 1");
    }

    @Test
    void withoutAKindTheCommandPrintsItsUsageAndExitsWithTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = ImportCommandLine.run(
                new String[] {"import"}, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(ImportCommandLine.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: import <kind>");
    }
}
