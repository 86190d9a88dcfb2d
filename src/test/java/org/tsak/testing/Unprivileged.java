package org.tsak.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Java main class as the unprivileged user {@code nobody} ({@code setpriv --reuid=nobody
 * --regid=nogroup --clear-groups}), so that file permissions apply as they do for any user (root
 * passes them all). nobody cannot read root's home, where Maven's repository and DJL's native
 * libraries live, so the test class path and DJL's cache are made readable once per JVM in a
 * folder under {@code /tmp}: jars and native libraries as hard links (no copy), class folders
 * copied. Skipped with the reason where this is not possible (not root, no setpriv, no nobody).
 */
public final class Unprivileged {

    /** The unprivileged user. */
    public static final String USER = "nobody";
    /** Its group. */
    public static final String GROUP = "nogroup";

    private static Path home;
    private static String classPath;
    private static Path djlCache;

    private Unprivileged() {
    }

    /** What a finished process gave (output and error merged). */
    public record Result(int exitCode, String out) {
    }

    /** Runs {@code mainClass} as nobody with {@code args}, at most {@code timeoutSeconds}; or skips the test. */
    public static synchronized Result run(Class<?> mainClass, long timeoutSeconds, String... args) throws Exception {
        prepareOrSkip();
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                "-Duser.home=" + home, "-cp", classPath, mainClass.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(home.toFile());
        pb.environment().put("OPT_OUT_TRACKING", "true");
        pb.environment().put("HOME", home.toString());
        if (djlCache != null) {
            pb.environment().put("DJL_CACHE_DIR", djlCache.toString());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " as " + USER + " did not finish in " + timeoutSeconds
                    + " s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Gives {@code path} (and, for a folder, everything in it) to nobody. */
    public static void giveToNobody(Path path) throws IOException, InterruptedException {
        chown(USER + ":" + GROUP, path);
    }

    /** Gives {@code path} (not what is in it) back to root. */
    public static void giveToRoot(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "root:root", path.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IOException("chown root " + path + " failed");
        }
    }

    private static void chown(String owner, Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chown", "-R", owner, path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("chown " + owner + " " + path + " failed: " + out);
        }
    }

    private static void prepareOrSkip() throws IOException, InterruptedException {
        if (home != null) {
            return;
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "running as " + System.getProperty("user.name") + ", not root: cannot switch to " + USER + "; skipped");
        Process probe;
        try {
            probe = new ProcessBuilder("setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups", "true")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("setpriv is not available (" + e.getMessage() + "); permission test skipped");
            return;
        }
        String why = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Assumptions.assumeTrue(probe.waitFor() == 0, "cannot run as " + USER + " with setpriv: " + why);
        Path root = Path.of("/tmp", "tsak-unprivileged-" + ProcessHandle.current().pid());
        Files.createDirectories(root);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (Path entry : classPathEntries()) {
            Path target = root.resolve("cp-" + (n++) + "-" + entry.getFileName());
            if (Files.isDirectory(entry)) {
                copyTree(entry, target);
            } else if (Files.isRegularFile(entry)) {
                link(entry, target);
            } else {
                continue;
            }
            entries.add(target.toString());
        }
        Path djl = Path.of(System.getProperty("user.home"), ".djl.ai");
        if (Files.isDirectory(djl)) {
            djlCache = root.resolve("djl");
            try (Stream<Path> files = Files.walk(djl)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path t = djlCache.resolve(djl.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(t);
                    } else {
                        link(f, t);
                    }
                }
            }
        }
        Path h = root.resolve("home");
        Files.createDirectories(h);
        Process chmod = new ProcessBuilder("chmod", "-R", "a+rX", root.toString()).start();
        chmod.waitFor();
        giveToNobody(h);
        classPath = String.join(File.pathSeparator, entries);
        home = h;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ScratchDirs.deleteQuietly(root)));
    }

    /** The test JVM's class path, with a surefire booter jar's manifest Class-Path expanded. */
    private static Set<Path> classPathEntries() throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            out.add(p);
            if (p.toString().endsWith(".jar") && Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String url : cp.trim().split("\\s+")) {
                            out.add(url.startsWith("file:") ? Path.of(URI.create(url)) : p.resolveSibling(url));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void link(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, source);
        } catch (FileAlreadyExistsException e) {
            // linked already
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
