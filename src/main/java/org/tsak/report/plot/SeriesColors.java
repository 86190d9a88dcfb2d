package org.tsak.report.plot;

import java.awt.Color;

/** Colours of the model series: teacher, semantic classifier, then students in strategy order. */
final class SeriesColors {

    static final Color TEACHER = new Color(0x222222);
    static final Color SC = new Color(0x7F7F7F);
    private static final Color[] STUDENTS = {
        new Color(0x1F77B4), new Color(0xD62728), new Color(0x2CA02C), new Color(0xFF7F0E),
        new Color(0x9467BD), new Color(0x17BECF), new Color(0xE377C2), new Color(0x8C564B),
        new Color(0xBCBD22)};

    private SeriesColors() {
    }

    /** Colour of the {@code i}-th student strategy. */
    static Color student(int i) {
        return STUDENTS[i % STUDENTS.length];
    }
}
