package org.tsak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tsak.deploy.ExternalCommand;

/** What a benchmark line needs to name the machine and tools it ran on. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** CPU model and logical core count from {@code /proc/cpuinfo}, or the JVM's core count. */
    static String cpu() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim() + ", " + cores + " cores";
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + ", " + cores + " cores";
    }

    /** First output line of a tool ({@code gcc --version}), or {@code "<tool> unavailable"}. */
    static String firstLine(String... command) {
        try {
            return ExternalCommand.run(Path.of("."), 30, List.of(command)).lines().findFirst().orElse("").trim();
        } catch (IOException e) {
            return command[0] + " unavailable";
        }
    }
}
