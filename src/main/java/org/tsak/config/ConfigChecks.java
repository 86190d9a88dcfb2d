package org.tsak.config;

import java.util.List;

/** Validation checks shared by the config records; messages name the key path and value. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    static void positive(String keyPath, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(keyPath + ": must be > 0, got " + value);
        }
    }

    static void inRange(String keyPath, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(keyPath + ": must be in [" + min + ", " + max + "], got " + value);
        }
    }

    static void oneOf(String keyPath, String value, List<String> valid) {
        if (!valid.contains(value)) {
            throw new IllegalArgumentException(keyPath + ": unknown value '" + value + "'; valid: " + valid);
        }
    }
}
