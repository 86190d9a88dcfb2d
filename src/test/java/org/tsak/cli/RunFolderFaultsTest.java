package org.tsak.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsak.io.RunFolderLock;
import org.tsak.testing.ScratchDirs;
import org.tsak.testing.TestJvm;
import org.tsak.testing.TmpfsMount;
import org.tsak.testing.Unprivileged;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The machine's faults while writing a run folder, for real, through the {@code tsak} commands
 * on a tiny experiment (simulated data, 2 epochs per stage, students none and sc-logit; about 15 s):
 * a second process on a folder in use is refused; a full disk (a 300 kB tmpfs) and folders the
 * user may not write (the commands run as nobody) end in a clear error naming the file, the
 * earlier results intact, and {@code --resume} finishes the run once space or permission is back.
 */
class RunFolderFaultsTest {

    static final String TINY = """
            name: tiny
            seed: 7
            data:
              source: simulator
              simulator: {workers: 3, sessions: 1, boxes: 2}
              split: {kind: subject, train: [W01], validation: [W02], test: [W03]}
            model:
              teacher: {embedChannels: 16, representationSize: 16}
              semantic: {hiddenSize: 16}
              student: {convChannels: [4, 8]}
            training:
              teacher: {epochs: 2, batchSize: 32}
              semantic: {epochs: 2, batchSize: 32}
              student: {epochs: 2, batchSize: 32}
            distillation: {seeds: 1, strategies: [none, sc-logit]}
            evaluation: {latencyRuns: 30, warmupRuns: 10, throughputBatch: 8}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path c = dir.resolve("tiny.yaml");
        Files.writeString(c, TINY);
        return c;
    }

    @Test
    void aSecondProcessOnARunFolderInUseIsRefusedAndWritesNothing() throws Exception {
        Path config = config();
        Path run = dir.resolve("run");
        try (RunFolderLock held = RunFolderLock.acquire(run, "tsak experiment")) {
            TestJvm.Result r = TestJvm.run(TsakCommand.class, 120, "experiment", "--config", config.toString(),
                    "--out", run.toString());
            assertEquals(1, r.exitCode(), r.out());
            assertTrue(r.out().contains("tsak: error: run folder " + run + " is in use by another tsak process (pid "
                    + ProcessHandle.current().pid() + ", `tsak experiment`, since "), r.out());
            try (Stream<Path> files = Files.list(run)) {
                assertEquals(List.of(run.resolve(".lock")), files.toList(), "the second process wrote nothing");
            }
            // every command that writes a run folder takes the lock (here refused inside this JVM)
            for (String[] args : new String[][] {{"experiment", "--resume", run.toString()},
                {"train", "--config", config.toString(), "--out", run.toString()}, {"distill", "--run", run.toString()},
                {"evaluate", "--run", run.toString()}, {"report", "--run", run.toString()},
                {"export", "--run", run.toString()}}) {
                CommandRunner.Result in = CommandRunner.run(args);
                assertEquals(1, in.exitCode(), args[0] + ": " + in.err());
                assertTrue(in.err().contains("is in use by another tsak process"), args[0] + ": " + in.err());
            }
        }
    }

    @Test
    void aFullDiskStopsTheRunWithTheFileNamedAndResumeFinishesItOnceSpaceIsBack() throws Exception {
        Path config = config();
        Path mnt = Files.createDirectory(dir.resolve("small"));
        try (TmpfsMount tmpfs = TmpfsMount.mountOrSkip(mnt, "300k")) {
            Path run = mnt.resolve("run");
            CommandRunner.Result full = CommandRunner.run("experiment", "--quiet", "--config", config.toString(),
                    "--out", run.toString());
            assertEquals(1, full.exitCode(), full.out() + full.err());
            assertTrue(full.err().startsWith("tsak: error: disk full while writing " + run + "/"), full.err());
            assertTrue(full.err().contains(" bytes needed, ") && full.err().contains(" free on "), full.err());
            Map<String, Object> before = intactFiles(run);
            assertTrue(before.containsKey("config.yaml"), before.keySet().toString());

            tmpfs.resize("50m");
            CommandRunner.Result resumed = CommandRunner.run("experiment", "--quiet", "--resume", run.toString());
            assertEquals(0, resumed.exitCode(), resumed.err());
            assertTrue(Files.isRegularFile(run.resolve("table.md")));
            assertTrue(Files.isRegularFile(run.resolve("students/sc-logit/seed-0/metrics.json")));
            Map<String, Object> after = intactFiles(run);
            for (Map.Entry<String, Object> e : before.entrySet()) {
                if (e.getKey().endsWith("metrics.json") || e.getKey().endsWith(".params")) {
                    assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " finished before the disk filled"
                            + " and kept by --resume");
                }
            }
        }
    }

    @Test
    void foldersTheUserMayNotWriteEndInAClearErrorAndResumeFinishesOnceAllowed() throws Exception {
        Path config = config();
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Path rootOnly = Files.createDirectory(dir.resolve("root-only"));
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwxr-xr-x"));

        // a new run in a folder nobody may not write
        Unprivileged.Result r = Unprivileged.run(TsakCommand.class, 120, "experiment", "--config", config.toString(),
                "--out", rootOnly.resolve("run").toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("tsak: error: cannot write " + rootOnly.resolve("run/.lock") + ": permission"
                + " denied (" + rootOnly + " is owned by root, mode rwxr-xr-x; this process runs as nobody)"), r.out());

        // a run nobody may write, made by nobody
        Path mine = Files.createDirectory(dir.resolve("nobody"));
        Unprivileged.giveToNobody(mine);
        Path run = mine.resolve("run");
        r = Unprivileged.run(TsakCommand.class, 300, "experiment", "--quiet", "--config", config.toString(), "--out",
                run.toString());
        assertEquals(0, r.exitCode(), r.out());

        try {
            // a report folder it may not write
            Path report = run.resolve("report");
            Unprivileged.giveToRoot(report);
            Map<String, Object> before = intactFiles(run);
            r = Unprivileged.run(TsakCommand.class, 120, "report", "--run", run.toString());
            assertEquals(1, r.exitCode(), r.out());
            assertTrue(r.out().contains("tsak: error: cannot write " + report + "/") && r.out().contains(": permission"
                    + " denied (" + report + " is owned by root, mode rwxr-xr-x; this process runs as nobody)"), r.out());
            assertEquals(before, intactFiles(run), "earlier results intact");

            // an export folder it may not write
            Path export = Files.createDirectory(run.resolve("export"));
            r = Unprivileged.run(TsakCommand.class, 120, "export", "--run", run.toString(), "--no-check");
            assertEquals(1, r.exitCode(), r.out());
            assertTrue(r.out().contains("tsak: error: cannot write " + export + "/student-") && r.out().contains(
                    ": permission denied (" + export + " is owned by root"), r.out());

            // a student folder it may not write: its checkpoint fails, --resume finishes once allowed
            Path student = run.resolve("students/sc-logit/seed-0");
            ScratchDirs.deleteQuietly(student);
            Files.createDirectories(student);
            Files.delete(run.resolve("table.md"));
            before = intactFiles(run);
            r = Unprivileged.run(TsakCommand.class, 300, "experiment", "--quiet", "--resume", run.toString());
            assertEquals(1, r.exitCode(), r.out());
            assertTrue(r.out().contains("tsak: error: cannot write " + student + "/") && r.out().contains(
                    ": permission denied (" + student + " is owned by root, mode rwxr-xr-x; this process runs as"
                    + " nobody)"), r.out());
            assertEquals(before, intactFiles(run), "earlier results intact");
            Unprivileged.giveToNobody(student);
            r = Unprivileged.run(TsakCommand.class, 300, "experiment", "--quiet", "--resume", run.toString());
            assertEquals(0, r.exitCode(), r.out());
            assertTrue(Files.isRegularFile(student.resolve("metrics.json")));
            assertTrue(Files.isRegularFile(run.resolve("table.md")));
            assertFalse(r.out().contains("student [none] seed 1/1"), "the finished student is kept: " + r.out());
        } finally {
            Unprivileged.giveToNobody(mine); // so that the temporary folder can be cleaned
        }
    }

    /**
     * Every file in the run except the lock (relative path -> content: a JSON file's parsed
     * value, whose key order does not matter, or the SHA-256 of any other file), after checking
     * that no temporary file is left and every JSON file parses.
     */
    private static Map<String, Object> intactFiles(Path run) throws Exception {
        Map<String, Object> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = run.relativize(f).toString();
                assertFalse(rel.endsWith(".tmp"), "temporary file left: " + rel);
                if (rel.equals(".lock")) {
                    continue;
                }
                out.put(rel, rel.endsWith(".json") ? JSON.readValue(f.toFile(), Object.class)
                        : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
