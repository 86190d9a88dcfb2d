package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetReader;
import org.tsak.data.Recording;

/**
 * Reads the OpenPack dataset (releases v1.0.0 and v0.3.0) into one {@link Recording} per user
 * and session.
 *
 * <p>The root is the {@code v1.0.0} (or {@code v0.3.0}) folder holding user folders {@code U####}.
 * Per user:
 * <pre>
 * atr/atr0N/&lt;session&gt;.csv                          unixtime, acc_x/y/z (G), gyro_x/y/z (deg/s), quat_w/x/y/z
 * e4/e401/{acc,bvp,eda,temp}/&lt;session&gt;.csv          time (ms), values (acc stored as G / 9.80665)
 * annotation/openpack-operations/&lt;session&gt;.csv      v1.0.0: one row per operation segment
 * annotation/openpack-operations-1hz/&lt;session&gt;.csv  v1.0.0: official 1 Hz ground truth
 * annotation/activity-1s/&lt;session&gt;.csv              v0.3.0: one row per second (the only labels)
 * </pre>
 * The release of each session is told by its label files ({@link OpenPackRelease}). A session
 * exists when a label file or an ATR file exists; every user folder matching {@code U\d{4}} and
 * every session found is read, subject to the filters of {@link OpenPackOptions}. Streams, clock,
 * gaps and repairs: see {@link OpenPackSessionReader}, {@link StreamRepair} and
 * {@link OpenPackSensor}. {@link #readAll(List)} reads several roots (or folders holding them).
 *
 * <p><b>Subjects and keys.</b> Some user ids are the same person recorded again:
 * U0202 = U0105, U0203 = U0108, U0204 = U0110, U0205 = U0107, U0210 = U0103. The recording's
 * subject id is the lower-numbered U01xx id, so that splits by subject never cut through a
 * person. Session ids must stay unique within a subject, and both users have sessions such as
 * {@code S0500}; so for a mapped user the session id is the OpenPack key
 * {@code <user>-<session>} (U0202's S0500 is subject {@code U0105}, session
 * {@code U0202-S0500}, {@link Recording#key()} {@code U0105-U0202-S0500}), while for every other
 * user it is the plain session id ({@code U0209}, {@code S0500}, key {@code U0209-S0500}).
 * {@link #submissionKey(Recording)} gives the OpenPack submission key ({@code U0202-S0500}) in
 * both cases, and a note on each mapped recording says what was done.
 */
public final class OpenPackReader implements DatasetReader {

    /** User id to subject id for users who are the same person as an earlier user. */
    public static final Map<String, String> SAME_PERSON = Map.of(
            "U0202", "U0105", "U0203", "U0108", "U0204", "U0110", "U0205", "U0107", "U0210", "U0103");

    private static final Pattern USER_DIR = Pattern.compile("U\\d{4}");
    private static final Pattern SESSION_FILE = Pattern.compile("S\\d{4}\\.csv");
    private static final Pattern SUBMISSION_KEY = Pattern.compile("U\\d{4}-S\\d{4}");

    private final OpenPackOptions options;

