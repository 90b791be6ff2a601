package io.plumeline.core.chain;

import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.SiteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mass in versus mass out of each unit that has both input and output streams in the site model; a unit with
 * streams on one side only is an open end whose balance the model cannot close.
 */
public final class MaterialBalance {

    /** Meters on a refinery unit commonly close within 1-2 %; more points at a meter or a missing stream. */
    public static final double DEFAULT_THRESHOLD = 0.02;

    private final SiteModel model;
    private final double threshold;

    public MaterialBalance(SiteModel model) {
        this(model, DEFAULT_THRESHOLD);
    }

    /** {@code threshold}: the relative imbalance (0.02 = 2 %) above which a unit's hour is flagged. */
    public MaterialBalance(SiteModel model, double threshold) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the imbalance threshold is a fraction in (0, 1), found " + threshold);
        }
        this.model = model;
        this.threshold = threshold;
    }

    public List<UnitBalance> of(Instant hourStart, Map<String, Double> streamMassT) {
        StreamMasses.check(model, hourStart, streamMassT);
        List<UnitBalance> balances = new ArrayList<>();
        for (PlantUnit unit : model.units()) {
            List<MaterialStream> in = model.streams().stream().filter(s -> unit.id().equals(s.to())).toList();
            List<MaterialStream> out = model.streams().stream().filter(s -> unit.id().equals(s.from())).toList();
            if (in.isEmpty() || out.isEmpty()) continue;
            double massIn = in.stream().mapToDouble(s -> streamMassT.get(s.id())).sum();
            double massOut = out.stream().mapToDouble(s -> streamMassT.get(s.id())).sum();
            double imbalance = massIn - massOut;
            double larger = Math.max(massIn, massOut);
            double relative = larger == 0 ? 0 : imbalance / larger;
            balances.add(new UnitBalance(unit.id(), hourStart, massIn, massOut, imbalance, relative,
                    Math.abs(relative) > threshold));
        }
        return balances;
    }
}
