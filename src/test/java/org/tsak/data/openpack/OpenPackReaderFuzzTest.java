package org.tsak.data.openpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.tsak.data.DataFormatException;
import org.tsak.data.Recording;
import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link OpenPackReader} (all sensors): one file of a small OpenPack
 * session (the synthetic {@link OpenPackFixture} session, and the 300-row head of the real
 * sample when it is present) is deleted or damaged by one to three {@link Corruption}s. The read
 * must fail with a {@link DataFormatException} naming a file of the session (and a line inside
 * it), or return one valid recording; if it holds fewer samples than the clock file (atr01) has
 * rows, a note must say what was dropped. 200 tries with a fixed seed by default, 2,000 with a
 * random seed under the {@code fuzz} tag.
 */
class OpenPackReaderFuzzTest {

    private static final List<Map<String, byte[]>> LAYOUTS = layouts();
    private static final String CLOCK_FILE = OpenPackLayouts.USER + "/atr/atr01/" + OpenPackLayouts.SESSION + ".csv";
    private static final FuzzTally TALLY = new FuzzTally("OpenPackReader", "with a repair or flaw noted");

    /**
     * What is done to one file of a layout.
     *
     * @param layout      index into the layouts
     * @param file        index of the file (modulo the layout's file count)
     * @param delete      delete the file instead of damaging it
     * @param corruptions the damage
     */
    record Damage(int layout, int file, boolean delete, List<Corruption> corruptions) {
    }

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedSessionFailsClearlyOrReadsValid(@ForAll("damages") Damage damage) throws IOException {
        readDamaged(damage);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedSessionFailsClearlyOrReadsValidFuzz(@ForAll("damages") Damage damage) throws IOException {
        readDamaged(damage);
    }

    @Provide
    Arbitrary<Damage> damages() {
        return Combinators.combine(Arbitraries.integers().between(0, LAYOUTS.size() - 1),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 24).map(k -> k == 0),
                Corruptions.forCsv()).as(Damage::new);
    }

    private static void readDamaged(Damage damage) throws IOException {
        Map<String, byte[]> layout = LAYOUTS.get(damage.layout());
        List<String> names = new ArrayList<>(layout.keySet());
        String target = names.get(damage.file() % names.size());
        try (ScratchDir dir = ScratchDir.create("openpack")) {
            Map<String, byte[]> written = new java.util.HashMap<>();
            for (Map.Entry<String, byte[]> e : layout.entrySet()) {
                byte[] b = e.getValue();
                if (e.getKey().equals(target)) {
                    if (damage.delete()) {
                        continue;
                    }
                    b = Corruptions.applyAll(damage.corruptions(), b);
                }
                dir.write(e.getKey(), b);
                written.put(e.getKey(), b);
            }
            Path root = dir.root();
            FuzzOracle.Outcome<List<Recording>> o = FuzzOracle.attempt(() -> new OpenPackReader().read(root));
            if (o.error() != null) {
                long maxLine = 0;
                if (o.error() instanceof DataFormatException d && d.file() != null && d.file().startsWith(root)) {
                    byte[] b = written.get(root.relativize(d.file()).toString().replace('\\', '/'));
                    maxLine = b == null ? 0 : FuzzOracle.maxLines(b);
                }
                FuzzOracle.assertClearError(o.error(), DataFormatException.class, root.toString(), maxLine);
                TALLY.error();
                return;
            }
            assertEquals(1, o.value().size());
            Recording r = o.value().get(0);
            byte[] clock = written.get(CLOCK_FILE);
            FuzzOracle.assertValidRecording(r, FuzzOracle.maxLines(clock));
            int rows = dataRows(clock);
            if (r.sampleCount() < rows) {
                assertTrue(r.notes().stream().anyMatch(s -> s.contains("dropped")), r.sampleCount()
                        + " samples from " + rows + " clock rows but no note says what was dropped: " + r.notes());
            }
            TALLY.valid(!r.notes().isEmpty());
        }
    }

    /** Non-blank lines after the first. */
    private static int dataRows(byte[] file) {
        String[] lines = new String(file, StandardCharsets.ISO_8859_1).split("\n");
        int n = 0;
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                n++;
            }
        }
        return n;
    }

    private static List<Map<String, byte[]>> layouts() {
        List<Map<String, byte[]>> out = new ArrayList<>();
        out.add(OpenPackLayouts.synthetic());
        OpenPackLayouts.sampleHead(300).ifPresent(out::add);
        return List.copyOf(out);
    }
}
