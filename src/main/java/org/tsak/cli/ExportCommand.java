package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tsak.deploy.CExport;
import org.tsak.deploy.CExporter;
import org.tsak.deploy.ContextHead;
import org.tsak.deploy.OnnxExporter;
import org.tsak.deploy.StudentArtifact;
import org.tsak.export.ExportCheck;
import org.tsak.export.StudentExporter;
import org.tsak.io.RunFolderLock;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak export}: ships a trained student as a .tsak artifact, ONNX model or C99 source pair. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's student: 'tsak' (versioned, checksummed artifact for the pure-Java runtime"
                + " and `tsak stream`), 'onnx' (ONNX opset 13), or 'c' (one .h/.c pair, no malloc).")
final class ExportCommand implements Callable<Integer> {

    /** Export formats. */
    enum Format { tsak, onnx, c }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "Run folder of `tsak experiment`.")
    Path run;

    @Option(names = "--format", defaultValue = "tsak", description = "tsak, onnx or c. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--strategy", description = "Student's strategy (folder under students/). Default: the best by"
            + " mean validation macro-F1 over all folds and seeds (test scores are never used to choose).")
    String strategy;

    @Option(names = "--fold", defaultValue = "0", description = "Student's fold, 0-based as the folders fold-0,"
            + " fold-1, ... (progress messages count folds from 1). Default: ${DEFAULT-VALUE}.")
    int fold;

    @Option(names = "--seed", defaultValue = "0", description = "Student's seed index, 0-based as the folders seed-0,"
            + " seed-1, ... Default: ${DEFAULT-VALUE}.")
    int seed;

    @Option(names = "--int8", description = "C export only (--format c): int8 weights (post-training quantisation).")
    boolean int8;

    @Option(names = "--out", description = "Output file (tsak, onnx) or folder (c). Default: <run>/export/.")
    Path out;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Re-run the test windows through DJL and the exported runtime and compare (default on).")
    boolean check;

    @Override
    public Integer call() throws Exception {
        if (int8 && format != Format.c) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--int8 applies to --format c only: a ."
                    + format + " export holds float32 weights (the int8 check below the export shows what int8"
                    + " would cost); drop --int8 or use --format c");
        }
        if (seed < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed " + seed + ": must be 0 or more");
        }
        if (Files.isDirectory(run)) {
            int folds = StudentExporter.foldCount(run);
            if (fold < 0 || fold >= folds) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fold " + fold + ": this run has "
                        + folds + (folds == 1 ? " fold, so --fold must be 0" : " folds, so --fold must be 0.."
                        + (folds - 1)) + " (0-based, as the folders fold-0 ... fold-" + (folds - 1) + ")");
            }
        }
        try (RunFolderLock lock = RunFolderLock.acquireExisting(run, "tsak export")) {
            export();
        }
        return 0;
    }

    private void export() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        String chosen = strategy;
        if (chosen == null) {
            StudentExporter.Choice choice = StudentExporter.chooseByValidation(run);
            chosen = choice.strategy();
            pw.println(choice.describe());
        }
        if (strategy != null) {
            java.util.Optional<String> missing = StudentExporter.missingStudent(run, chosen, fold, seed);
            if (missing.isPresent()) {
                throw new CommandLine.ParameterException(spec.commandLine(), missing.get());
            }
        }
        StudentArtifact artifact = StudentExporter.fromRun(run, chosen, fold, seed);
        Path exportDir = run.resolve("export");
        switch (format) {
            case tsak -> {
                Path file = out != null ? out : exportDir.resolve(fileStem(chosen) + ".tsak");
                artifact.write(file);
                pw.printf("wrote %s (%,d bytes): student [%s] fold %d seed %d, %d parameters, channels"
                        + " %s%n", file, Files.size(file), chosen, fold, seed, artifact.weights().parameterCount(), artifact.channelNames());
            }
            case onnx -> {
                Path file = out != null ? out : exportDir.resolve(fileStem(chosen) + ".onnx");
                OnnxExporter.write(artifact, file);
                pw.printf("wrote %s (%,d bytes): ONNX IR %d, opset %d, input '%s' [N,%d,%d] raw units, output '%s'"
                        + " [N,%d]%n", file, Files.size(file), OnnxExporter.IR_VERSION, OnnxExporter.OPSET_VERSION,
                        OnnxExporter.INPUT_NAME, artifact.inputChannels(), artifact.windowSamples(),
                        OnnxExporter.OUTPUT_NAME, artifact.classIds().size());
            }
            case c -> {
                Path dir = out != null ? out : exportDir.resolve("c");
                CExport c = CExporter.render(artifact, "tsak_student",
                        int8 ? CExporter.Precision.INT8 : CExporter.Precision.FLOAT32);
                c.write(dir);
                pw.printf("wrote %s/tsak_student.h and .c: %s%n", dir, c.footprint().describe());
            }
            default -> throw new IllegalStateException(format.toString());
        }
        ContextHead head = artifact.contextHead();
        if (head != null) {
            pw.printf(Locale.ROOT, "temporal context head included: %.3g s of context (%d past windows of %d samples"
                    + " stride), state %d bytes (%d x %d float32 projections) carried from window to window%s%n",
                    head.pastSteps() * artifact.strideSamples() / artifact.samplingRateHz(), head.pastSteps(),
                    artifact.strideSamples(), head.stateBytes(), head.pastSteps(), head.projectionSize(),
                    switch (format) {
                        case onnx -> "; ONNX input '" + OnnxExporter.CONTEXT_INPUT_NAME + "' [N," + head.pastSteps()
                                + "," + head.projectionSize() + "] (past projections, zeros when absent), output '"
                                + OnnxExporter.PROJECTION_OUTPUT_NAME + "' [N," + head.projectionSize()
                                + "] (shift it into the context for the next window)";
                        case c -> "; C: tsak_predict once per window, tsak_skip() for a missing one, tsak_reset()"
                                + " for a new stream";
                        default -> "";
                    });
        }
        if (check) {
            ExportCheck r = ExportCheck.run(run, artifact, chosen, fold, seed);
            pw.printf(Locale.ROOT, "check on %d test windows of fold %d: max |logit diff| vs DJL: float %.2e, int8 %.2e;"
                    + " test macro-F1: DJL %.4f, float runtime %.4f, int8 runtime %.4f (int8 costs %+.4f)%n",
                    r.windows(), fold, r.maxAbsDiffFloat(), r.maxAbsDiffInt8(), r.macroF1Djl(), r.macroF1Float(),
                    r.macroF1Int8(), r.macroF1Int8() - r.macroF1Float());
            if (format != Format.tsak) {
                pw.println("  (the check runs these weights in the pure-Java runtime, not the written " + format
                        + " file; the " + format + " writer's parity with the runtime is covered by the test suite:"
                        + (format == Format.onnx ? " ONNX Runtime" : " gcc, and QEMU for the Cortex-M4") + ")");
            }
        }
        pw.flush();
    }

    /** {@code student-<strategy>} for fold 0 seed 0 (the old name), with {@code -fold-<f>-seed-<k>} otherwise. */
    private String fileStem(String chosen) {
        return "student-" + chosen + (fold == 0 && seed == 0 ? "" : "-fold-" + fold + "-seed-" + seed);
    }
}
