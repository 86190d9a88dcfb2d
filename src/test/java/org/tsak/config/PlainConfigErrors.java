package org.tsak.config;

import java.util.List;

import org.opentest4j.AssertionFailedError;

/** The test of issue 11, kind 3: no library-internal wording in a config error's message. */
final class PlainConfigErrors {

    /** Fragments of Jackson's and Java's own messages that must never reach the user. */
    static final List<String> LIBRARY_WORDS = List.of("Cannot ", "creator", "Creator", "`", "java.", "com.fasterxml",
            "CoercionConfig", "DeserializationFeature", "MapperFeature", "reference chain", "[Source:", "JsonToken",
            "instance of", "For input string", "org.tsak", "$", "snakeyaml", "in 'reader'", "Exception");

    private PlainConfigErrors() {
    }

    /**
     * Fails if the message holds any of {@link #LIBRARY_WORDS} outside single quotes: quoted text
     * is the user's own (a key or value echoed back, which a damaged file may fill with '$' or '`').
     */
    static void assertPlain(String message) {
        String ours = message.replaceAll("'[^'\\n]*'", "''");
        for (String w : LIBRARY_WORDS) {
            if (ours.contains(w)) {
                throw new AssertionFailedError("library wording '" + w + "' in a config error: " + message);
            }
        }
    }
}
