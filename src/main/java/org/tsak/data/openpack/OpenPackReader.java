package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.tsak.data.DataFormatException;
import org.tsak.data.DatasetReader;
import org.tsak.data.Recording;

/**
 * Reads the OpenPack dataset (v1.0.0 layout) into one {@link Recording} per user and session.
 *
 * <p>The root is the {@code v1.0.0} folder holding user folders {@code U####}. Per user:
 * <pre>
 * atr/atr0N/&lt;session&gt;.csv                          unixtime, acc_x/y/z (G), gyro_x/y/z (deg/s), quat_w/x/y/z
 * e4/e401/{acc,bvp,eda,temp}/&lt;session&gt;.csv          time (ms), values (acc stored as G / 9.80665)
 * annotation/openpack-operations/&lt;session&gt;.csv      one row per operation segment
 * annotation/openpack-operations-1hz/&lt;session&gt;.csv  official 1 Hz ground truth
 * </pre>
 * A session exists when its operation annotation file or an ATR file exists; every user
 * folder matching {@code U\d{4}} and every session found is read, subject to the filters of
 * {@link OpenPackOptions}. Streams, clock and repairs: see {@link OpenPackSessionReader},
 * {@link StreamRepair} and {@link OpenPackSensor}.
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

    @Override
    public List<Recording> read(Path root) throws IOException {
        List<String> users = userFolders(root);
        for (String u : options.users()) {
            if (!users.contains(u)) {
                throw new DataFormatException(root, "user " + u + " selected by the users filter has no folder;"
                        + " user folders found: " + users);
            }
        }
        OpenPackSessionReader sessionReader = new OpenPackSessionReader(options);
        List<Recording> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String user : users) {
            if (!options.includesUser(user)) {
                continue;
            }
            Path userDir = root.resolve(user);
            for (String session : sessions(userDir)) {
                seen.add(user + "-" + session);
                if (!options.includesSession(session)) {
                    continue;
                }
                String subject = subjectOf(user);
                List<String> notes = new ArrayList<>();
                String sessionId = session;
                if (!subject.equals(user)) {
                    sessionId = user + "-" + session;
                    notes.add(user + " is the same person as " + subject + ": subject id " + subject
                            + ", session id " + sessionId + " (OpenPack submission key " + sessionId + ")");
                }
                out.add(sessionReader.read(userDir, session, subject, sessionId, notes));
            }
        }
        if (out.isEmpty()) {
            throw new DataFormatException(root, "no session matched users " + describe(options.users())
                    + " and sessions " + describe(options.sessions()) + "; sessions found: " + seen
                    + " (a session is a file <user>/annotation/openpack-operations/S####.csv"
                    + " or <user>/atr/atr0N/S####.csv)");
        }
        return out;
    }

    private static List<String> userFolders(Path root) throws IOException {
        String expected = "expected the OpenPack v1.0.0 folder holding user folders named U#### (e.g. U0209)";
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

    private static List<String> sessions(Path userDir) throws IOException {
        TreeSet<String> found = new TreeSet<>();
        addSessions(userDir.resolve("annotation/openpack-operations"), found);
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
