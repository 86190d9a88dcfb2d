package org.tsak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tsak.deploy.CExport;
import org.tsak.deploy.CExporter;
import org.tsak.deploy.CTestWindows;
import org.tsak.deploy.ConfigStudents;
import org.tsak.deploy.ExternalCommand;
import org.tsak.deploy.StudentArtifact;
import org.tsak.deploy.StudentRuntime;
import org.tsak.model.StudentSpec;

/**
 * {@code ./bench c}: the C export of a config's student timed on this machine. For float32 and
 * int8, and for {@code gcc -O2} and {@code gcc -O3 -march=native} (both {@code -std=c99}, so no
 * fused multiply-add contraction), it exports a seeded random-weight student, compiles it with
 * {@link CTimingDriver}, runs it, and prints the median and minimum µs per window over the
 * repeats and the largest |logit difference| from the Java runtime on the embedded test windows.
 *
 * <p>Arguments: {@code [--config FILE] [--seed N] [--windows N] [--repeats N]} (defaults
 * {@code configs/demo.yaml}, 1, 16, 7). Exit code 1 if gcc is missing or fails.
 */
public final class CLatencyBench {

    static final List<List<String>> FLAG_SETS = List.of(List.of("-O2"), List.of("-O3", "-march=native"));

    private CLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.parse(args);
        StudentSpec spec = ConfigStudents.spec(a.config());
        StudentArtifact artifact = ConfigStudents.of(spec, a.seed());
        List<float[]> windows = ConfigStudents.windows(artifact, a.windows(), a.seed() + 1);
        if (!ExternalCommand.available("gcc")) {
            System.err.println("gcc not on PATH: nothing to time");
            System.exit(1);
        }
        System.out.println("C export timed: " + spec + ", seed " + a.seed() + ", " + windows.size()
                + " test windows");
        System.out.println("machine: " + MachineInfo.cpu() + "; " + MachineInfo.firstLine("gcc", "--version")
                + "; shared machine, figures noisy");
        System.out.printf(Locale.ROOT, "%-22s %-8s %12s %12s %18s %s%n", "flags", "weights", "µs median",
                "µs min", "max|dz| vs Java", "classes");
        Path dir = Files.createTempDirectory("tsak-c-bench");
        for (CExporter.Precision p : CExporter.Precision.values()) {
            StudentRuntime java = p == CExporter.Precision.INT8 ? StudentRuntime.quantised(artifact)
                    : StudentRuntime.of(artifact);
            CExport e = CExporter.render(artifact, "student", p);
            e.write(dir);
            Files.writeString(dir.resolve(CTestWindows.FILE_NAME), CTestWindows.header(windows));
            Files.writeString(dir.resolve(CTimingDriver.FILE_NAME), CTimingDriver.SOURCE);
            for (List<String> flags : FLAG_SETS) {
                List<String> cc = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Werror"));
                cc.addAll(flags);
                cc.addAll(List.of("-o", "timing", CTimingDriver.FILE_NAME, e.sourceFileName()));
                ExternalCommand.run(dir, 120, cc);
                String out = ExternalCommand.run(dir, 300,
                        List.of(dir.resolve("timing").toString(), Integer.toString(a.repeats())));
                float[][] c = CTestWindows.parseLogits(out, windows.size(), java.classCount());
                float worst = 0;
                int same = 0;
                for (int w = 0; w < windows.size(); w++) {
                    float[] z = java.logits(windows.get(w));
                    for (int i = 0; i < z.length; i++) {
                        worst = Math.max(worst, Math.abs(z[i] - c[w][i]));
                    }
                    same += StudentRuntime.argmax(z) == StudentRuntime.argmax(c[w]) ? 1 : 0;
                }
                double[] us = out.lines().filter(l -> l.startsWith("micros_per_window "))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).sorted().toArray();
                System.out.printf(Locale.ROOT, "%-22s %-8s %12.2f %12.2f %18.3g %d/%d%n", String.join(" ", flags),
                        p.name().toLowerCase(Locale.ROOT), us[us.length / 2], us[0], worst, same, windows.size());
            }
        }
        System.out.println("(µs: wall time per tsak_predict call, one thread; files in " + dir + ")");
    }
}
