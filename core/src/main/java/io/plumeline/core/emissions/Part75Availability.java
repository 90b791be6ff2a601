package io.plumeline.core.emissions;

/**
 * Which missing-data procedure of 40 CFR Part 75 applies to a monitored parameter's hour, and its percent monitor
 * data availability (PMA). Counts are of the unit's operating hours (a shut-down hour is none) and of its
 * quality-assured monitor operating hours (valid hours, §75.10(d)(1)), since initial certification — here, since
 * the first hour the parameter was recorded.
 */
public final class Part75Availability {

    /** §75.32(a)(2), Eq. 9: the PMA counts the previous 8,760 unit operating hours once there are that many. */
    public static final int EQ9_HOURS = 8_760;
    /** §75.31(a): the initial procedures for no longer than three years after initial certification. */
    public static final long INITIAL_PERIOD_CLOCK_HOURS = 26_280;
    /**
     * §75.31(a): the initial period lasts for the first 720 quality-assured monitor operating hours of an SO2, CO2,
     * O2 or moisture monitor, 2,160 of a flow or NOx monitor; §75.33 then looks back over as many (Tables 1 and 2).
     */
    public static final int CONCENTRATION_HOURS = 720;
    public static final int FLOW_HOURS = 2_160;

    private Part75Availability() {
    }

    /**
     * How many of the latest unit operating hours the PMA counts, §75.32(a)(1)–(2): all since certification while
     * they are fewer than 8,760 (Eq. 8), then the previous 8,760 (Eq. 9).
     */
    public static int window(long unitOperatingHoursSinceCertification) {
        return (int) Math.min(EQ9_HOURS, unitOperatingHoursSinceCertification);
    }

    /** PMA in percent, Eq. 8 or Eq. 9: quality-assured monitor operating hours over the unit operating hours counted. */
    public static double percent(int qualityAssuredHours, int unitOperatingHours) {
        if (unitOperatingHours <= 0 || qualityAssuredHours < 0 || qualityAssuredHours > unitOperatingHours) {
            throw new IllegalArgumentException("PMA needs 0 ≤ quality-assured hours (" + qualityAssuredHours
                    + ") ≤ unit operating hours (" + unitOperatingHours + "), unit operating hours > 0");
        }
        return 100.0 * qualityAssuredHours / unitOperatingHours;
    }

    /**
     * Whether an hour falls in the §75.31 initial period: fewer than {@code requiredHours} (720 or 2,160)
     * quality-assured monitor operating hours before it, and less than 26,280 clock hours since certification.
     */
    public static boolean initialPeriod(long qualityAssuredHoursBefore, long clockHoursSinceCertification,
                                        int requiredHours) {
        return qualityAssuredHoursBefore < requiredHours && clockHoursSinceCertification < INITIAL_PERIOD_CLOCK_HOURS;
    }
}
