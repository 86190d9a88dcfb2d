package org.tsak.report.plot;

import java.awt.Color;

import org.tsak.data.Operations;

/** One fixed colour per operation (a colour-blind-aware palette), grey for Null. */
public final class OperationColors {

    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
        new Color(0xBCBD22), new Color(0x393B79), new Color(0xC7C7C7)};

    private OperationColors() {
    }

    /** Colour of an operation id. */
    public static Color of(int operationId) {
        return PALETTE[Operations.indexOf(operationId)];
    }

    /** CSS hex colour of an operation id, e.g. {@code #1f77b4}. */
    public static String css(int operationId) {
        return String.format("#%06x", of(operationId).getRGB() & 0xFFFFFF);
    }
}
