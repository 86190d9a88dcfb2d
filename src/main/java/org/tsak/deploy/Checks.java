package org.tsak.deploy;

/** Argument checks shared by the deploy records: array lengths and finiteness. */
final class Checks {

    private Checks() {
    }

    /**
     * Copies an array after checking it is non-null, of the expected length and all finite.
     *
     * @throws IllegalArgumentException naming the array and what is wrong
     */
    static float[] copy(String what, float[] values, long expectedLength) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        if (values.length != expectedLength) {
            throw new IllegalArgumentException(what + " has " + values.length + " values, expected "
                    + expectedLength);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + values[i] + "; values must be finite");
            }
        }
        return values.clone();
    }
}
