package org.tsak.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash and RAM bytes of a Cortex-M build, read from the toolchain's own output: section sizes
 * ({@code arm-none-eabi-size -A}) or the input sections a linker map assigns to one object file.
 * A section counts as flash if it is code or constants ({@code .vectors}, {@code .text*},
 * {@code .rodata*}, {@code .ARM.extab}/{@code .ARM.exidx}, init/fini arrays), as RAM if it is
 * {@code .bss*}, and as both if it is {@code .data*} (initial values in flash, copied to RAM);
 * anything else (debug, comments, attributes) is not loaded and not counted.
 *
 * @param flashBytes bytes a real part keeps in flash
 * @param ramBytes   bytes of static RAM (stack not included)
 * @param sections   size of every counted section, bytes, in input order
 */
public record ArmSections(long flashBytes, long ramBytes, Map<String, Long> sections) {

    private static final Pattern SIZE_LINE = Pattern.compile("^(\\.\\S+)\\s+(\\d+)\\s+\\d+\\s*$");
    private static final Pattern MAP_LINE = Pattern.compile("^\\s*(\\.\\S+)?\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+)\\s+(\\S+)\\s*$");
    private static final Pattern MAP_NAME_ONLY = Pattern.compile("^\\s(\\.\\S+)\\s*$");

    /** Parses {@code arm-none-eabi-size -A FILE} output. */
    public static ArmSections fromSizeOutput(String sizeOutput) {
        Map<String, Long> s = new LinkedHashMap<>();
        for (String line : sizeOutput.split("\\R")) {
            Matcher m = SIZE_LINE.matcher(line.trim());
            if (m.matches() && kind(m.group(1)) != Kind.NONE) {
                s.merge(m.group(1), Long.parseLong(m.group(2)), Long::sum);
            }
        }
        return of(s);
    }

    /**
     * The input sections a GNU ld map file ({@code -Wl,-Map=FILE}) places from {@code objectFileName}
     * into the image, after garbage collection (the "Discarded input sections" part is skipped).
     *
     * @throws IllegalArgumentException if the map has no memory map part
     */
    public static ArmSections fromLinkerMap(String map, String objectFileName) {
        int start = map.indexOf("Linker script and memory map");
        if (start < 0) {
            throw new IllegalArgumentException("not a GNU ld map file: no 'Linker script and memory map'");
        }
        Map<String, Long> s = new LinkedHashMap<>();
        String pending = null;
        for (String line : map.substring(start).split("\\R")) {
            Matcher only = MAP_NAME_ONLY.matcher(line);
            if (only.matches()) {
                pending = only.group(1);
                continue;
            }
            Matcher m = MAP_LINE.matcher(line);
            if (m.matches()) {
                String name = m.group(1) != null ? m.group(1) : pending;
                String file = m.group(4);
                if (name != null && (file.equals(objectFileName) || file.endsWith("/" + objectFileName))
                        && kind(name) != Kind.NONE) {
                    s.merge(name, Long.parseLong(m.group(3), 16), Long::sum);
                }
            }
            pending = null;
        }
        return of(s);
    }

    private static ArmSections of(Map<String, Long> sections) {
        long flash = 0;
        long ram = 0;
        for (Map.Entry<String, Long> e : sections.entrySet()) {
            Kind k = kind(e.getKey());
            flash += k == Kind.FLASH || k == Kind.BOTH ? e.getValue() : 0;
            ram += k == Kind.RAM || k == Kind.BOTH ? e.getValue() : 0;
        }
        return new ArmSections(flash, ram, sections);
    }

    private enum Kind { FLASH, RAM, BOTH, NONE }

    private static Kind kind(String section) {
        if (section.equals(".ARM.attributes")) {
            return Kind.NONE;
        }
        for (String p : new String[] {".vectors", ".text", ".rodata", ".ARM.extab", ".ARM.exidx", ".init_array",
            ".fini_array", ".preinit_array", ".init", ".fini"}) {
            if (section.equals(p) || section.startsWith(p + ".") || section.startsWith(p + "*")) {
                return Kind.FLASH;
            }
        }
        if (section.equals(".data") || section.startsWith(".data.")) {
            return Kind.BOTH;
        }
        if (section.equals(".bss") || section.startsWith(".bss.") || section.equals("COMMON")) {
            return Kind.RAM;
        }
        return Kind.NONE;
    }
}
