package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tsak.data.DataFormatException;
import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;
import org.tsak.eval.EvaluationResult;
import org.tsak.eval.OpenPackScorer;
import org.tsak.eval.PredictionCoverage;
import org.tsak.eval.SubmissionReader;
import org.tsak.eval.TimedPredictions;
import org.tsak.io.RunFolderLock;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak evaluate}: the comparison table of a run, or the score of a submission file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Step 3 of 3: measure cost and write the comparison table of a run folder; or score an"
                + " OpenPack submission file against a ground-truth file by the official rule.",
            "Coverage of a submission: a ground-truth second counts only if a prediction was made within 5 s of it"
                + " (nothing is filled from predictions farther away). A session whose predictions cover less than"
                + " 50%% of its ground-truth seconds is an error (exit 1; nothing is scored); a partly covered one is"
                + " scored on its covered seconds with a warning on stderr stating the coverage. Both name the"
                + " likely cause: unixtime in seconds instead of ms (times ~1000x smaller), a time-zone offset"
                + " (shifted by whole hours; OpenPack unixtime is UTC), another shift, a late start, an early end"
                + " or a gap."})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Files {
        @Option(names = "--predictions", required = true, description = "Submission JSON to score.")
        Path predictions;

        @Option(names = "--truth", required = true, description = "Ground truth in the same layout"
                + " (a run's ground-truth.json).")
        Path truth;
    }

    static final class Source {
        @Option(names = "--run", required = true, description = "Run folder.")
        Path run;

        @ArgGroup(exclusive = false)
        Files files;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @CommandLine.Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter pw = spec.commandLine().getOut();
        if (source.run != null) {
            try (RunFolderLock lock = RunFolderLock.acquireExisting(source.run, "tsak evaluate")) {
                ExperimentOutcome outcome = ExperimentRunner.open(source.run, output.progress(spec)).evaluate();
                ExperimentCommand.print(pw, outcome);
            }
            return 0;
        }
        Map<String, TimedPredictions> pred = SubmissionReader.read(source.files.predictions);
        Map<String, TimedPredictions> truthFile = SubmissionReader.read(source.files.truth);
        Map<String, SecondLabels> truth = new java.util.LinkedHashMap<>();
        truthFile.forEach((k, v) -> {
            try {
                truth.put(k, new SecondLabels(v.timestampsMs(), v.operationIds()));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(source.files.truth, 0, k + ".unixtime", null, e.getMessage()
                        + "; ground truth has one entry per whole second (unixtime ms, a multiple of 1000)");
            }
        });
        List<PredictionCoverage> coverage = PredictionCoverage.require(pred, truth);
        PrintWriter err = spec.commandLine().getErr();
        long covered = 0;
        long seconds = 0;
        for (PredictionCoverage c : coverage) {
            covered += c.coveredSeconds();
            seconds += c.truthSeconds();
            if (!c.complete()) {
                err.println("tsak: warning: " + c.describe() + "; its " + (c.truthSeconds() - c.coveredSeconds())
                        + " uncovered seconds are left out of the score");
            }
        }
        err.flush();
        EvaluationResult r = OpenPackScorer.score(pred, truth);
        pw.printf(Locale.ROOT, "macro-F1 %.4f  accuracy %.4f  weighted F1 %.4f  (%d scored seconds, %d sessions,"
                + " predictions cover %.1f%% of the ground truth)%n", r.macroF1(), r.accuracy(), r.weightedF1(),
                r.scoredSeconds(), truth.size(), seconds == 0 ? 100.0 : 100.0 * covered / seconds);
        r.perClassF1().forEach((id, f1) -> pw.printf(Locale.ROOT, "  %5d %-22s F1 %.4f%n", id, Operations.nameOf(id),
                f1));
        pw.flush();
        return 0;
    }
}
