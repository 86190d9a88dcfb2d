package org.tsak.data.openpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The measured sampling rate of every source stream of an OpenPack root, before the reader aligns
 * them onto the IMU clock: what {@code tsak data inspect} prints per channel group (ATR IMUs at
 * about 30 Hz, E4 acc 32 Hz, BVP 64 Hz, EDA and temperature 4 Hz).
 */
public final class OpenPackSourceRates {

    private OpenPackSourceRates() {
    }

    /**
     * One line per stream file: {@code U0209-S0500 e4/bvp: 91,007 rows, 64.00 Hz (right_wrist/bvp)}.
     *
     * @param root folder holding the U#### user folders
     */
    public static List<String> describe(Path root) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> users;
        try (Stream<Path> s = Files.list(root)) {
            users = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().matches("U\\d{4}")).sorted()
                    .toList();
        }
        for (Path user : users) {
            for (OpenPackSensor sensor : OpenPackSensor.all()) {
                if (sensor.isAtr() && !sensor.stream().equals("acc")) {
                    continue; // acc, gyro and quat of one IMU share one file
                }
                Path folder = user.resolve(sensor.folder());
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                List<Path> files;
                try (Stream<Path> s = Files.list(folder)) {
                    files = s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
                }
                for (Path f : files) {
                    long[] t = NumericCsv.read(f, sensor.timeColumn(), List.of()).timesMs();
                    double seconds = t.length < 2 ? 0 : (t[t.length - 1] - t[0]) / 1000.0;
                    String name = sensor.isAtr() ? sensor.device() : "e4/" + sensor.stream();
                    String session = f.getFileName().toString().replace(".csv", "");
                    lines.add(String.format(Locale.ROOT, "%s-%s %s: %,d rows, %.2f Hz (%s)",
                            user.getFileName(), session, name, t.length, seconds > 0 ? (t.length - 1) / seconds : 0,
                            sensor.isAtr() ? sensor.position() + "/{acc,gyro,quat}" : String.join(" ",
                                    sensor.channelNames())));
                }
            }
        }
        return lines;
    }
}
