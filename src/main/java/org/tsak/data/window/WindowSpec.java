package org.tsak.data.window;

/**
 * Window length and stride in seconds; converted to samples at a recording's rate.
 * The paper's setting (a choice, see docs/METHOD.md, "Decisions the paper leaves open") is
 * 2 s windows with a 1 s stride at 30 Hz.
 *
 * @param windowSeconds window length in seconds, &gt; 0
 * @param strideSeconds distance between window starts in seconds, &gt; 0
 */
public record WindowSpec(double windowSeconds, double strideSeconds) {

    /** Validates both durations. */
    public WindowSpec {
        if (!(windowSeconds > 0) || Double.isInfinite(windowSeconds)) {
            throw new IllegalArgumentException("windowSeconds must be a positive number, got "
                    + windowSeconds + " (the paper uses 2.0)");
        }
        if (!(strideSeconds > 0) || Double.isInfinite(strideSeconds)) {
            throw new IllegalArgumentException("strideSeconds must be a positive number, got "
                    + strideSeconds + " (the paper uses 1.0)");
        }
    }

    /**
     * Window length in samples: {@code round(windowSeconds * samplingRateHz)}.
     *
     * @throws IllegalArgumentException if that is less than one sample
     */
    public int windowSamples(double samplingRateHz) {
        return toSamples("windowSeconds", windowSeconds, samplingRateHz);
    }

    /**
     * Stride in samples: {@code round(strideSeconds * samplingRateHz)}.
     *
     * @throws IllegalArgumentException if that is less than one sample
     */
    public int strideSamples(double samplingRateHz) {
        return toSamples("strideSeconds", strideSeconds, samplingRateHz);
    }

    private static int toSamples(String name, double seconds, double samplingRateHz) {
        if (!(samplingRateHz > 0) || Double.isInfinite(samplingRateHz)) {
            throw new IllegalArgumentException("samplingRateHz must be positive, got " + samplingRateHz);
        }
        long samples = Math.round(seconds * samplingRateHz);
        if (samples < 1 || samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " = " + seconds + " s at " + samplingRateHz
                    + " Hz gives " + samples + " samples; choose a duration of at least one sample ("
                    + (1.0 / samplingRateHz) + " s)");
        }
        return (int) samples;
    }
}
