package com.example.authserver.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTests {

    @Test
    void cutKeepsShortTextAndNull() {
        assertThat(PrintableText.cut("abc", 3)).isEqualTo("abc");
        assertThat(PrintableText.cut(null, 3)).isNull();
    }

    @Test
    void cutNeverSplitsASurrogatePair() {
        String text = "ab\uD83D\uDE00c"; // a, b, an emoji (two UTF-16 units), c

        assertThat(PrintableText.cut(text, 3)).isEqualTo("ab");
        assertThat(PrintableText.cut(text, 4)).isEqualTo("ab\uD83D\uDE00");
    }

    @Test
    void lineBreaksAndBidiOverridesBecomeEscapes() {
        assertThat(PrintableText.of("a\nb\u202Ec")).isEqualTo("a\\u000ab\\u202ec");
    }
}
