package io.plumeline.hj212.uplink;

import io.plumeline.core.emissions.FlueGasBasis;
import io.plumeline.hj212.site.Hj212Stack;
import io.plumeline.hj212.site.Pollutant;
import java.util.Optional;

/**
 * The converted values {@code -ZsRtd}, {@code -ZsMin}, {@code -ZsAvg} and {@code -ZsMax}, a concentration converted to
 * its stack's reference O2 (折算浓度): C_ref = C × (21 − O2_ref)/(21 − O2), O2 the same interval's dry average (the
 * slot's latest reading for a real-time value) and C its real-time value, minimum, average or maximum — so the minimum
 * and maximum are converted with the interval's O2, not with the O2 at their own instants, which the readings do not
 * pair — 21 the O2 of air as HJ 75-2017 and GB 13223-2011 (§5.2, formula 1) write it. Only for a stack that maps
 * its O2 (a19001) and has a reference O2, and only for concentrations. Left out when the interval has no O2 average, and when it is 20.9 % or more: that is the O2 of dry ambient air, so the analyser is
 * reading air and not flue gas (the unit stopped or purging, the probe on its zero gas), and the factor would be
 * 150 or more at a 6 % reference (15 / 0.1) or meaningless at 21 %: a number to report as an emission it is not.
 */
final class ReferenceO2 {

    /** HJ 75-2017 and GB 13223-2011 formula 1 write the O2 of air as 21 %. */
    static final double AIR_O2_PERCENT = 21;

    private ReferenceO2() {
    }

    static Optional<Double> converted(Hj212Stack stack, Hj212Stack.Mapped mapped, double avg, Double o2) {
        if (stack.referenceO2() == null || mapped.pollutant().kind() != Pollutant.Kind.CONCENTRATION
                || o2 == null || o2 >= Hj212Stack.AMBIENT_O2_PERCENT) {
            return Optional.empty();
        }
        // core's one dilution equation, C × (O2_air − to)/(O2_air − from), taken from the measured O2 to the reference
        return Optional.of(FlueGasBasis.atMeasuredO2(avg, o2, stack.referenceO2(), AIR_O2_PERCENT));
    }
}
