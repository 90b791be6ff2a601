package io.plumeline.simulator;

import picocli.CommandLine;

/** Ticks {@code first..last} (inclusive) of a tag are served Bad, as when a transmitter fails. */
public record FaultWindow(String tag, long first, long last) {

    public FaultWindow {
        if (first < 0 || first > last) {
            throw new IllegalArgumentException("tick range " + first + "-" + last
                    + " is empty or negative: FIRST-LAST needs 0 <= FIRST <= LAST");
        }
    }

    /** Parses {@code TAG:FIRST-LAST}; the tag id may itself contain ':' and '-'. */
    public static FaultWindow parse(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + spec + "' is not TAG:FIRST-LAST");
        }
        String range = spec.substring(colon + 1);
        int dash = range.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("'" + spec + "' is not TAG:FIRST-LAST");
        }
        try {
            return new FaultWindow(spec.substring(0, colon), Long.parseLong(range.substring(0, dash)),
                    Long.parseLong(range.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': FIRST and LAST must be tick numbers");
        }
    }

    public boolean covers(long tick) {
        return tick >= first && tick <= last;
    }

    @Override
    public String toString() {
        return tag + ":" + first + "-" + last;
    }

    static final class Converter implements CommandLine.ITypeConverter<FaultWindow> {
        @Override
        public FaultWindow convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
