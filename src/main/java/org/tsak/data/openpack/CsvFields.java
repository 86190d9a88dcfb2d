package org.tsak.data.openpack;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of a comma-separated text file (the OpenPack annotation files) into fields,
 * by scanning for commas (no regex). A field wrapped in double quotes may contain commas, and
 * {@code ""} inside it stands for one quote, as pandas writes them. Fields are trimmed.
 */
public final class CsvFields {

    private CsvFields() {
    }

    /** The fields of {@code line}; an empty line gives one empty field. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            sb.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                int comma = line.indexOf(',', i);
                out.add(sb.toString());
                if (comma < 0) {
                    return out;
                }
                i = comma + 1;
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                out.add(line.substring(i, end).trim());
                if (comma < 0) {
                    return out;
                }
                i = comma + 1;
            }
        }
    }
}
