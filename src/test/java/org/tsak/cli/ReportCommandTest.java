package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.report.TinyRun;

class ReportCommandTest {

    @Test
    void writesTheReportWhereAskedAndFailsClearlyOnAFolderWithoutResults(@TempDir Path tmp) throws Exception {
        Path run = TinyRun.copy(tmp.resolve("run"));
        Path out = tmp.resolve("elsewhere/r.html");
        CommandRunner.Result r = CommandRunner.run("report", "--run", run.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("report: " + out.toAbsolutePath()), r.out());
        assertTrue(Files.readString(out).contains("<table id=\"comparison\">"));
        assertTrue(Files.exists(run.resolve("report/f1-vs-flops.png")));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        r = CommandRunner.run("report", "--run", empty.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("table.json") && r.err().contains("still going"), r.err());
    }
}
