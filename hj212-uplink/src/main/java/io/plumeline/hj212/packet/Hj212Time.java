package io.plumeline.hj212.packet;

import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * HJ 212-2017's two time stamps, local time of the site: {@code QN} to the millisecond ({@code yyyyMMddHHmmssSSS}) and
 * the data segment's times ({@code DataTime}, {@code BeginTime}, {@code EndTime}, {@code SystemTime}: {@code
 * yyyyMMddHHmmss}). Strict, so that a parse refuses a day or hour that does not exist.
 */
public final class Hj212Time {

    public static final DateTimeFormatter QN = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS").withResolverStyle(ResolverStyle.STRICT);
    public static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

    private Hj212Time() {
    }
}
