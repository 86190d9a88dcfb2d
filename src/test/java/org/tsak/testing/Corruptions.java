package org.tsak.testing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * jqwik generators of {@link Corruption}s: byte-level damage for any file, line-level damage for
 * text files, field-level damage for CSV files and scalar replacement for JSON and YAML.
 */
public final class Corruptions {

    /** Values put into fields: non-finite, out of float range, empty, ill-formed, non-ASCII. */
    public static final List<String> SPECIAL_VALUES = List.of(
            "NaN", "nan", "Infinity", "-Infinity", "inf", "1e39", "-1e39", "3.4e38", "-3.4e38", "1e-50",
            "", " ", "0x1p3", "1.5e", "--1", "1,5", "١٢", "9223372036854775808", "99999999999999999999",
            "1.0f", "+0.5", "-0", "null", "\"7\"", "0.5\r", "1e400");

    /** Lines inserted as garbage. */
    public static final List<String> GARBAGE_LINES = List.of(
            "garbage", "#", "# note", ",,,,", "\u0000\u0001\u0002", "1,2,3", "timestamp_ms,right_wrist/acc_x",
            "{", "]", "key: : value", "x".repeat(5000), "\t", "é;ü;ß", "-", "!!binary", "&a *a");

    /** Header names put in place of a column name. */
    public static final List<String> COLUMN_NAMES = List.of(
            "", " ", "acc_x", "right_wrist/acc_x", "Operation", "timestamp", "box ", "right wrist/acc x",
            "time", "unixtime", "id", "start", "a/b/c", "quat_w", "operation");

    private static final Arbitrary<Double> AT = Arbitraries.doubles().between(0, 1);

    private Corruptions() {
    }

    /** Damage to bytes: truncation, bit flips, byte replacement, re-encoding, a Latin-1 byte. */
    public static Arbitrary<Corruption> bytes() {
        return Arbitraries.oneOf(
                AT.map(Corruption.Truncate::new),
                Combinators.combine(AT, Arbitraries.integers().between(0, 7)).as(Corruption.FlipBit::new),
                Combinators.combine(AT, Arbitraries.oneOf(
                        Arbitraries.of(0, (int) '\n', (int) '\r', (int) ',', (int) ';', (int) '"', (int) '-',
                                (int) '.', (int) 'e', (int) ' ', (int) '#', (int) ':', 0xFF, 0xC3, 0x80),
                        Arbitraries.integers().between(0, 255))).as(Corruption.ReplaceByte::new),
                AT.map(Corruption.InsertLatin1::new),
                Arbitraries.of("UTF-16", "UTF-16LE", "UTF-8 BOM").map(Corruption.Reencode::new));
    }

    /** Damage to lines: empty, garbage, duplicated, deleted and swapped lines, {@code ;} for {@code ,}. */
    public static Arbitrary<Corruption> lines() {
        return Arbitraries.oneOf(
                AT.map(Corruption.InsertEmptyLine::new),
                Combinators.combine(AT, Arbitraries.of(GARBAGE_LINES)).as(Corruption.GarbageLine::new),
                AT.map(Corruption.DuplicateLine::new),
                AT.map(Corruption.DeleteLine::new),
                Combinators.combine(AT, AT).as(Corruption.SwapLines::new),
                Arbitraries.oneOf(Arbitraries.just(0.0), AT).map(Corruption.SemicolonSeparators::new));
    }

    /**
     * Damage to CSV columns and fields, including timestamps repeated, reordered or shifted, and
     * runs of huge values near the float limit (finite, but not once scaled or subtracted).
     */
    public static Arbitrary<Corruption> csvFields() {
        Arbitrary<Integer> column = Arbitraries.integers().between(0, 40);
        return Arbitraries.oneOf(
                column.map(Corruption.DropHeaderColumn::new),
                Combinators.combine(column, Arbitraries.of(COLUMN_NAMES)).as(Corruption.RenameHeaderColumn::new),
                column.map(Corruption.DropColumn::new),
                Combinators.combine(AT, Arbitraries.integers().between(1, 50), column, Arbitraries.just(""))
                        .as(Corruption.SetValue::new),
                Combinators.combine(AT, Arbitraries.integers().between(1, 3), column, Arbitraries.of(SPECIAL_VALUES))
                        .as(Corruption.SetValue::new),
                Combinators.combine(AT, Arbitraries.integers().between(1, 20), column,
                        Arbitraries.of("3.4e38", "-3.4e38", "3e38", "-3e38", "1e39")).as(Corruption.SetValue::new),
                AT.map(Corruption.RepeatTimestamp::new),
                Combinators.combine(AT, Arbitraries.of(-100_000L, -5_000L, -40L, -1L, 1L, 400L, 5_000L,
                        1_000_000_000L, 1_000_000_000_000L)).as(Corruption.ShiftTimestamp::new));
    }

    /** Replacement of a JSON or YAML scalar by a special value or another scalar. */
    public static Arbitrary<Corruption> scalars() {
        return Combinators.combine(AT, Arbitraries.oneOf(Arbitraries.of(SPECIAL_VALUES),
                Arbitraries.of("true", "~", "-1", "0", "1.5", "2147483648", "1e999", "[]", "{}", "'x'", "abc",
                        "100", "8100", "999", "sc-logit", "subject", "simulator", "openpack")))
                .as(Corruption.ReplaceScalar::new);
    }

    /** One to three corruptions of a CSV file, mostly field and line damage, some byte damage. */
    public static Arbitrary<List<Corruption>> forCsv() {
        return Arbitraries.frequencyOf(
                        tuple(4, csvFields()),
                        tuple(3, lines()),
                        tuple(3, bytes()))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** One to three corruptions of a JSON or YAML file. */
    public static Arbitrary<List<Corruption>> forStructuredText() {
        return Arbitraries.frequencyOf(tuple(4, scalars()), tuple(3, lines()), tuple(3, bytes()))
                .list().ofMinSize(1).ofMaxSize(3);
    }

    /** One to three corruptions of a binary file. */
    public static Arbitrary<List<Corruption>> forBinary() {
        return bytes().list().ofMinSize(1).ofMaxSize(3);
    }

    /** Applies corruptions in order. */
    public static byte[] applyAll(List<Corruption> corruptions, byte[] file) {
        byte[] b = file;
        for (Corruption c : corruptions) {
            b = c.apply(b);
        }
        return b;
    }

    private static Tuple2<Integer, Arbitrary<? extends Corruption>> tuple(int weight,
            Arbitrary<Corruption> a) {
        return Tuple.of(weight, a);
    }
}
