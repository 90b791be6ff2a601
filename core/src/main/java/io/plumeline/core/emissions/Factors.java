package io.plumeline.core.emissions;

import java.util.List;

/** The factor tables a {@link Calculator} reads, one per regulation family. */
public record Factors(FactorTable epaC1C2, FactorTable epaSubpartY, FactorTable ipccMrr, FactorTable chinaMee) {

    /** The tables shipped with core. */
    public static Factors defaults() {
        return new Factors(FactorTable.load(FactorTable.EPA_PART98_C1_C2), FactorTable.load(FactorTable.EPA_PART98_Y),
                FactorTable.load(FactorTable.IPCC2006_MRR_ANNEX_VI), FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL));
    }

    /**
     * The tables {@code method} reads defaults from, so that a report can name the factor table versions behind
     * it; none for a method whose every value is measured.
     */
    public List<FactorTable> tablesOf(CalculationMethod method) {
        return switch (method) {
            case EPA_C1, EPA_C2A, EPA_C5, EPA_C8 -> List.of(epaC1C2);
            case EPA_Y3 -> List.of(epaSubpartY);
            case EU_MRR_STD -> List.of(ipccMrr);
            case CN_MEE_COMBUSTION -> List.of(chinaMee);
            case EPA_C6, EPA_Y1A, EU_MRR_MASS_BALANCE, EPA_PART75_F11, POLLUTANT_MASS -> List.of();
        };
    }

    public Factors withEpaC1C2(FactorTable table) {
        return new Factors(table, epaSubpartY, ipccMrr, chinaMee);
    }
}
