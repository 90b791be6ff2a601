package io.plumeline.hj212.site;

import io.plumeline.core.site.Tag;
import java.util.List;
import java.util.Optional;

/**
 * One emission source as an HJ 212 data logger: its MN, system code, platforms and the tags it reports, each with
 * its code and the factor that turns the tag's value into the code's HJ 212 unit; {@code referenceO2} (vol%, null
 * when not given) the O2 its concentrations are converted to for {@code -ZsAvg}; {@code state} what flags its data as
 * calibration, maintenance or a stopped source.
 */
public record Hj212Stack(String sourceId, String mn, String st, List<String> platforms, List<Mapped> pollutants,
                         Double referenceO2, StackState state) {

    /** O2 of dry ambient air, vol%: an O2 reading at or above it is air, not flue gas. */
    public static final double AMBIENT_O2_PERCENT = 20.9;

    public record Mapped(Pollutant pollutant, Tag tag, double factor) {
    }

    public Hj212Stack {
        platforms = List.copyOf(platforms);
        pollutants = List.copyOf(pollutants);
    }

    /** The flue gas flow (a00000), which a concentration's emitted amount ({@code -Cou}) needs. */
    public Optional<Mapped> flow() {
        return mapped(Pollutant.FLUE_GAS_FLOW);
    }

    /** The measured O2 (a19001), which {@code -ZsAvg} needs. */
    public Optional<Mapped> o2() {
        return mapped(Pollutant.O2);
    }

    private Optional<Mapped> mapped(Pollutant pollutant) {
        return pollutants.stream().filter(m -> m.pollutant() == pollutant).findFirst();
    }
}
