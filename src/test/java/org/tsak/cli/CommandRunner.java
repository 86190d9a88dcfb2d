package org.tsak.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the real {@code tsak} command line in-process and captures its output and exit code. */
final class CommandRunner {

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = TsakCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private CommandRunner() {
    }
}
