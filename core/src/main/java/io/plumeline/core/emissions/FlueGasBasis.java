package io.plumeline.core.emissions;

import io.plumeline.core.units.MoistureBasis;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.Optional;

/**
 * Puts a pollutant concentration on the basis of the flue gas flow it multiplies (docs/calculations.md, "Measurement
 * bases"): first from its O2 reference to the stack's measured O2, then from its moisture basis to the flow's. A
 * concentration normalised to a reference O2 is one a limit compares ("mg/Nm3 dry 3%O2"); the flow carries the
 * flue gas as it is, at its actual O2 and moisture, so E = C × Q needs C at those too.
 *
 * <ul>
 *   <li>O2: C_actual = C_ref × (O2_air − O2_meas) / (O2_air − O2_ref), the dilution by excess air, with O2_meas on the
 *       concentration's own moisture basis (dry for a dry concentration). O2_air is 20.9 % in 40 CFR Part 60 (App. A
 *       Method 19, the F-factor equations 19-1 and the subparts' "corrected to n percent O2", C_adj = C_meas ×
 *       (20.9 − n)/(20.9 − %O2)); Directive 2010/75/EU (IED) Annex VI Part 7 and China's HJ 75-2017 (折算, standard
 *       conditions 273 K, 101.325 kPa, dry, reference O2) write 21: the {@code airO2} input.</li>
 *   <li>Moisture: C_wet = C_dry × (1 − H2O), C_dry = C_wet / (1 − H2O), H2O the water vapour volume fraction of the
 *       wet gas (40 CFR 98.33 Eq. C-7, Part 60 App. A Method 4's B_ws; EN 14790 for the water vapour the IED's
 *       "after correction for the water vapour content" and EN 14181's standard conditions take off).</li>
 * </ul>
 * A part of the basis the concentration or the flow leaves unstated is taken as the other's (a value without a basis
 * is on the one its equation needs, {@link MethodInput}), so only bases both state differently are converted.
 */
public final class FlueGasBasis {

    /** O2 in dry air, vol%, as 40 CFR Part 60 writes it; the default of {@code airO2}. */
    public static final double AIR_O2_PERCENT = 20.9;

    private FlueGasBasis() {
    }

    /**
     * The O2 of air of the correction to a reference O2 as the site's program writes it, where it is not Part 60's
     * {@link #AIR_O2_PERCENT}: 21 % for an EU_ETS site (IED Annex VI Part 7, the standardised concentration
     * E_S = (21 − O_S)/(21 − O_M) × E_M) and a CN_MEE site (HJ 75-2017 折算, GB 13223's formula with 21). Empty for the
     * others, which the calculator's default serves.
     */
    public static Optional<Double> airO2Of(String program) {
        return "EU_ETS".equals(program) || "CN_MEE".equals(program) ? Optional.of(21.0) : Optional.empty();
    }

    /** C_actual = C_ref × (O2_air − O2_meas) / (O2_air − O2_ref), O2 in vol% on the concentration's moisture basis. */
    public static double atMeasuredO2(double atReference, double referenceO2Percent, double measuredO2Percent, double airO2Percent) {
        return atReference * (airO2Percent - measuredO2Percent) / (airO2Percent - referenceO2Percent);
    }

    /** C_wet = C_dry × (1 − H2O), H2O the water vapour volume fraction (0 ≤ H2O < 1); Eq. C-7 is this with %H2O. */
    public static double wetFromDry(double dry, double moistureFraction) {
        return dry * (1 - moistureFraction);
    }

    /** C_dry = C_wet / (1 − H2O). */
    public static double dryFromWet(double wet, double moistureFraction) {
        return wet / (1 - moistureFraction);
    }

    /** An input that cannot be put on the flow's basis, and why. */
    public record Refusal(String input, String reason) {
    }

