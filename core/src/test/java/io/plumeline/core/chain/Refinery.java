package io.plumeline.core.chain;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The example refinery, as is or with one edit, for the chain tests. */
final class Refinery {

    static final Path FILE = Path.of("../examples/sites/refinery.yaml");
    static final String CDU = "{id: cdu-1, name: Crude distillation unit}";
    static final String REFORMER = "{id: reformer-1, name: Catalytic reformer}";

    /**
     * The cracker's economic factors (value per tonne) in the example: the coke burnt off in the regenerator is worth
     * nothing and carries none of the cracker's emissions.
     */
    static final Map<String, Double> FCC_VALUE = Map.of("fcc-gasoline-out", 800.0, "fcc-lpg-out", 550.0, "lco", 650.0,
            "slurry-out", 420.0, "dry-gas-out", 300.0, "coke", 0.0);

    private Refinery() {
    }

    /**
     * The streams downstream of the CDU's residue at the example's nominal yields (the middle of each tag's range, per
     * 100 t of residue): the cracker's 44 % gasoline, 16 % LPG, 22 % LCO, 7 % slurry, 4 % dry gas and 7 % coke; 0.8 t of
     * hydrogen per 22 t of LCO and 22.6 t of diesel out of the hydrotreater; 2.4 t of sulfur from the SRU.
     */
    static Map<String, Double> downstreamOf(double residueT) {
        double lco = 0.22 * residueT;
        return Map.of("residue", residueT, "fcc-gasoline-out", 0.44 * residueT, "fcc-lpg-out", 0.16 * residueT, "lco", lco,
                "slurry-out", 0.07 * residueT, "dry-gas-out", 0.04 * residueT, "coke", 0.07 * residueT,
                "hydrogen", lco * 0.8 / 22, "dht-diesel-out", lco * 22.6 / 22, "sulfur-out", 2.4);
    }

    static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SiteModel model() {
        return SiteModelLoader.load(FILE);
    }

    /** The refinery with each {@code edits[i]} replaced by {@code edits[i + 1]}. */
    static String editedText(String... edits) {
        String text = text();
        for (int i = 0; i < edits.length; i += 2) {
            if (!text.contains(edits[i])) throw new AssertionError("the example refinery no longer contains " + edits[i]);
            text = text.replace(edits[i], edits[i + 1]);
        }
        return text;
    }

    static SiteModel edited(String... edits) {
        return SiteModelLoader.parse(editedText(edits), "refinery-edited.yaml");
    }
}
