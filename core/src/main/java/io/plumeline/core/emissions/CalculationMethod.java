package io.plumeline.core.emissions;

import static io.plumeline.core.emissions.MethodInput.optional;
import static io.plumeline.core.emissions.MethodInput.required;
import static io.plumeline.core.units.Dimension.CARBON_PER_ENERGY;
import static io.plumeline.core.units.Dimension.CARBON_PER_GAS_VOLUME;
import static io.plumeline.core.units.Dimension.ENERGY;
import static io.plumeline.core.units.Dimension.ENERGY_PER_GAS_VOLUME;
import static io.plumeline.core.units.Dimension.ENERGY_PER_MASS;
import static io.plumeline.core.units.Dimension.ENERGY_PER_VOLUME;
import static io.plumeline.core.units.Dimension.FRACTION;
import static io.plumeline.core.units.Dimension.GAS_VOLUME;
import static io.plumeline.core.units.Dimension.GAS_VOLUME_RATE;
import static io.plumeline.core.units.Dimension.MASS;
import static io.plumeline.core.units.Dimension.MASS_CONCENTRATION;
import static io.plumeline.core.units.Dimension.MASS_PER_ENERGY;
import static io.plumeline.core.units.Dimension.MOLAR_MASS;
import static io.plumeline.core.units.Dimension.TIME;
import static io.plumeline.core.units.Dimension.VOLUME;
import static io.plumeline.core.units.Dimension.VOLUME_FRACTION;
import static io.plumeline.core.units.HeatingValueBasis.HHV;
import static io.plumeline.core.units.HeatingValueBasis.LHV;
import static io.plumeline.core.units.MoistureBasis.DRY;
import static io.plumeline.core.units.MoistureBasis.WET;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The regulatory calculation methods a source may name (see docs/calculations.md and the emissions
 * reference), with the inputs each one takes. An optional input of a Part 98, MRR or MEE method is taken
 * from the method's factor table for the fuel when it is not given. {@code duration} is needed in a
 * calculation request; the hourly accounting supplies it. The equations are pure functions beside this class.
 */
