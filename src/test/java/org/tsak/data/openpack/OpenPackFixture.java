package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a tiny synthetic session in the OpenPack v1.0.0 layout, with hand-checkable values,
 * for tests to read as it is or to corrupt one thing in.
 *
 * <p>ATR device N (1..4), row i (line i + 2): unixtime {@code T0 + 30 i + offsetMs(N)},
 * acc_x = {@code N + i / 100}, acc_y = {@code -i / 100}, acc_z = 1, gyro = (i, 0, -i),
 * quat = (1, 0, 0, 0). atr02 is shifted by +10 ms (on-grid after nearest-sample alignment).
 * E4: acc every 31.25 ms (rounded) holding (0, 0, 1 / 9.80665), bvp every 16 ms holding
 * {@code k}, eda and temp every 250 ms from {@code T0 - 500} holding {@code k} (eda) and
 * {@code 30 + k} (temp), all covering the ATR span. Segments: Picking (100, box 1) from
 * {@code T0 + 300} to {@code T0 + 1500}, Assemble Box (300, box 1) from {@code T0 + 1500} to
 * {@code T0 + 2400}; everything else Null. The 1 Hz file lists seconds of T0 .. T0 + 2000.
 */
final class OpenPackFixture {

    /** First ATR time: 2022-03-29 14:25:21+09:00, as in the real sample. */
    static final long T0 = 1648531521000L;
    /** ATR rows per device. */
    static final int ROWS = 100;
    static final String ATR_HEADER = "unixtime,acc_x,acc_y,acc_z,gyro_x,gyro_y,gyro_z,quat_w,quat_x,quat_y,quat_z";

    private OpenPackFixture() {
    }

    /** Writes user {@code user}, session {@code session} under {@code root}; returns the user folder. */
    static Path writeSession(Path root, String user, String session) throws IOException {
        Path u = root.resolve(user);
        String f = session + ".csv";
        for (int n = 1; n <= 4; n++) {
            List<String> lines = new ArrayList<>();
            lines.add(ATR_HEADER);
            for (int i = 0; i < ROWS; i++) {
                lines.add(atrRow(n, i));
            }
            write(u.resolve("atr/atr0" + n).resolve(f), lines);
        }
        long start = T0 - 500;
        long end = T0 + 30L * ROWS + 500;
        List<String> acc = new ArrayList<>(List.of("time,acc_x,acc_y,acc_z"));
        for (int k = 0; start + Math.round(k * 31.25) <= end; k++) {
            acc.add((start + Math.round(k * 31.25)) + ",0.0,0.0," + (1 / 9.80665));
        }
        write(u.resolve("e4/e401/acc").resolve(f), acc);
        List<String> bvp = new ArrayList<>(List.of("time,bvp"));
        for (int k = 0; start + 16L * k <= end; k++) {
            bvp.add((start + 16L * k) + "," + k + ".0");
        }
        write(u.resolve("e4/e401/bvp").resolve(f), bvp);
        List<String> eda = new ArrayList<>(List.of("time,eda"));
        List<String> temp = new ArrayList<>(List.of("time,temp"));
        for (int k = 0; start + 250L * k <= end; k++) {
            eda.add((start + 250L * k) + "," + k + ".0");
            temp.add((start + 250L * k) + "," + (30 + k) + ".0");
        }
        write(u.resolve("e4/e401/eda").resolve(f), eda);
        write(u.resolve("e4/e401/temp").resolve(f), temp);
        write(u.resolve("annotation/openpack-operations").resolve(f), List.of(
                "uuid,user,session,box,id,operation,start,end,actions",
                "op:a," + user + "," + session + ",1,100,Picking,2022-03-29 14:25:21.300000+09:00,"
                        + "2022-03-29 14:25:22.500000+09:00,act:x;act:y",
                "op:b," + user + "," + session + ",1,300,Assemble Box,2022-03-29 14:25:22.500000+09:00,"
                        + "2022-03-29 14:25:23.400000+09:00,act:z"));
        write(u.resolve("annotation/openpack-operations-1hz").resolve(f), List.of(
                "unixtime,user,session,box,id",
                T0 + "," + user + "," + session + ",1,100",
                (T0 + 1000) + "," + user + "," + session + ",1,100",
                (T0 + 2000) + "," + user + "," + session + ",1,300"));
        return u;
    }

    /** Row i of ATR device n, as written. */
    static String atrRow(int n, int i) {
        long t = T0 + 30L * i + (n == 2 ? 10 : 0);
        return String.format(Locale.ROOT, "%d,%s,%s,1.0,%d.0,0.0,%d.0,1.0,0.0,0.0,0.0",
                t, dec(n + i / 100.0), dec(-i / 100.0), i, -i);
    }

    private static String dec(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Replaces 1-based line {@code line} of {@code file} by {@code text}. */
    static void replaceLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.set(line - 1, text);
        write(file, lines);
    }

    /** Line {@code line} (1-based) of {@code file}. */
    static String line(Path file, int line) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(line - 1);
    }

    static void write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
