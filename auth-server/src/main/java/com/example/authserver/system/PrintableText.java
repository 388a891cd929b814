package com.example.authserver.system;

import java.util.Locale;

/**
 * Text from outside (a user name, a source row, a header) made safe to print on a terminal or in a log line: a line
 * break in it cannot forge another line, a bidi override cannot hide what follows.
 */
public final class PrintableText {

    private PrintableText() {}

    /**
     * The text with every character a terminal could act on written as a Java escape (backslash, u, four hex
     * digits): control characters (C0, DEL, C1, so also line breaks), format characters (category Cf: the bidi
     * marks, embeddings, overrides and isolates, zero-width characters), line and paragraph separators and unpaired
     * surrogates. Letters of every script are kept as they are.
     */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder printable = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isUnsafe(c)) {
                for (char unit : Character.toChars(c)) {
                    printable.append(String.format(Locale.ROOT, "\\u%04x", (int) unit));
                }
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }

    /**
     * The text cut to at most {@code length} characters (UTF-16 units), never between the two halves of a surrogate
     * pair (a database would refuse half a character, a page would show it as a replacement mark); null stays null.
     */
    public static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c)
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