public enum CalculationMethod {
    EPA_C1("40 CFR 98.33(a)(1), Eq. C-1", required("fuelQuantity", GAS_VOLUME, VOLUME, MASS)),
    EPA_C2A("40 CFR 98.33(a)(2), Eq. C-2a",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            required("hhv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS).on(HHV)),
    EPA_C5("40 CFR 98.33(a)(3)(iii), Eq. C-5",
            required("fuelQuantity", GAS_VOLUME), required("carbonContent", FRACTION),
            required("molecularWeight", MOLAR_MASS), optional("hhv", ENERGY_PER_GAS_VOLUME).on(HHV)),
    EPA_C6("40 CFR 98.33(a)(4), Eq. C-6 and C-7",
            required("co2Concentration", VOLUME_FRACTION), required("stackFlow", GAS_VOLUME_RATE).on(WET),
            optional("duration", TIME), optional("moisture", FRACTION, VOLUME_FRACTION)),
    EPA_C8("40 CFR 98.33(c), Eq. C-8",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("hhv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS).on(HHV)),
    /** Tier 4 CH4 and N2O: the heat input comes from the CEMS (Part 75 App. F) or the fuel's records. */
    EPA_C10("40 CFR 98.33(c)(4), Eq. C-10", required("heatInput", ENERGY)),
    EPA_Y1A("40 CFR 98.253(b)(1)(ii)(A), Eq. Y-1a; CH4 Eq. Y-4, N2O Eq. Y-5",
            required("flareGas", GAS_VOLUME), required("carbonContent", FRACTION),
            required("molecularWeight", MOLAR_MASS), optional("methaneFraction", FRACTION)),
    /** Heat content monitored (e-GGRT "Equation Y-2 Heat Content Monitored"); the id EPA_Y3 was this method until renamed. */
    EPA_Y2("40 CFR 98.253(b)(1)(ii)(B), Eq. Y-2; CH4 Eq. Y-4, N2O Eq. Y-5",
            required("flareGas", GAS_VOLUME), required("hhv", ENERGY_PER_GAS_VOLUME).on(HHV),
            optional("methaneFraction", FRACTION)),
    /**
     * The default-factor method for a flare whose HHV and carbon content are not measured at least weekly: the
     * flare gas of routine operation and the HHV of company records, with EmF = 60 kg/mmBtu.
     */
    EPA_Y3("40 CFR 98.253(b)(1)(iii)(A), Eq. Y-3; CH4 Eq. Y-4, N2O Eq. Y-5",
            required("flareGas", GAS_VOLUME), required("hhv", ENERGY_PER_GAS_VOLUME).on(HHV),
            optional("methaneFraction", FRACTION)),
    /** Catalytic cracking or fluid coking unit without a CO2 CEMS; Q_r measured or from Eq. Y-7a/Y-7b, dry. */
    EPA_Y6("40 CFR 98.253(c)(2), Eq. Y-6; CH4 Eq. Y-9, N2O Eq. Y-10",
            required("exhaustFlow", GAS_VOLUME_RATE).on(DRY), required("co2Concentration", VOLUME_FRACTION).on(DRY),
            optional("coConcentration", VOLUME_FRACTION).on(DRY), optional("duration", TIME)),
    EPA_Y8("40 CFR 98.253(c)(3), Eq. Y-8; CH4 Eq. Y-9, N2O Eq. Y-10",
            required("cokeBurned", MASS), required("carbonContent", FRACTION)),
    EPA_Y12("40 CFR 98.253(f), Eq. Y-12",
            required("sourGasFlow", GAS_VOLUME), optional("carbonMoleFraction", FRACTION)),
    /** Coke calcining, moved from Subpart Y (98.253(g), Eq. Y-13) to Subpart ZZ by the 2024 amendments. */
    EPA_ZZ("40 CFR 98.493(b)(2), Equation 1 (formerly 98.253(g), Eq. Y-13)",
            required("greenCoke", MASS), required("greenCokeCarbon", FRACTION), required("calcinedCoke", MASS),
            required("dust", MASS), required("calcinedCokeCarbon", FRACTION)),
    /** Hydrogen production, gaseous fuel and feedstock (Subpart P). */
    EPA_P1("40 CFR 98.163(b), Eq. P-1",
            required("feedstock", GAS_VOLUME), required("carbonContent", FRACTION), required("molecularWeight", MOLAR_MASS)),
    EU_MRR_STD("Regulation (EU) 2018/2066, Art. 24",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("ncv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS).on(LHV),
            optional("emissionFactor", MASS_PER_ENERGY).on(LHV), optional("oxidationFactor", FRACTION)),
    EU_MRR_MASS_BALANCE("Regulation (EU) 2018/2066, Art. 25"),
    CN_MEE_COMBUSTION("China GHG accounting guideline for petrochemical enterprises (2014), fuel combustion (化石燃料燃烧), Eq. (2)",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("ncv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS).on(LHV),
            optional("carbonContentPerEnergy", CARBON_PER_ENERGY).on(LHV), optional("oxidationFactor", FRACTION)),
    /** Normal flaring (carbon as a content or from the composition) and accident flaring (mean carbon number). */
    CN_MEE_FLARE("China GHG accounting guideline for petrochemical enterprises (2014), flare combustion (火炬燃烧), normal and accident flaring",
            flareInputs()),
    CN_MEE_FCC_COKE("China GHG accounting guideline for petrochemical enterprises (2014), process emissions, catalytic cracking coke burning (催化裂化装置烧焦)",
            required("cokeBurned", MASS), optional("carbonFraction", FRACTION), optional("oxidationFactor", FRACTION)),
    /** Continuous regeneration by the coke burned, batch regeneration by the catalyst's carbon before and after. */
    CN_MEE_REFORMER_COKE("China GHG accounting guideline for petrochemical enterprises (2014), process emissions, catalytic reforming catalyst regeneration (催化重整装置烧焦)",
            optional("cokeBurned", MASS), optional("carbonFraction", FRACTION), optional("oxidationFactor", FRACTION),
            optional("catalyst", MASS), optional("carbonBefore", FRACTION), optional("carbonAfter", FRACTION)),
    CN_MEE_HYDROGEN("China GHG accounting guideline for petrochemical enterprises (2014), process emissions, hydrogen production (制氢装置)",
            required("feedstock", MASS, GAS_VOLUME), required("feedstockCarbon", FRACTION, CARBON_PER_GAS_VOLUME),
            optional("syngas", GAS_VOLUME), optional("syngasCarbon", CARBON_PER_GAS_VOLUME),
            optional("residue", MASS), optional("residueCarbon", FRACTION)),
    CN_MEE_ETHYLENE_DECOKING("China GHG accounting guideline for petrochemical enterprises (2014), process emissions, ethylene cracking furnace decoking (乙烯裂解装置烧焦)",
            required("decokingGasFlow", GAS_VOLUME_RATE), required("co2Concentration", VOLUME_FRACTION),
            required("coConcentration", VOLUME_FRACTION), optional("duration", TIME)),
    CN_MEE_CO2_RECOVERY(Accounting.DEDUCTION, "China GHG accounting guideline for petrochemical enterprises (2014), CO2 recovered and supplied (CO2回收利用量)",
            required("recoveredGas", GAS_VOLUME), required("purity", VOLUME_FRACTION)),
    /** The grid factor is an input, the source's row (fuel) of the grid factor table, or ChinaMee.DEFAULT_GRID. */
    CN_MEE_ELECTRICITY(Accounting.INDIRECT, "China GHG accounting guideline for petrochemical enterprises (2014), net purchased electricity (净购入电力); grid factor of the MEE and NBS announcements",
            required("electricity", ENERGY), optional("electricityExported", ENERGY), optional("gridEmissionFactor", MASS_PER_ENERGY)),
    CN_MEE_HEAT(Accounting.INDIRECT, "China GHG accounting guideline for petrochemical enterprises (2014), net purchased heat (净购入热力)",
            required("heat", ENERGY), optional("heatExported", ENERGY), optional("heatEmissionFactor", MASS_PER_ENERGY)),
    /**
     * Catalytic cracker regeneration, other catalyst regeneration and flexi-cokers by mass balance on the air in and
     * the flue gas out: the flue gas from the inert (N2) balance, all CO counted as CO2 at 1.571 t/t. Dry basis.
     */
    EU_MRR_CAT_CRACKER("Regulation (EU) 2018/2066, Annex IV section 2.B (refining of mineral oil): catalytic cracker regeneration, mass balance on input air and flue gas, CO as CO2 (1.571 t/t)",
            required("airFlow", GAS_VOLUME_RATE).on(DRY), optional("o2In", VOLUME_FRACTION).on(DRY),
            required("o2Out", VOLUME_FRACTION).on(DRY), required("co2Concentration", VOLUME_FRACTION).on(DRY),
            required("coConcentration", VOLUME_FRACTION).on(DRY), optional("duration", TIME)),
    /** Tier 1 with the Annex's 2.9 t CO2 per t feed; Tier 2 when the feed's carbon content is given. */
    EU_MRR_HYDROGEN("Regulation (EU) 2018/2066, Annex IV section 2.B (refining of mineral oil): hydrogen production, Tier 1 (2.9 t CO2/t feed) or Tier 2 (feed carbon content)",
            required("feedstock", MASS), optional("carbonContent", FRACTION)),
    EPA_PART75_F11("40 CFR 75, Appendix F, Eq. F-11",
            required("co2Concentration", VOLUME_FRACTION), required("stackFlow", GAS_VOLUME_RATE).on(WET),
            optional("duration", TIME), optional("moisture", FRACTION, VOLUME_FRACTION)),
    /**
     * A concentration on another basis than the flow is put on the flow's first ({@link FlueGasBasis}): o2 is the
     * measured stack O2 (on the concentration's moisture basis), moisture the flue gas's water vapour fraction, airO2
     * the O2 of air its O2 reference is written with (20.9 %, 21 % under the IED and HJ 75-2017).
     */
    POLLUTANT_MASS("Concentration × flue gas flow, E = C × Q × 1e-6; no regulatory equation (Part 75 uses ppm × K, Eqs F-1, F-5/F-6);"
            + " O2 and moisture normalisation of 40 CFR 60 App. A Method 19, Directive 2010/75/EU Annex VI Part 7, HJ 75-2017",
            required("stackFlow", GAS_VOLUME_RATE), optional("duration", TIME),
            optional("noxConcentration", MASS_CONCENTRATION), optional("so2Concentration", MASS_CONCENTRATION),
            optional("coConcentration", MASS_CONCENTRATION), optional("o2", VOLUME_FRACTION),
            optional("moisture", FRACTION, VOLUME_FRACTION).on(WET), optional("airO2", VOLUME_FRACTION));

    private final Accounting accounting;
    private final String citation;
    private final List<MethodInput> inputs;

    CalculationMethod(String citation, MethodInput... inputs) {
        this(Accounting.DIRECT, citation, inputs);
    }

    CalculationMethod(Accounting accounting, String citation, MethodInput... inputs) {
        this.accounting = accounting;
        this.citation = citation;
        this.inputs = List.of(inputs);
    }

    /** Whether the result is emitted at the source, indirect (purchased electricity, heat) or a deduction. */
    public Accounting accounting() {
        return accounting;
    }

    public String citation() {
        return citation;
    }

    public List<MethodInput> inputs() {
        return inputs;
    }

    public Optional<MethodInput> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** CN_MEE_FLARE: the flare gas, its CO2, and the carbon of the rest as a content, by component or as a mean carbon number. */
    private static MethodInput[] flareInputs() {
        List<MethodInput> inputs = new java.util.ArrayList<>(List.of(required("flareGas", GAS_VOLUME),
                optional("co2VolumeFraction", VOLUME_FRACTION), optional("carbonContentNonCo2", CARBON_PER_GAS_VOLUME)));
        ChinaMee.FLARE_COMPONENTS.keySet().forEach(name -> inputs.add(optional(name, VOLUME_FRACTION)));
        inputs.add(optional("averageCarbonNumber", FRACTION));
        inputs.add(optional("oxidationFactor", FRACTION));
        return inputs.toArray(MethodInput[]::new);
    }

    public static Optional<CalculationMethod> find(String id) {
        return Arrays.stream(values()).filter(m -> m.name().equals(id)).findFirst();
    }
}