    /**
     * Why {@code name}, in {@code concentration}, cannot be put on the basis of a flow in {@code flow} with what the
     * source gives: {@code o2} the unit of the measured O2 (null when not given) and whether the moisture is given.
     * Empty when it can. The site model's validator and the calculation both ask here.
     */
    public static Optional<Refusal> refusal(String name, UnitOfMeasure concentration, UnitOfMeasure flow,
                                            UnitOfMeasure o2, boolean moistureGiven) {
        MoistureBasis own = moistureOf(concentration, flow);
        Double reference = concentration.basis().o2Reference();
        String stated = "is in '" + concentration + "' (" + concentration.basis().describe() + ")";
        if (reference != null && o2 == null) {
            return Optional.of(new Refusal(name, stated + "; the flue gas flow is at its actual O2, so taking it off the "
                    + "O2 reference needs the measured stack O2: give o2 (vol%" + spelled(own) + ") for C = C_ref × (O2_air − O2)/(O2_air − O2_ref)"));
        }
        MoistureBasis o2Basis = o2 == null ? null : o2.basis().moisture();
        if (reference != null && own != null && o2Basis != null && o2Basis != own) {
            return Optional.of(new Refusal("o2", "is in '" + o2 + "' (" + o2Basis.spelling() + " basis), but " + name + " "
                    + stated + " is normalised on the " + own.spelling() + " basis: give the O2 measured on the "
                    + own.spelling() + " basis"));
        }
        MoistureBasis target = flow.basis().moisture();
        if (own != null && target != null && own != target && !moistureGiven) {
            return Optional.of(new Refusal(name, stated + " and the stack flow is in '" + flow + "' (" + target.spelling()
                    + " basis): putting it on the flow's basis needs the flue gas moisture, give moisture (%, the water "
                    + "vapour volume fraction) for " + (target == MoistureBasis.WET ? "C_wet = C_dry × (1 − H2O)" : "C_dry = C_wet / (1 − H2O)")));
        }
        return Optional.empty();
    }

    /**
     * {@code name} in mg/Nm3 on the basis of the stack flow {@code flowName}, each conversion recorded as a step;
     * refused, naming the input, when the request lacks what a conversion needs or gives a value it cannot use.
     */
    static double onFlowBasis(Working w, String name, String flowName) {
        UnitOfMeasure unit = w.given(name).unit();
        UnitOfMeasure flow = w.given(flowName).unit();
        refusal(name, unit, flow, w.has("o2") ? w.given("o2").unit() : null, w.has("moisture"))
                .ifPresent(r -> {
                    throw new CalculationException(r.input(), r.reason());
                });
        double c = w.input(name, "mg/Nm3");
        Double reference = unit.basis().o2Reference();
        if (reference != null) {
            double air = w.has("airO2") ? w.percent("airO2") : w.step("airO2", "O2 in dry air, 40 CFR Part 60 (default)", AIR_O2_PERCENT, "vol%");
            double o2 = w.percent("o2");
            if (reference >= air) throw new CalculationException("airO2", "is " + air + " vol%, not above " + name + "'s O2 reference " + reference + " %");
            if (o2 >= air) {
                throw new CalculationException("o2", "is " + o2 + " vol%, not below the " + air + " vol% of air: the O2 correction"
                        + " (O2_air − O2)/(O2_air − O2_ref) needs a flue gas with less O2 than air");
            }
            c = w.step(name + " at measured O2", "C_ref × (" + air + " − O2)/(" + air + " − " + reference + ")",
                    atMeasuredO2(c, reference, o2, air), "mg/Nm3");
        }
        MoistureBasis own = moistureOf(unit, flow);
        MoistureBasis target = flow.basis().moisture();
        if (own != null && target != null && own != target) {
            double h2o = w.percent("moisture") / 100;
            if (h2o >= 1) throw new CalculationException("moisture", "is 100 % or more (" + w.given("moisture") + "): a flue gas of only water vapour has no dry part");
            c = target == MoistureBasis.WET
                    ? w.step(name + " wet", "C_dry × (1 − H2O)", wetFromDry(c, h2o), "mg/Nm3")
                    : w.step(name + " dry", "C_wet / (1 − H2O)", dryFromWet(c, h2o), "mg/Nm3");
        }
        return c;
    }

    /** The concentration's moisture basis, the flow's when it states none. */
    private static MoistureBasis moistureOf(UnitOfMeasure concentration, UnitOfMeasure flow) {
        MoistureBasis own = concentration.basis().moisture();
        return own != null ? own : flow.basis().moisture();
    }

    private static String spelled(MoistureBasis basis) {
        return basis == null ? "" : " " + basis.spelling();
    }
}
