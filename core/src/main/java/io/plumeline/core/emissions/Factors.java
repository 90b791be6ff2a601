package io.plumeline.core.emissions;

/** The factor tables a {@link Calculator} reads, one per regulation family. */
public record Factors(FactorTable epaC1C2, FactorTable epaSubpartY, FactorTable ipccMrr, FactorTable chinaMee) {

    /** The tables shipped with core. */
    public static Factors defaults() {
        return new Factors(FactorTable.load(FactorTable.EPA_PART98_C1_C2), FactorTable.load(FactorTable.EPA_PART98_Y),
                FactorTable.load(FactorTable.IPCC2006_MRR_ANNEX_VI), FactorTable.load(FactorTable.CN_MEE_PETROCHEMICAL));
    }

    public Factors withEpaC1C2(FactorTable table) {
        return new Factors(table, epaSubpartY, ipccMrr, chinaMee);
    }
}
