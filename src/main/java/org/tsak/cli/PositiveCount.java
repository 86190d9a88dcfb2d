package org.tsak.cli;

import picocli.CommandLine;

/**
 * Reads a count option that must be at least 1 ({@code --workers N}): 0, a negative number or
 * text is a usage error (exit 2) with picocli's "Invalid value for option" message, before the
 * command starts.
 */
final class PositiveCount implements CommandLine.ITypeConverter<Integer> {

    @Override
    public Integer convert(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < 1) {
            throw new CommandLine.TypeConversionException("must be at least 1, got " + n);
        }
        return n;
    }
}
