package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.tsak.deploy.ContextHead;
import org.tsak.deploy.StudentArtifact;
import org.tsak.export.ExportCheck;
import org.tsak.export.ExportFormat;
import org.tsak.export.ExportFormats;
import org.tsak.export.StudentExporter;
import org.tsak.io.RunFolderLock;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsak export}: ships a trained student in one of the formats registered in
 * {@link ExportFormats} (a .tsak artifact, an ONNX model, a C99 source pair, ...).
 */
@Command(name = "export", mixinStandardHelpOptions = true, modelTransformer = ExportCommand.FormatsHelp.class,
        description = "Export a run's student.")
final class ExportCommand implements Callable<Integer> {

    /** The registered format names, for picocli's completion and {@code ${COMPLETION-CANDIDATES}}. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExportFormats.registered().names().iterator();
        }
    }

    /** {@code --format NAME} to the registered format; an unknown name lists the registered ones. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String name) {
            try {
                return ExportFormats.registered().format(name);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** The command's description: one line per registered format. */
    static final class FormatsHelp implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
            List<String> lines = new ArrayList<>();
            lines.add("Export a run's student in one of these formats (--format):");
            for (ExportFormat f : ExportFormats.registered().all()) {
                // '%' would be read as a format specifier by picocli's help
                lines.add("  " + f.name() + ": " + f.description().replace("%", "%%") + (f.takesInt8()
                        ? " (--int8: int8 weights)" : ""));
            }
            spec.usageMessage().description(lines.toArray(String[]::new));
            return spec;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "Run folder of `tsak experiment`.")
    Path run;

    @Option(names = "--format", defaultValue = "tsak", completionCandidates = FormatNames.class,
            converter = FormatConverter.class, paramLabel = "FORMAT",
            description = "One of: ${COMPLETION-CANDIDATES} (see above). Default: ${DEFAULT-VALUE}.")
    ExportFormat format;

    @Option(names = "--strategy", description = "Student's strategy (folder under students/). Default: the best by"
            + " mean validation macro-F1 over all folds and seeds (test scores are never used to choose).")
    String strategy;

    @Option(names = "--fold", defaultValue = "0", description = "Student's fold, 0-based as the folders fold-0,"
            + " fold-1, ... (progress messages count folds from 1). Default: ${DEFAULT-VALUE}.")
    int fold;

    @Option(names = "--seed", defaultValue = "0", description = "Student's seed index, 0-based as the folders seed-0,"
            + " seed-1, ... Default: ${DEFAULT-VALUE}.")
    int seed;

    @Option(names = "--int8", description = "int8 weights (post-training quantisation), for the formats that take"
            + " them (see above).")
    boolean int8;

    @Option(names = "--out", description = "Output file, or folder for a format that writes several files (c)."
            + " Default: under <run>/export/.")
    Path out;

    @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Re-run the test windows through DJL and the exported runtime and compare (default on).")
    boolean check;

    @Override
    public Integer call() throws Exception {
        if (int8 && !format.takesInt8()) {
            String int8Formats = String.join(" or ", ExportFormats.registered().all().stream()
                    .filter(ExportFormat::takesInt8).map(f -> "--format " + f.name()).toList());
            throw new CommandLine.ParameterException(spec.commandLine(), "--int8 applies to " + int8Formats
                    + " only: a ." + format.name() + " export holds float32 weights (the int8 check below the export"
                    + " shows what int8 would cost); drop --int8 or use " + int8Formats);
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
        Path target = out != null ? out : format.defaultOutput(run.resolve("export"), fileStem(chosen));
        ExportFormat.Written written = format.write(artifact, target, new ExportFormat.Options(int8));
        pw.printf("wrote %s: student [%s] fold %d seed %d, %s%n", written.where(), chosen, fold, seed,
                written.summary());
        ContextHead head = artifact.contextHead();
        if (head != null) {
            pw.printf(Locale.ROOT, "temporal context head included: %.3g s of context (%d past windows of %d samples"
                    + " stride), state %d bytes (%d x %d float32 projections) carried from window to window%s%n",
                    head.pastSteps() * artifact.strideSamples() / artifact.samplingRateHz(), head.pastSteps(),
                    artifact.strideSamples(), head.stateBytes(), head.pastSteps(), head.projectionSize(),
                    written.contextHeadUse());
        }
        if (check) {
            ExportCheck r = ExportCheck.run(run, artifact, chosen, fold, seed);
            pw.printf(Locale.ROOT, "check on %d test windows of fold %d: max |logit diff| vs DJL: float %.2e, int8 %.2e;"
                    + " test macro-F1: DJL %.4f, float runtime %.4f, int8 runtime %.4f (int8 costs %+.4f)%n",
                    r.windows(), fold, r.maxAbsDiffFloat(), r.maxAbsDiffInt8(), r.macroF1Djl(), r.macroF1Float(),
                    r.macroF1Int8(), r.macroF1Int8() - r.macroF1Float());
            if (!format.fileTestedBy().isEmpty()) {
                pw.println("  (the check runs these weights in the pure-Java runtime, not the written " + format.name()
                        + " file; the " + format.name() + " writer's parity with the runtime is covered by the test"
                        + " suite: " + format.fileTestedBy() + ")");
            }
        }
        pw.flush();
    }

    /** {@code student-<strategy>} for fold 0 seed 0 (the old name), with {@code -fold-<f>-seed-<k>} otherwise. */
    private String fileStem(String chosen) {
        return "student-" + chosen + (fold == 0 && seed == 0 ? "" : "-fold-" + fold + "-seed-" + seed);
    }
}
