package org.tsak.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

import org.tsak.data.DataFormatException;
import org.tsak.data.Recording;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link CsvRecordingReader}: simulated recordings written by
 * {@link CsvRecordingWriter} (300 rows) are damaged by one to three {@link Corruption}s; each
 * read must fail with a {@link DataFormatException} naming the file (and a line inside it) or
 * return a valid recording whose gaps are noted. A file cut at any byte must fail or read as an
 * exact prefix of the original. The default run tries each property 200 times with a fixed
 * seed; the {@code fuzz} tag (Maven profile {@code fuzz}) tries 2,000 times with a random seed.
 */
class CsvRecordingReaderFuzzTest {

    private static final int ROWS = 300;
    private static final String FILE_NAME = "W01-S01.csv";
    private static final List<byte[]> BASES = List.of(base(new SimulatorConfig(1, 1, 1, 7), false),
            base(new SimulatorConfig(4, 1, 1, 50.0, 3), false), base(new SimulatorConfig(1, 1, 12, 9), true));
    private static final FuzzTally TALLY = new FuzzTally("CsvRecordingReader", "with a repair or flaw noted");

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedFileFailsClearlyOrReadsValid(@ForAll("bases") int base,
            @ForAll("corruptions") List<Corruption> corruptions) throws IOException {
        readDamaged(BASES.get(base), corruptions);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedFileFailsClearlyOrReadsValidFuzz(@ForAll("bases") int base,
            @ForAll("corruptions") List<Corruption> corruptions) throws IOException {
        readDamaged(BASES.get(base), corruptions);
    }

    @Property(tries = 200, seed = "20261125")
    void truncatedFileFailsOrReadsExactPrefix(@ForAll("bases") int base, @ForAll("fractions") double at)
            throws IOException {
        readTruncated(BASES.get(base), at);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void truncatedFileFailsOrReadsExactPrefixFuzz(@ForAll("bases") int base, @ForAll("fractions") double at)
            throws IOException {
        readTruncated(BASES.get(base), at);
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(0, BASES.size() - 1);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        return Corruptions.forCsv();
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    private static void readDamaged(byte[] original, List<Corruption> corruptions) throws IOException {
        byte[] damaged = Corruptions.applyAll(corruptions, original);
        try (ScratchDir dir = ScratchDir.create("csv")) {
            Path file = dir.write(FILE_NAME, damaged);
            FuzzOracle.Outcome<List<Recording>> o = FuzzOracle.attempt(() -> new CsvRecordingReader().read(file));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, file.toString(),
                        FuzzOracle.maxLines(damaged));
                TALLY.error();
                return;
            }
            assertEquals(1, o.value().size());
            Recording r = o.value().get(0);
            FuzzOracle.assertValidRecording(r, FuzzOracle.maxLines(damaged));
            assertGapsNoted(r);
            TALLY.valid(r.notes().size() > 1);
        }
    }

    private static void readTruncated(byte[] original, double at) throws IOException {
        Corruption cut = new Corruption.Truncate(at);
        byte[] damaged = cut.apply(original);
        Recording whole = read(original);
        try (ScratchDir dir = ScratchDir.create("csv")) {
            Path file = dir.write(FILE_NAME, damaged);
            FuzzOracle.Outcome<Recording> o = FuzzOracle.attempt(() -> new CsvRecordingReader().readFile(file));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, file.toString(),
                        FuzzOracle.maxLines(damaged));
                TALLY.error();
                return;
            }
            Recording r = o.value();
            FuzzOracle.assertValidRecording(r, whole.sampleCount());
            int n = r.sampleCount();
            assertArrayEquals(Arrays.copyOf(whole.timestampsMs(), n), r.timestampsMs(), cut.toString());
            assertArrayEquals(Arrays.copyOf(whole.sampleLabels(), n), r.sampleLabels(), cut.toString());
            assertArrayEquals(Arrays.copyOf(whole.sampleBoxes(), n), r.sampleBoxes(), cut.toString());
            for (int c = 0; c < whole.channels().size(); c++) {
                assertArrayEquals(Arrays.copyOf(whole.channel(c), n), r.channel(c),
                        cut + ": " + whole.channels().get(c));
            }
            TALLY.valid(false);
        }
    }

    /** Every jump of more than 10 nominal periods has its note (the documented repair). */
    private static void assertGapsNoted(Recording r) {
        long[] t = r.timestampsMs();
        long gapMs = (long) Math.floor(CsvRecordingFormat.GAP_FACTOR * 1000.0 / r.samplingRateHz());
        for (int i = 1; i < t.length; i++) {
            long dt = t[i] - t[i - 1];
            if (dt > gapMs) {
                String expected = "gap of " + dt + " ms";
                String between = "timestamps " + t[i - 1] + " and " + t[i];
                assertTrue(r.notes().stream().anyMatch(s -> s.startsWith(expected) && s.contains(between)),
                        "no note on the gap of " + dt + " ms after " + t[i - 1] + ": " + r.notes());
            }
        }
    }

    private static Recording read(byte[] file) throws IOException {
        try (ScratchDir dir = ScratchDir.create("csv")) {
            return new CsvRecordingReader().readFile(dir.write(FILE_NAME, file));
        }
    }

    /**
     * The first (or last, with {@code tail}: box numbers of two digits) {@link #ROWS} data rows of
     * the last recording simulated for {@code config}, as written.
     */
    private static byte[] base(SimulatorConfig config, boolean tail) {
        List<Recording> all = new FactorySimulator(config).simulate();
        StringWriter out = new StringWriter();
        try {
            new CsvRecordingWriter().write(all.get(all.size() - 1), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = out.toString().split("\n");
        int header = 0;
        while (lines[header].startsWith("#")) {
            header++;
        }
        List<String> kept = new java.util.ArrayList<>(Arrays.asList(lines).subList(0, header + 1));
        int from = tail ? lines.length - ROWS : header + 1;
        kept.addAll(Arrays.asList(lines).subList(from, from + ROWS));
        return (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
