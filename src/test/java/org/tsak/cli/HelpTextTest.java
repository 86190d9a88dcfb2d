package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code --help} of every command and subcommand prints without a picocli warning (a bare
 * {@code %} in a description is a format error: picocli then prints the raw text and a
 * {@code [picocli WARN]} line on the process's stderr).
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpIsCleanAndExitsZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(TsakCommand.commandLine(), new ArrayList<>(), paths);
        assertFalse(paths.size() < 8, "found only " + paths);
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.add("--help");
                CommandRunner.Result r = CommandRunner.run(args.toArray(String[]::new));
                String stderr = captured.toString(StandardCharsets.UTF_8);
                assertEquals(0, r.exitCode(), path + ": " + r.err());
                assertEquals("", r.err(), path + " --help wrote to the command's stderr");
                assertFalse(stderr.contains("WARN") || stderr.contains("Could not format"),
                        path + " --help printed a warning: " + stderr);
                assertFalse(r.out().isBlank(), path + " --help printed nothing");
            }
        } finally {
            System.setErr(saved);
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }
}
