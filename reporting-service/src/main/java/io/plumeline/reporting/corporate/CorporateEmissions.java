package io.plumeline.reporting.corporate;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodEmissions;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/corporate/emissions}: a period of every site the deployment serves, each site's period taken
 * in its own time zone and its CO2e under its own GWP set (named per site), summed by program and for the fleet.
 */
public record CorporateEmissions(String period, double co2eKg, Scopes scopes, List<GasTotal> byGas,
                                 List<ProgramTotal> byProgram, List<SiteTotal> bySite) {

    public record SiteTotal(String site, String siteName, String program, String gwp, String timeZone, Instant from,
                            Instant to, double co2eKg, Scopes scopes, List<GasTotal> byGas) {
    }

    public record ProgramTotal(String program, List<String> sites, double co2eKg, Scopes scopes, List<GasTotal> byGas) {
    }

    /**
     * The total apart by how it counts: emitted at the sites ({@code directCo2eKg}, scope 1), at the plants that made
     * the electricity and heat the sites bought ({@code indirectCo2eKg}, scope 2), and CO2 recovered
     * ({@code recoveredCo2eKg}, negative); {@code co2eKg} is their sum.
     */
    public record Scopes(double directCo2eKg, double indirectCo2eKg, double recoveredCo2eKg) {

        static Scopes of(PeriodEmissions rollup) {
            return new Scopes(rollup.co2eKg(Accounting.DIRECT), rollup.co2eKg(Accounting.INDIRECT),
                    rollup.co2eKg(Accounting.DEDUCTION));
        }

        static Scopes sum(List<Scopes> parts) {
            return new Scopes(parts.stream().mapToDouble(Scopes::directCo2eKg).sum(),
                    parts.stream().mapToDouble(Scopes::indirectCo2eKg).sum(),
                    parts.stream().mapToDouble(Scopes::recoveredCo2eKg).sum());
        }
    }
}
