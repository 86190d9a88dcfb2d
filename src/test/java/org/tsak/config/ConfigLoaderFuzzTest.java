package org.tsak.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;

import org.tsak.testing.Corruption;
import org.tsak.testing.Corruptions;
import org.tsak.testing.FuzzOracle;
import org.tsak.testing.FuzzTally;
import org.tsak.testing.ScratchDir;

/**
 * Property-based fuzzing of {@link ConfigLoader} (load, and through it parse): the demo config
 * as written in {@code configs/demo.yaml} and as {@link ConfigLoader#toYaml} writes it is damaged
 * by one to three {@link Corruption}s. Loading must fail with an
 * {@link IllegalArgumentException} naming the file in plain words (no library wording, see
 * {@link PlainConfigErrors}), or give a config that survives
 * {@code toYaml} and {@code parse} unchanged. 200 tries with a fixed seed by default, 2,000 with
 * a random seed under the {@code fuzz} tag.
 */
class ConfigLoaderFuzzTest {

    private static final List<byte[]> BASES = seedFiles();
    private static final FuzzTally TALLY = new FuzzTally("ConfigLoader", "different from the undamaged file");

    @AfterContainer
    static void printTally() {
        TALLY.print();
    }

    @Property(tries = 200, seed = "20261125")
    void damagedConfigFailsClearlyOrLoadsConsistently(@ForAll("bases") int base,
            @ForAll("corruptions") List<Corruption> corruptions) throws IOException {
        loadDamaged(BASES.get(base), corruptions);
    }

    @Property(tries = 2000)
    @Tag("fuzz")
    void damagedConfigFailsClearlyOrLoadsConsistentlyFuzz(@ForAll("bases") int base,
            @ForAll("corruptions") List<Corruption> corruptions) throws IOException {
        loadDamaged(BASES.get(base), corruptions);
    }

    @Provide
    Arbitrary<Integer> bases() {
        return Arbitraries.integers().between(0, BASES.size() - 1);
    }

    @Provide
    Arbitrary<List<Corruption>> corruptions() {
        return Corruptions.forStructuredText();
    }

    private static void loadDamaged(byte[] original, List<Corruption> corruptions) throws IOException {
        byte[] damaged = Corruptions.applyAll(corruptions, original);
        try (ScratchDir dir = ScratchDir.create("config")) {
            Path file = dir.write("demo.yaml", damaged);
            FuzzOracle.Outcome<ExperimentConfig> o = FuzzOracle.attempt(() -> ConfigLoader.load(file));
            if (o.error() != null) {
                FuzzOracle.assertClearError(o.error(), IllegalArgumentException.class, file.toString(), 0);
                PlainConfigErrors.assertPlain(o.error().getMessage().replace(file.toString(), "FILE"));
                TALLY.error();
                return;
            }
            ExperimentConfig c = o.value();
            assertEquals(c, ConfigLoader.parse(ConfigLoader.toYaml(c), "written back"));
            TALLY.valid(!c.equals(ConfigLoader.load(dir.write("whole.yaml", original))));
        }
    }

    private static List<byte[]> seedFiles() {
        try {
            String demo = Files.readString(Path.of("configs/demo.yaml"), StandardCharsets.UTF_8);
            String written = ConfigLoader.toYaml(ConfigLoader.parse(demo, "configs/demo.yaml"));
            return List.of(demo.getBytes(StandardCharsets.UTF_8), written.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
