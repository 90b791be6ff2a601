package io.plumeline.hj212.platform;

import io.plumeline.hj212.packet.Cp;
import io.plumeline.hj212.packet.Hj212Time;
import io.plumeline.hj212.packet.Packet;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test platform checks in the CP of a data upload, beyond the frame (shared/reference/standards-and-users.md
 * §2.1): a DataTime that is a time ({@code yyyyMMddHHmmss}); every other key a pollutant code as Annex B writes them
 * (a letter and five digits) with a field the command carries — real-time (2011) {@code Rtd, ZsRtd}, statistics
 * (2051 minute, 2061 hour, 2031 day) {@code Cou, Min, Avg, Max, ZsMin, ZsAvg, ZsMax}, and for both {@code Flag,
 * EFlag, SampleTime}; values numbers; a {@code -Flag} one of the data flags N F M S D C T B. Other commands pass.
 */
final class DataCheck {

    private static final Pattern KEY = Pattern.compile("([a-z]\\d{5})-(\\w+)");
    private static final Set<String> FLAGS = Set.of("N", "F", "M", "S", "D", "C", "T", "B");
    private static final Set<String> TEXT_FIELDS = Set.of("Flag", "EFlag", "SampleTime");
    private static final Set<String> REALTIME = Set.of("Rtd", "ZsRtd");
    private static final Set<String> STATISTICS = Set.of("Cou", "Min", "Avg", "Max", "ZsMin", "ZsAvg", "ZsMax");
    private static final Map<String, Set<String>> FIELDS = Map.of("2011", REALTIME, "2051", STATISTICS, "2061", STATISTICS,
            "2031", STATISTICS);

    private DataCheck() {
    }

    /** What is wrong with the packet's data, empty when nothing is. */
    static Optional<String> problem(Packet packet) {
        Set<String> numeric = FIELDS.get(packet.cn());
        if (numeric == null) return Optional.empty();
        Optional<String> time = packet.cp().get("DataTime");
        if (time.isEmpty()) return Optional.of("CN " + packet.cn() + " without DataTime");
        try {
            LocalDateTime.parse(time.get(), Hj212Time.DATA_TIME);
        } catch (DateTimeParseException e) {
            return Optional.of("DataTime=" + time.get() + " is not a time yyyyMMddHHmmss");
        }
        for (var group : packet.cp().groups()) {
            for (Cp.Entry e : group) {
                if (e.key().equals("DataTime")) continue;
                Matcher key = KEY.matcher(e.key());
                if (!key.matches()) return Optional.of(e.key() + " is not code-field (a21026-Avg)");
                String field = key.group(2);
                if (field.equals("Flag") && !FLAGS.contains(e.value())) {
                    return Optional.of(e.key() + "=" + e.value() + " is not a data flag (N F M S D C T B)");
                }
                if (TEXT_FIELDS.contains(field)) continue;
                if (!numeric.contains(field)) return Optional.of(e.key() + ": CN " + packet.cn() + " carries no field " + field);
                if (!e.value().matches("-?\\d+(\\.\\d+)?")) return Optional.of(e.key() + "=" + e.value() + " is not a number");
            }
        }
        return Optional.empty();
    }
}