    /** A reader loading what {@code options} selects. */
    public OpenPackReader(OpenPackOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null; use OpenPackOptions.defaults()");
        }
        this.options = options;
    }

    /** A reader of all sensors, users and sessions. */
    public OpenPackReader() {
        this(OpenPackOptions.defaults());
    }

    /** The options in use. */
    public OpenPackOptions options() {
        return options;
    }

    /** The subject (person) of a user id: the earlier id for re-recorded people, else the user. */
    public static String subjectOf(String user) {
        return SAME_PERSON.getOrDefault(user, user);
    }

    /** The OpenPack submission key of a recording read by this reader, e.g. {@code U0209-S0500}. */
    public static String submissionKey(Recording recording) {
        String s = recording.sessionId();
        return SUBMISSION_KEY.matcher(s).matches() ? s : recording.key();
    }

    /**
     * One session of a root: the user folder and session id, e.g. {@code U0209}, {@code S0500}.
     *
     * @param userDir the user folder
     * @param user    the user id
     * @param session the session id
     */
    public record Session(Path userDir, String user, String session) {

        /** The OpenPack submission key, e.g. {@code U0209-S0500}. */
        public String key() {
            return user + "-" + session;
        }
    }

    @Override
    public List<Recording> read(Path root) throws IOException {
        List<Recording> out = new ArrayList<>();
        for (Session s : sessions(root)) {
            out.add(read(s));
        }
        return out;
    }

    /**
     * Reads every root found under each path ({@link OpenPackRoots#below}): a
     * root itself, its {@code v1.0.0} / {@code v0.3.0} folder, or a folder holding several roots,
     * e.g. one of each release. Recordings come in path order, then root order.
     *
     * @throws DataFormatException if a path holds no root, the filters match no session, or one
     *                             session (user and session id) is found in two roots
     */
    public List<Recording> readAll(List<Path> paths) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new DataFormatException(p, Files.exists(p) ? "not a folder (an OpenPack root is a folder)"
                        : p.isAbsolute() ? "no such folder"
                        : "no such folder: " + p.toAbsolutePath().normalize());
            }
            List<Path> found = OpenPackRoots.below(p);
            if (found.isEmpty()) {
                throw new DataFormatException(p, "not an OpenPack root: no U#### user folders here, under v1.0.0"
                        + " or v0.3.0, or in a folder up to " + OpenPackRoots.ROOT_SEARCH_DEPTH
                        + " levels down");
            }
            roots.addAll(found);
        }
        if (roots.size() == 1) {
            return read(roots.get(0));
        }
        List<Session> all = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Set<String> users = new TreeSet<>();
        Map<String, Path> rootOf = new HashMap<>();
        for (Path root : roots) {
            users.addAll(userFolders(root));
            for (Session s : matching(root, seen)) {
                Path other = rootOf.putIfAbsent(s.key(), root);
                if (other != null) {
                    throw new DataFormatException(root, "session " + s.key() + " is also under " + other
                            + "; give each session once (drop one of the roots from data.path / data.paths)");
                }
                all.add(s);
            }
        }
        checkUsers(roots.toString(), users);
        if (all.isEmpty()) {
            throw noSession(paths.get(0), seen);
        }
        List<Recording> out = new ArrayList<>();
        for (Session s : all) {
            out.add(read(s));
        }
        return out;
    }

    /**
     * The sessions of a root that pass the users and sessions filters, in user then session order.
     *
     * @throws DataFormatException if the root has no user folders, a selected user has none, or no
     *                             session matches the filters
     */
    public List<Session> sessions(Path root) throws IOException {
        checkUsers(root.toString(), userFolders(root));
        List<String> seen = new ArrayList<>();
        List<Session> out = matching(root, seen);
        if (out.isEmpty()) {
            throw noSession(root, seen);
        }
        return out;
    }

    private void checkUsers(String where, Collection<String> users) {
        for (String u : options.users()) {
            if (!users.contains(u)) {
                throw new DataFormatException(Path.of(where), "user " + u + " selected by the users filter has no"
                        + " folder; user folders found: " + users);
            }
        }
    }

    private List<Session> matching(Path root, List<String> seen) throws IOException {
        List<Session> out = new ArrayList<>();
        for (String user : userFolders(root)) {
            if (!options.includesUser(user)) {
                continue;
            }
            Path userDir = root.resolve(user);
            for (String session : sessionIds(userDir)) {
                seen.add(user + "-" + session);
                if (options.includesSession(session)) {
                    out.add(new Session(userDir, user, session));
                }
            }
        }
        return out;
    }

    private DataFormatException noSession(Path where, List<String> seen) {
        return new DataFormatException(where, "no session matched users " + describe(options.users())
                + " and sessions " + describe(options.sessions()) + "; sessions found: " + seen
                + " (a session is a file <user>/annotation/openpack-operations/S####.csv,"
                + " <user>/annotation/activity-1s/S####.csv or <user>/atr/atr0N/S####.csv)");
    }

    /** Reads one session (see {@link #sessions(Path)}); subject and session ids as in the class comment. */
    public Recording read(Session s) throws IOException {
        String subject = subjectOf(s.user());
        List<String> notes = new ArrayList<>();
        String sessionId = s.session();
        if (!subject.equals(s.user())) {
            sessionId = s.key();
            notes.add(s.user() + " is the same person as " + subject + ": subject id " + subject
                    + ", session id " + sessionId + " (OpenPack submission key " + sessionId + ")");
        }
        return new OpenPackSessionReader(options).read(s.userDir(), s.session(), subject, sessionId, notes);
    }

    private static List<String> userFolders(Path root) throws IOException {
        String expected = "expected the OpenPack v1.0.0 (or v0.3.0) folder holding user folders named U####"
                + " (e.g. U0209)";
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(root, "not a folder; " + expected);
        }
        TreeSet<String> users = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (USER_DIR.matcher(name).matches() && Files.isDirectory(p)) {
                    users.add(name);
                }
            }
        }
        if (users.isEmpty()) {
            throw new DataFormatException(root, "no user folders found; " + expected
                    + " (if you passed the dataset's parent folder, pass its v1.0.0 folder)");
        }
        return new ArrayList<>(users);
    }

    private static List<String> sessionIds(Path userDir) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        for (OpenPackRelease r : OpenPackRelease.values()) {
            addSessions(userDir.resolve(r.labelFolder()), found);
        }
        for (int k = 1; k <= 4; k++) {
            addSessions(userDir.resolve("atr/atr0" + k), found);
        }
        return new ArrayList<>(found);
    }

    private static void addSessions(Path dir, TreeSet<String> found) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (SESSION_FILE.matcher(name).matches() && Files.isRegularFile(p)) {
                    found.add(name.substring(0, name.length() - 4));
                }
            }
        }
    }

    private static String describe(List<String> filter) {
        return filter.isEmpty() ? "(all)" : filter.toString();
    }
}
