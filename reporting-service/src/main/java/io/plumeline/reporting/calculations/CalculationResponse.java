package io.plumeline.reporting.calculations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plumeline.core.emissions.CalculationResult;
import io.plumeline.core.emissions.CalculationStep;
import io.plumeline.core.emissions.FactorSource;
import io.plumeline.core.emissions.Provenance;
import java.util.List;

/**
 * {@code POST /api/v1/calculations}: the mass and CO2e of each gas in kg, the total CO2e and every step of the
 * working in the units of the regulation's formula. Gases are written as in the {@code emissions} measurement
 * (NOx, not NOX), so that a what-if and a stored hour read alike.
 */
public record CalculationResponse(String method, String citation, String gwp, List<GasMass> results, double co2eKg,
                                  List<Step> steps) {

    static CalculationResponse of(CalculationResult result) {
        return new CalculationResponse(result.method().name(), result.method().citation(), result.gwp(),
                result.results().stream().map(r -> new GasMass(r.gas().symbol(), r.massKg(), r.co2eKg())).toList(),
                result.co2eKg(), result.steps().stream().map(Step::of).toList());
    }

    public record GasMass(String gas, double massKg, double co2eKg) {
    }

    /** An input as converted, a factor with its table ({@code source}), or an intermediate result. */
    public record Step(String name, String formula, double value, String unit,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Source source) {
        static Step of(CalculationStep step) {
            return new Step(step.name(), step.formula(), step.value(), step.unit(), Source.of(step.source()));
        }
    }

    /** The versioned table a factor or GWP was read from and where the table comes from. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String tableId, String version, Origin provenance, String note) {
        static Source of(FactorSource source) {
            return source == null ? null
                    : new Source(source.tableId(), source.version(), Origin.of(source.provenance()), source.note());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String regulation, String table, String edition, String note) {
        static Origin of(Provenance provenance) {
            return provenance == null ? null
                    : new Origin(provenance.regulation(), provenance.table(), provenance.edition(), provenance.note());
        }
    }
}
