package org.tsak.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.tsak.data.Operations;
import org.tsak.data.Recording;
import org.tsak.data.csv.CsvRecordingReader;
import org.tsak.data.csv.CsvRecordingWriter;
import org.tsak.data.sim.FactorySimulator;
import org.tsak.data.sim.SimulatorConfig;
import org.tsak.data.window.ChannelView;
import org.tsak.data.window.Split;
import org.tsak.data.window.SubjectSplitter;
import org.tsak.data.window.WindowSet;
import org.tsak.data.window.WindowSpec;
import org.tsak.data.window.Windower;
import org.tsak.data.window.ZScore;
import org.tsak.distill.DistillationStrategy;
import org.tsak.distill.KdWeights;
import org.tsak.distill.TeacherTargets;
import org.tsak.model.SemanticClassifierBlock;
import org.tsak.model.SemanticSpec;
import org.tsak.model.StudentSpec;
import org.tsak.model.StudentTrainingBlock;
import org.tsak.model.TeacherBlock;
import org.tsak.model.TeacherSpec;

/**
 * The scale benchmark: simulates an OpenPack-sized factory line (default 50 hours), writes it as
 * CSV recordings, reads them back, windows and splits them, and trains every stage for one
 * epoch (teacher, semantic classifier on cached targets, an sc-logit student), printing the time
 * of each phase and the peak memory. Windows are never materialised all at once: batches are
 * filled on demand from the recordings.
 */
public final class ScaleBench {

    private final PrintWriter out;

    /** @param out where figures are printed */
    public ScaleBench(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param hours   hours of data to simulate (about; 10 workers x 5 sessions)
     * @param workDir folder for the CSV files (deleted afterwards unless {@code keep})
     * @param train   also train one epoch of each stage
     * @param keep    keep the CSV files
     */
    public void run(double hours, Path workDir, boolean train, boolean keep) throws IOException {
        long t0 = System.nanoTime();
        int boxes = Math.max(1, (int) Math.round(hours * 3600 / (50 * 100.0)));
        List<Recording> simulated = new FactorySimulator(new SimulatorConfig(10, 5, boxes, 30, 1)).simulate();
        double seconds = simulated.stream().mapToDouble(Recording::durationSeconds).sum();
        int channels = simulated.get(0).channels().size();
        line("simulate", t0, String.format(Locale.ROOT, "%.1f hours, %d sessions, %d channels", seconds / 3600,
                simulated.size(), channels));
        t0 = System.nanoTime();
        List<Path> files = CsvRecordingWriter.writeAll(simulated, workDir);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        simulated = null; // let the simulated copy go before reading back
        line("write csv", t0, String.format(Locale.ROOT, "%d files, %.0f MB", files.size(), bytes / 1e6));
        t0 = System.nanoTime();
        List<Recording> recordings = new CsvRecordingReader().read(workDir);
        long samples = recordings.stream().mapToLong(Recording::sampleCount).sum();
        line("read csv", t0, String.format(Locale.ROOT, "%,d samples, %.0f MB held (%d bytes/sample)", samples,
                samples * recordings.get(0).bytesPerSample() / 1e6, recordings.get(0).bytesPerSample()));
        t0 = System.nanoTime();
        WindowSet windows = new Windower(new WindowSpec(2, 1)).window(recordings);
        Split split = new SubjectSplitter(List.of("W01", "W02", "W03", "W04", "W05", "W06", "W07", "W08"),
                List.of("W09"), List.of("W10")).split(windows);
        ZScore norm = ZScore.fit(windows, split.train());
        line("window+split+z-score", t0, String.format(Locale.ROOT, "%,d windows (%s), never materialised at once",
                windows.size(), split.summary()));
        if (train) {
            train(windows, split, norm);
        }
        if (!keep) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        out.printf(Locale.ROOT, "peak heap %.0f MB (max %.0f MB), peak resident memory %s%n", peakHeapBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6, residentPeak());
        out.flush();
    }

    private void train(WindowSet windows, Split split, ZScore norm) throws IOException {
        ChannelView all = ChannelView.all(windows.channels());
        ChannelView wrist = ChannelView.wristAccelerometer(windows.channels(), "right");
        TeacherSpec ts = TeacherSpec.defaults(all.size(), windows.windowSamples(), Operations.CLASS_COUNT);
        long t0 = System.nanoTime();
        try (TrainedModel<TeacherBlock> teacher = TeacherStage.train(windows, split, all, norm, ts,
                new StageSettings("teacher", 1, 128, 0.002, 1e-4, 1, 1), null, ProgressListener.NONE)) {
            line("teacher 1 epoch", t0, String.format(Locale.ROOT, "%,.0f windows/s, %.1f%% building batches",
                    teacher.result().history().get(0).windowsPerSecond(),
                    100 * teacher.result().history().get(0).dataShare()));
            t0 = System.nanoTime();
            TeacherTargets targets = TargetCaching.teacherOutputs(teacher.block(), teacher.model().getNDManager(),
                    windows, all, norm, "scale");
            line("cache teacher outputs", t0, String.format(Locale.ROOT, "%,d windows", windows.size()));
            t0 = System.nanoTime();
            try (TrainedModel<SemanticClassifierBlock> sc = SemanticStage.train(windows, split, targets,
                    SemanticSpec.defaults(ts), 0.0, new StageSettings("semantic", 1, 128, 0.002, 1e-4, 1, 2), null,
                    ProgressListener.NONE)) {
                targets = TargetCaching.withSemantic(targets, sc.block(), sc.model().getNDManager(), "scale");
                line("semantic classifier 1 epoch + SC logits", t0, "");
            }
            t0 = System.nanoTime();
            try (TrainedModel<StudentTrainingBlock> student = StudentStage.train(windows, split, wrist, norm, targets,
                    StudentSpec.defaults(windows.windowSamples(), Operations.CLASS_COUNT),
                    DistillationStrategy.parse("sc-logit"), KdWeights.DEFAULTS,
                    new StageSettings("student", 1, 128, 0.003, 1e-4, 1, 3), 3, null, ProgressListener.NONE)) {
                line("student [sc-logit] 1 epoch", t0, String.format(Locale.ROOT, "%,.0f windows/s",
                        student.result().history().get(0).windowsPerSecond()));
            }
        }
    }

    private void line(String phase, long t0, String detail) {
        out.printf(Locale.ROOT, "%-40s %8.1f s  heap used %5.0f MB  %s%n", phase, (System.nanoTime() - t0) / 1e9,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6, detail);
        out.flush();
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String residentPeak() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return l.substring(6).trim() + " (VmHWM: heap, PyTorch native memory and code)";
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
