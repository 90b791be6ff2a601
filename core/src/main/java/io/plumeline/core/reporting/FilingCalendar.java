package io.plumeline.core.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a program asks to be filed for a period of a site's calendar, and by when (a date of the site's calendar: the
 * filing is late from the day after).
 */
public final class FilingCalendar {

    /** One filing: what it is, the last day it may be made, and the rule that sets that day. */
    public record Filing(String what, LocalDate due, String citation) {
    }

    private FilingCalendar() {
    }

    /**
     * The filings of a period under the site's program: the annual report of a year (Part 98, EU ETS, China's national
     * market: by 31 March of the next year), China's monthly data of a month (within 20 days after it), and, when the
     * site has Part 75 sources, the quarterly electronic data report of a quarter (within 30 days after it). A period
     * the program files nothing for has none.
     */
    public static List<Filing> filingsOf(String program, boolean part75, ReportingPeriod period) {
        List<Filing> filings = new ArrayList<>();
        LocalDate lastDay = period.endDay().minusDays(1);
        switch (period.length()) {
            case YEAR -> filings.add(annual(program, period.year()));
            case MONTH -> {
                if (program.equals("CN_MEE")) {
                    filings.add(new Filing("monthly data", lastDay.plusDays(20),
                            "CN national carbon market, monthly data deposit (月度信息化存证): within 20 days after the month"));
                }
            }
            case QUARTER -> {
                if (part75) {
                    filings.add(new Filing("quarterly electronic data report", lastDay.plusDays(30), "40 CFR 75.64(a)"));
                }
            }
        }
        return filings;
    }

    private static Filing annual(String program, int year) {
        LocalDate march31 = LocalDate.of(year + 1, 3, 31);
        return switch (program) {
            case "EPA_PART98" -> new Filing("annual GHG report", march31, "40 CFR 98.3(b)");
            case "EU_ETS" -> new Filing("verified annual emissions report", march31, "Regulation (EU) 2018/2066 Art. 68(1)");
            case "CN_MEE" -> new Filing("annual emissions report", march31, "碳排放权交易管理办法（试行） (2021), Art. 25");
            default -> throw new IllegalArgumentException("no filing calendar for program '" + program + "'");
        };
    }
}
