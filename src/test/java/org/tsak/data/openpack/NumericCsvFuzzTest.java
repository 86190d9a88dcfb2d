package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.opentest4j.AssertionFailedError;
import org.tsak.data.DataFormatException;
import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link NumericCsv} on an ATR file (the head of the real sample's
 * atr01 when present, else the synthetic fixture's): a damaged file must fail with a
 * {@link DataFormatException} naming the file and a line inside it, or give finite values and no
 * more rows than lines; a file cut at any byte must fail or give an exact prefix of the rows.
 * 200 tries with a fixed seed by default, 2,000 with a random seed under the {@code fuzz} tag.
 */
class NumericCsvFuzzTest {

    private static final String ATR = OpenPackLayouts.USER + "/atr/atr01/" + OpenPackLayouts.SESSION + ".csv";
    private static final byte[] BASE = OpenPackLayouts.sampleHead(300).orElseGet(OpenPackLayouts::synthetic).get(ATR);
    private static final List<String> COLUMNS = List.of("acc_x", "acc_y", "acc_z", "gyro_x", "gyro_y", "gyro_z",
            "quat_w", "quat_x", "quat_y", "quat_z");
    private static final FuzzTally TALLY = new FuzzTally("NumericCsv", "different from the undamaged file");

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedFileFailsClearlyOrReadsFinite(@ForAll("corruptions") List<Corruption> corruptions) throws IOException {
        readDamaged(corruptions);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedFileFailsClearlyOrReadsFiniteFuzz(@ForAll("corruptions") List<Corruption> corruptions)
            throws IOException {
        readDamaged(corruptions);
    }

    @Property(tries = 200, seed = "20261125")
    void truncatedFileFailsOrReadsExactPrefix(@ForAll("fractions") double at) throws IOException {
        readTruncated(at);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void truncatedFileFailsOrReadsExactPrefixFuzz(@ForAll("fractions") double at) throws IOException {
        readTruncated(at);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        return Corruptions.forCsv();
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    private static void readDamaged(List<Corruption> corruptions) throws IOException {
        byte[] damaged = Corruptions.applyAll(corruptions, BASE);
        try (ScratchDir dir = ScratchDir.create("numeric-csv")) {
            Path file = dir.write("S0500.csv", damaged);
            FuzzOracle.Outcome<NumericCsv> o = FuzzOracle.attempt(() -> NumericCsv.read(file, "unixtime", COLUMNS));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, file.toString(),
                        FuzzOracle.maxLines(damaged));
                TALLY.error();
                return;
            }
            NumericCsv csv = o.value();
            if (csv.rowCount() < 1 || csv.rowCount() > FuzzOracle.maxLines(damaged)) {
                throw new AssertionFailedError(csv.rowCount() + " rows from " + FuzzOracle.maxLines(damaged)
                        + " lines");
            }
            NumericCsv whole = NumericCsv.read(dir.write("whole.csv", BASE), "unixtime", COLUMNS);
            boolean differs = !Arrays.equals(whole.timesMs(), csv.timesMs());
            for (int k = 0; k < COLUMNS.size(); k++) {
                for (float v : csv.column(k)) {
                    if (!Float.isFinite(v)) {
                        throw new AssertionFailedError(COLUMNS.get(k) + " holds " + v + " after " + corruptions);
                    }
                }
                differs |= !Arrays.equals(whole.column(k), csv.column(k));
            }
            TALLY.valid(differs);
        }
    }

    private static void readTruncated(double at) throws IOException {
        Corruption cut = new Corruption.Truncate(at);
        byte[] damaged = cut.apply(BASE);
        try (ScratchDir dir = ScratchDir.create("numeric-csv")) {
            NumericCsv whole = NumericCsv.read(dir.write("whole.csv", BASE), "unixtime", COLUMNS);
            Path file = dir.write("S0500.csv", damaged);
            FuzzOracle.Outcome<NumericCsv> o = FuzzOracle.attempt(() -> NumericCsv.read(file, "unixtime", COLUMNS));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, file.toString(),
                        FuzzOracle.maxLines(damaged));
                TALLY.error();
                return;
            }
            NumericCsv csv = o.value();
            int n = csv.rowCount();
            assertArrayEquals(Arrays.copyOf(whole.timesMs(), n), csv.timesMs(), cut.toString());
            for (int k = 0; k < COLUMNS.size(); k++) {
                assertArrayEquals(Arrays.copyOf(whole.column(k), n), csv.column(k), cut + ": " + COLUMNS.get(k));
            }
            TALLY.valid(false);
        }
    }
}
