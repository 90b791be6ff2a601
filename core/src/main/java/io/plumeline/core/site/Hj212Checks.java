package io.plumeline.core.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A source's {@code hj212} block (docs/site-model.md, "HJ 212"): what the site model alone can tell — an MN of 1 to
 * 24 letters or digits, used by one source only; a two-digit ST; at least one platform id; pollutant codes spelled
 * as HJ 212-2017 Annex B spells them (a letter and five digits: a21026), each naming a known tag. Which code takes
 * which unit is the uplink's to check, as it is the one that knows the codes.
 */
final class Hj212Checks {

    private static final Pattern MN = Pattern.compile("[0-9A-Za-z]{1,24}");
    private static final Pattern ST = Pattern.compile("\\d{2}");
    private static final Pattern PLATFORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern CODE = Pattern.compile("[a-z]\\d{5}");

    /** The flags an analyser's state can set (HJ 212-2017 Annex A): calibration, maintenance, manual, fault, stopped. */
    static final Set<String> STATUS_FLAGS = Set.of("C", "M", "S", "D", "F");

    private Hj212Checks() {
    }

    private static void checkStatus(SiteModel model, String path, EmissionSource.AnalyserStatus status,
                                    BiConsumer<String, String> problem) {
        if (status == null) return;
        if (status.tag() == null || model.tag(status.tag()).isEmpty()) problem.accept(path + ".tag", "unknown tag '" + status.tag() + "'");
        if (status.flags().isEmpty()) problem.accept(path + ".flags", "maps no value of the state tag to a flag");
        status.flags().forEach((value, flag) -> {
            if (!isNumber(value)) {
                problem.accept(path + ".flags." + value, "is not a value of the state tag (a number, e.g. 1)");
            } else if (!STATUS_FLAGS.contains(flag)) {
                problem.accept(path + ".flags." + value, "'" + flag + "' is not a flag an analyser's state sets; one of "
                        + new TreeSet<>(STATUS_FLAGS) + " (C calibration, M maintenance, S manual, D fault, F stopped)");
            }
        });
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static void check(SiteModel model, BiConsumer<String, String> problem) {
        Map<String, String> sourceByMn = new HashMap<>();
        List<EmissionSource> sources = model.sources();
        for (int i = 0; i < sources.size(); i++) {
            EmissionSource.Hj212 hj212 = sources.get(i).hj212();
            if (hj212 == null) continue;
            String path = "sources[" + i + "].hj212";
            if (hj212.mn() == null || !MN.matcher(hj212.mn()).matches()) {
                problem.accept(path + ".mn", "must be 1 to 24 letters or digits, found '" + hj212.mn() + "'");
            } else {
                String other = sourceByMn.putIfAbsent(hj212.mn(), sources.get(i).id());
                if (other != null) problem.accept(path + ".mn", "'" + hj212.mn() + "' is already the MN of source '" + other + "'");
            }
            if (!ST.matcher(hj212.st()).matches()) problem.accept(path + ".st", "must be two digits (31: air pollution source), found '" + hj212.st() + "'");
            if (hj212.platforms().isEmpty()) problem.accept(path + ".platforms", "names no platform");
            for (int p = 0; p < hj212.platforms().size(); p++) {
                String id = hj212.platforms().get(p);
                if (id == null || !PLATFORM.matcher(id).matches()) {
                    problem.accept(path + ".platforms[" + p + "]", "'" + id + "' is not a platform id (letters, digits, - and _)");
                }
            }
            if (hj212.pollutants().isEmpty()) problem.accept(path + ".pollutants", "maps no pollutant code to a tag");
            checkStatus(model, path + ".status", hj212.status(), problem);
            hj212.pollutants().forEach((code, tag) -> {
                if (!CODE.matcher(code).matches()) {
                    problem.accept(path + ".pollutants." + code, "is not an HJ 212 code (a letter and five digits, e.g. a21026)");
                } else if (tag == null || model.tag(tag).isEmpty()) {
                    problem.accept(path + ".pollutants." + code, "unknown tag '" + tag + "'");
                }
            });
        }
    }
}
