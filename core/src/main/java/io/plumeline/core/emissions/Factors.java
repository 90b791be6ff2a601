package io.plumeline.core.emissions;

import java.util.List;

/** The factor tables a {@link Calculator} reads, one per regulation family (and China's grid factors by year). */
public record Factors(FactorTable epaC1C2, FactorTable epaSubpartY, FactorTable ipccMrr, FactorTable mrrAnnexIv,
                      FactorTable chinaMee, FactorTable chinaGrid) {

    /** The tables shipped with core. */
    public static Factors defaults() {
        return new Factors(FactorTable.load(FactorTable.EPA_PART98_C1_C2), FactorTable.load(FactorTable.EPA_PART98_Y),
                FactorTable.load(FactorTable.IPCC2006_MRR_ANNEX_VI), FactorTable.load(FactorTable.EU_MRR_ANNEX_IV),
                FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL), FactorTable.load(FactorTable.CN_MEE_GRID_ELECTRICITY));
    }

    /**
     * The tables {@code method} reads defaults from, so that a report can name the factor table versions behind
     * it; none for a method whose every value is measured.
     */
    public List<FactorTable> tablesOf(CalculationMethod method) {
        return switch (method) {
            case EPA_C1, EPA_C2A, EPA_C5, EPA_C8, EPA_C10 -> List.of(epaC1C2);
            case EPA_Y1A, EPA_Y2, EPA_Y3, EPA_Y6, EPA_Y8, EPA_Y12 -> List.of(epaSubpartY);
            case EU_MRR_STD -> List.of(ipccMrr);
            case EU_MRR_HYDROGEN -> List.of(mrrAnnexIv);
            case CN_MEE_COMBUSTION, CN_MEE_FLARE, CN_MEE_FCC_COKE, CN_MEE_REFORMER_COKE, CN_MEE_HEAT -> List.of(chinaMee);
            case CN_MEE_ELECTRICITY -> List.of(chinaGrid);
            case EPA_C6, EPA_ZZ, EPA_P1, EU_MRR_MASS_BALANCE, EU_MRR_CAT_CRACKER, CN_MEE_HYDROGEN,
                 CN_MEE_ETHYLENE_DECOKING, CN_MEE_CO2_RECOVERY, EPA_PART75_F11, POLLUTANT_MASS -> List.of();
        };
    }
}
