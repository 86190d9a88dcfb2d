package org.tsak.model;

/** Argument checks shared by the model specs; messages name the spec, field and value. */
final class SpecChecks {

    private SpecChecks() {
    }

    static void positive(String spec, String field, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(spec + "." + field + " must be positive, was "
                    + value);
        }
    }

    static void oddKernel(String spec, int kernelSize) {
        positive(spec, "kernelSize", kernelSize);
        if (kernelSize % 2 == 0) {
            throw new IllegalArgumentException(spec + ".kernelSize must be odd so that padding "
                    + "kernelSize/2 keeps the window length, was " + kernelSize);
        }
    }

    static void dropout(String spec, double dropout) {
        if (!(dropout >= 0.0 && dropout < 1.0)) {
            throw new IllegalArgumentException(spec + ".dropout must be in [0, 1), was " + dropout);
        }
    }
}
