package io.plumeline.core.telemetry;

import java.time.Instant;

/**
 * The usual text of an instant on Kafka, {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} (1–9 digits of fraction), read
 * without a formatter: it is in every reading twice. Null for any other text — an offset, a leap second, lower
 * case, a day the month does not have — which the JavaTimeModule's deserializer reads (or refuses) as before.
 */
final class UtcText {

    private static final long DAYS_0000_TO_1970 = 719_528; // as java.time.LocalDate counts them

    private UtcText() {
    }

    static Instant instant(char[] text, int offset, int length) {
        if (length < 20 || length > 30 || text[offset + length - 1] != 'Z') return null;
        int year = digits(text, offset, 4);
        int month = digits(text, offset + 5, 2);
        int day = digits(text, offset + 8, 2);
        int hour = digits(text, offset + 11, 2);
        int minute = digits(text, offset + 14, 2);
        int second = digits(text, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || text[offset + 4] != '-' || text[offset + 7] != '-' || text[offset + 10] != 'T'
                || text[offset + 13] != ':' || text[offset + 16] != ':') {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // between the '.' and the 'Z'
            if (text[offset + 19] != '.' || fraction < 1) return null;
            nanos = digits(text, offset + 20, fraction);
            if (nanos < 0) return null;
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        long seconds = epochDay(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The decimal number of {@code count} digits at {@code at}; -1 when one is not a digit. */
    private static int digits(char[] text, int at, int count) {
        int n = 0;
        for (int i = at; i < at + count; i++) {
            int d = text[i] - '0';
            if (d < 0 || d > 9) return -1;
            n = n * 10 + d;
        }
        return n;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date with a year of 0 to 9999 (LocalDate.toEpochDay). */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12 + day - 1;
        if (month > 2) total -= isLeap(year) ? 1 : 2;
        return total - DAYS_0000_TO_1970;
    }
}
