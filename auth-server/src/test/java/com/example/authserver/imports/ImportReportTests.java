package com.example.authserver.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The report prints values of the source (user names, client ids, reasons quoting them): a hostile source must not
 * reach the operator's terminal with escape sequences or reorder what they read with bidi controls.
 */
class ImportReportTests {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private final ImportReport report = new ImportReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anEscapeSequenceAndABidiOverrideInARowArePrintedEscaped() {
        report.failed("user \u001b]0;owned\u0007\u001b[2Jmallory\u202egnp.exe", "reason \u009b31m\u007f");
        report.skipped("client a\u2066b\u2069", "unchanged\u200e\r\nfailed  forged line");
        report.warning("role \u200fx", "text\u00ad\ufeff");
        report.info("info \u0000\u2028end");

        String out = printed();

        assertThat(out.codePoints().filter(c -> c != '\n'))
                .as("no control, format or line-separator character reaches the terminal raw: %s", out)
                .noneMatch(c -> Character.isISOControl(c)
                        || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.LINE_SEPARATOR);
        assertThat(out)
                .contains(
                        "failed  user \\u001b]0;owned\\u0007\\u001b[2Jmallory\\u202egnp.exe: reason \\u009b31m\\u007f\n")
                .contains("skipped client a\\u2066b\\u2069: unchanged\\u200e\\u000d\\u000afailed  forged line\n")
                .contains("warning role \\u200fx: text\\u00ad\\ufeff\n")
                .contains("info \\u0000\\u2028end\n");
        assertThat(out.lines())
                .as("one line per row: a source cannot forge report lines")
                .hasSize(4);
    }

    @Test
    void ordinaryTextIncludingNonLatinLettersIsPrintedAsItIs() {
        report.skipped("user Zoë Ångström 山田 عمر", "unchanged since the last import");

        assertThat(printed()).isEqualTo("skipped user Zoë Ångström 山田 عمر: unchanged since the last import\n");
    }

    @Test
    void aSupplementaryFormatCharacterIsEscaped() {
        report.info("tag \udb40\udc01 end \ud83d\ude00");

        assertThat(printed()).isEqualTo("tag \\udb40\\udc01 end \ud83d\ude00\n");
    }
}
