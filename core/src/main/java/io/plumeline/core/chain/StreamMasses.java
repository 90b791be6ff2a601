package io.plumeline.core.chain;

import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.SiteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Refuses an hour's stream masses that do not match the site model's streams, naming every stream at fault. */
final class StreamMasses {

    private StreamMasses() {
    }

    static void check(SiteModel model, Instant hourStart, Map<String, Double> streamMassT) {
        Set<String> known = model.streams().stream().map(MaterialStream::id).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (MaterialStream s : model.streams()) {
            if (!streamMassT.containsKey(s.id())) problems.add("stream '" + s.id() + "' has no mass");
        }
        streamMassT.forEach((id, mass) -> {
            if (!known.contains(id)) {
                problems.add("stream '" + id + "' is not in the site model");
            } else if (mass == null || !Double.isFinite(mass) || mass < 0) {
                problems.add("stream '" + id + "' has mass " + mass + " t; it must be a finite number >= 0");
            }
        });
        fail(hourStart, problems);
    }

    static void fail(Instant hourStart, List<String> problems) {
        if (!problems.isEmpty()) throw new ChainException("hour " + hourStart + ": " + String.join("; ", problems));
    }
}
