package io.plumeline.hj212.site;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site model's stacks that carry an {@code hj212} block (docs/site-model.md, "HJ 212"), checked for what core's
 * validator leaves to the uplink: every code is one the uplink knows and every tag is in a unit that converts to the
 * code's HJ 212 unit. Each stack's reference O2 comes from the uplink's {@code --reference-o2}, by source id, as the
 * site model's {@code hj212} block has no key for it; one is refused for a source without a block or without an O2
 * (a19001) to convert from, and outside 0 ≤ O2_ref < 20.9 % (air). All problems are reported at once, each with its
 * path.
 */
public final class Hj212Stacks {

    private static final String REFERENCE_O2 = "--reference-o2 ";

    private Hj212Stacks() {
    }

    public static List<Hj212Stack> of(SiteModel model, Map<String, Double> referenceO2) {
        List<Hj212Stack> stacks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Double> unused = new LinkedHashMap<>(referenceO2);
        for (int i = 0; i < model.sources().size(); i++) {
            EmissionSource source = model.sources().get(i);
            EmissionSource.Hj212 hj212 = source.hj212();
            if (hj212 == null) continue;
            List<Hj212Stack.Mapped> mapped = new ArrayList<>();
            for (Map.Entry<String, String> entry : hj212.pollutants().entrySet()) {
                String path = "sources[" + i + "].hj212.pollutants." + entry.getKey();
                Tag tag = model.tag(entry.getValue()).orElseThrow();
                mapping(path, entry.getKey(), tag, problems).ifPresent(mapped::add);
            }
            Double reference = unused.remove(source.id());
            if (reference != null) checkReference(source.id(), reference, hj212, problems);
            stacks.add(new Hj212Stack(source.id(), hj212.mn(), hj212.st(), hj212.platforms(), mapped, reference, state(source)));
        }
        unused.keySet().forEach(id -> problems.add(REFERENCE_O2 + id + ": no source with an hj212 block has this id"));
        if (!problems.isEmpty()) throw new IllegalArgumentException("site model: " + String.join("; ", problems));
        return stacks;
    }

    /** The analyser's state tag and the source's operating status, as far as the site model names them. */
    private static StackState state(EmissionSource source) {
        EmissionSource.AnalyserStatus status = source.hj212().status();
        Map<Double, Character> flags = new LinkedHashMap<>();
        if (status != null) status.flags().forEach((value, flag) -> flags.put(Double.parseDouble(value), flag.charAt(0)));
        EmissionSource.OperatingStatus operating = source.operatingStatus();
        return new StackState(status == null ? null : status.tag(), flags, operating == null ? null : operating.tag(),
                operating == null ? null : operating.above());
    }

    private static void checkReference(String source, double o2, EmissionSource.Hj212 hj212, List<String> problems) {
        if (!hj212.pollutants().containsKey(Pollutant.O2.code())) {
            problems.add(REFERENCE_O2 + source + ": the source maps no O2 (" + Pollutant.O2.code() + ") to convert from");
        }
        if (o2 < 0 || o2 >= Hj212Stack.AMBIENT_O2_PERCENT) {
            problems.add(REFERENCE_O2 + source + "=" + o2 + ": must be at least 0 and below " + Hj212Stack.AMBIENT_O2_PERCENT + " % (air)");
        }
    }

    private static Optional<Hj212Stack.Mapped> mapping(String path, String code, Tag tag, List<String> problems) {
        Optional<Pollutant> pollutant = Pollutant.of(code);
        if (pollutant.isEmpty()) {
            problems.add(path + ": the uplink does not know code " + code + "; it knows " + known());
            return Optional.empty();
        }
        Optional<Double> factor = pollutant.get().kind().factorFrom(UnitOfMeasure.of(tag.uom()));
        if (factor.isEmpty()) {
            problems.add(path + ": tag '" + tag.id() + "' is in " + tag.uom() + "; HJ 212 reports " + code + " in "
                    + pollutant.get().kind().expected());
            return Optional.empty();
        }
        return Optional.of(new Hj212Stack.Mapped(pollutant.get(), tag, factor.get()));
    }

    private static List<String> known() {
        return Arrays.stream(Pollutant.values()).map(Pollutant::code).toList();
    }
}
