package io.plumeline.core.emissions;

import static io.plumeline.core.emissions.MethodInput.optional;
import static io.plumeline.core.emissions.MethodInput.required;
import static io.plumeline.core.units.Dimension.CARBON_PER_ENERGY;
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
            required("hhv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS)),
    EPA_C5("40 CFR 98.33(a)(3)(iii), Eq. C-5",
            required("fuelQuantity", GAS_VOLUME), required("carbonContent", FRACTION),
            required("molecularWeight", MOLAR_MASS), optional("hhv", ENERGY_PER_GAS_VOLUME)),
    EPA_C6("40 CFR 98.33(a)(4), Eq. C-6 and C-7",
            required("co2Concentration", VOLUME_FRACTION), required("stackFlow", GAS_VOLUME_RATE),
            optional("duration", TIME), optional("moisture", FRACTION, VOLUME_FRACTION)),
    EPA_C8("40 CFR 98.33(c), Eq. C-8",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("hhv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS)),
    EPA_Y1A("40 CFR 98.253(b)(1)(ii)(A), Eq. Y-1a",
            required("flareGas", GAS_VOLUME), required("carbonContent", FRACTION),
            required("molecularWeight", MOLAR_MASS)),
    EPA_Y3("40 CFR 98.253(b)(1)(ii)(C), Eq. Y-3",
            required("flareGas", GAS_VOLUME), required("hhv", ENERGY_PER_GAS_VOLUME)),
    EU_MRR_STD("Regulation (EU) 2018/2066, Art. 24",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("ncv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS),
            optional("emissionFactor", MASS_PER_ENERGY), optional("oxidationFactor", FRACTION)),
    EU_MRR_MASS_BALANCE("Regulation (EU) 2018/2066, Art. 25"),
    CN_MEE_COMBUSTION("China GHG accounting guideline for petrochemical enterprises (2014), combustion",
            required("fuelQuantity", GAS_VOLUME, VOLUME, MASS),
            optional("ncv", ENERGY_PER_GAS_VOLUME, ENERGY_PER_VOLUME, ENERGY_PER_MASS),
            optional("carbonContentPerEnergy", CARBON_PER_ENERGY), optional("oxidationFactor", FRACTION)),
    EPA_PART75_F11("40 CFR 75, Appendix F, Eq. F-11",
            required("co2Concentration", VOLUME_FRACTION), required("stackFlow", GAS_VOLUME_RATE),
            optional("duration", TIME), optional("moisture", FRACTION, VOLUME_FRACTION)),
    POLLUTANT_MASS("Concentration × flue gas flow (40 CFR 75; MRR Arts 40–46): E = C × Q × 1e-6",
            required("stackFlow", GAS_VOLUME_RATE), optional("duration", TIME),
            optional("noxConcentration", MASS_CONCENTRATION), optional("so2Concentration", MASS_CONCENTRATION),
            optional("coConcentration", MASS_CONCENTRATION));

    private final String citation;
    private final List<MethodInput> inputs;

    CalculationMethod(String citation, MethodInput... inputs) {
        this.citation = citation;
        this.inputs = List.of(inputs);
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

    public static Optional<CalculationMethod> find(String id) {
        return Arrays.stream(values()).filter(m -> m.name().equals(id)).findFirst();
    }
}
