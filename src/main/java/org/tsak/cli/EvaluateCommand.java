package org.tsak.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.tsak.data.Operations;
import org.tsak.data.SecondLabels;
import org.tsak.eval.EvaluationResult;
import org.tsak.eval.OpenPackScorer;
import org.tsak.eval.SubmissionReader;
import org.tsak.eval.TimedPredictions;
import org.tsak.train.ExperimentOutcome;
import org.tsak.train.ExperimentRunner;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak evaluate}: the comparison table of a run, or the score of a submission file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Step 3 of 3: measure cost and write the comparison table of a run folder; or score an"
                + " OpenPack submission file against a ground-truth file by the official rule.")
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
            ExperimentOutcome outcome = ExperimentRunner.open(source.run, output.progress(spec)).evaluate();
            ExperimentCommand.print(pw, outcome);
            return 0;
        }
        Map<String, TimedPredictions> pred = SubmissionReader.read(source.files.predictions);
        Map<String, TimedPredictions> truthFile = SubmissionReader.read(source.files.truth);
        Map<String, SecondLabels> truth = new java.util.LinkedHashMap<>();
        truthFile.forEach((k, v) -> truth.put(k, new SecondLabels(v.timestampsMs(), v.operationIds())));
        EvaluationResult r = OpenPackScorer.score(pred, truth);
        pw.printf(Locale.ROOT, "macro-F1 %.4f  accuracy %.4f  weighted F1 %.4f  (%d scored seconds, %d sessions)%n",
                r.macroF1(), r.accuracy(), r.weightedF1(), r.scoredSeconds(), truth.size());
        r.perClassF1().forEach((id, f1) -> pw.printf(Locale.ROOT, "  %5d %-22s F1 %.4f%n", id, Operations.nameOf(id),
                f1));
        pw.flush();
        return 0;
    }
}
