package io.plumeline.reporting.corporate;

import io.plumeline.core.reporting.GasTotal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/corporate/emissions}: a period of every site the deployment serves, each site's period taken
 * in its own time zone and its CO2e under its own GWP set (named per site), summed by program and for the fleet.
 */
public record CorporateEmissions(String period, double co2eKg, List<GasTotal> byGas, List<ProgramTotal> byProgram,
                                 List<SiteTotal> bySite) {

    public record SiteTotal(String site, String siteName, String program, String gwp, String timeZone, Instant from,
                            Instant to, double co2eKg, List<GasTotal> byGas) {
    }

    public record ProgramTotal(String program, List<String> sites, double co2eKg, List<GasTotal> byGas) {
    }
}
