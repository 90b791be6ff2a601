package io.plumeline.hj212.site;

import io.plumeline.core.site.Tag;
import java.util.List;
import java.util.Optional;

/**
 * One emission source as an HJ 212 data logger: its MN, system code, platforms and the tags it reports, each with
 * its code and the factor that turns the tag's value into the code's HJ 212 unit.
 */
public record Hj212Stack(String sourceId, String mn, String st, List<String> platforms, List<Mapped> pollutants) {

    public record Mapped(Pollutant pollutant, Tag tag, double factor) {
    }

    public Hj212Stack {
        platforms = List.copyOf(platforms);
        pollutants = List.copyOf(pollutants);
    }

    /** The flue gas flow (a00000), which a concentration's emitted amount ({@code -Cou}) needs. */
    public Optional<Mapped> flow() {
        return pollutants.stream().filter(m -> m.pollutant() == Pollutant.FLUE_GAS_FLOW).findFirst();
    }
}
