package org.tsak.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tsak.io.RunFolderLock;
import org.tsak.report.HtmlReportWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tsak report --run DIR [--out FILE]}: a self-contained HTML report of a finished run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a self-contained HTML report of a run folder (comparison table, provenance and"
                + " plots embedded as images); the plots are also written as PNG files to <run>/report/.")
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--run", required = true, description = "Run folder written by `tsak experiment`.")
    Path runDir;

    @Option(names = "--out", description = "HTML file. Default: <run>/report/report.html.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Path written;
        try (RunFolderLock lock = RunFolderLock.acquireExisting(runDir, "tsak report")) {
            written = HtmlReportWriter.write(runDir, out);
        }
        spec.commandLine().getOut().println("report: " + written.toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
