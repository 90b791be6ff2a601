package io.plumeline.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.site.SiteModelException;
import io.plumeline.core.site.SiteModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocationConfigTest {

    private static final String ALL_FACTORS = "naphtha: 44.9, kerosene-out: 43.8, diesel-out: 43.0, residue: 40.5";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{basis: calorific}|units[0].allocation.basis: 'calorific' is not one of [economic, energy, mass]",
            "{factors: {naphtha: 1}}|units[0].allocation.basis: is required; one of [economic, energy, mass]",
            "{basis: mass, factors: {naphtha: 1}}|units[0].allocation.factors: the mass basis takes no factors: the streams' masses are the weights",
            "{basis: energy, factors: {naphtha: 44.9, kerosene-out: 43.8, diesel-out: 43.0}}|units[0].allocation.factors: the energy basis needs a factor for every output stream of unit 'cdu-1'; missing: [residue]",
            "{basis: energy, factors: {ALL, crude-in: 40}}|units[0].allocation.factors.crude-in: 'crude-in' is not an output stream of unit 'cdu-1'; its output streams: [diesel-out, kerosene-out, naphtha, residue]",
            "{basis: economic, factors: {naphtha: -1, kerosene-out: 43.8, diesel-out: 43.0, residue: 40.5}}|units[0].allocation.factors.naphtha: must be a finite number >= 0, found -1.0",
            "{basis: economic, factors: {naphtha: 0, kerosene-out: 0, diesel-out: 0, residue: 0}}|units[0].allocation.factors: are all zero: no output stream would carry the unit's emissions",
    })
    void refusesABadAllocationNamingThePath(String allocation, String problem) {
        String yaml = Refinery.editedText(Refinery.CDU,
                "{id: cdu-1, name: Crude distillation unit, allocation: " + allocation.replace("ALL", ALL_FACTORS) + "}");
        assertThatThrownBy(() -> SiteModelLoader.parse(yaml, "refinery.yaml"))
                .isInstanceOf(SiteModelException.class)
                .satisfies(e -> assertThat(((SiteModelException) e).problems()).containsExactly(problem));
    }

    @Test
    void refusesAnAllocationOnAUnitWithoutOutputsAndUnparsableOnes() {
        String heater = "{id: heater-1, name: CDU charge heater, parent: cdu-1}";
        assertThatThrownBy(() -> SiteModelLoader.parse(Refinery.editedText(heater,
                "{id: heater-1, name: CDU charge heater, parent: cdu-1, allocation: {basis: energy}}"), "refinery.yaml"))
                .isInstanceOf(SiteModelException.class)
                .hasMessage("refinery.yaml: units[1].allocation: unit 'heater-1' has no output stream to allocate to");
        assertThatThrownBy(() -> SiteModelLoader.parse(Refinery.editedText(Refinery.CDU,
                "{id: cdu-1, name: Crude distillation unit, allocation: {basis: energy, weights: {naphtha: 1}}}"), "refinery.yaml"))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("units[0].allocation: unknown key 'weights'");
        assertThatThrownBy(() -> SiteModelLoader.parse(Refinery.editedText(Refinery.CDU,
                "{id: cdu-1, name: Crude distillation unit, allocation: {basis: energy, factors: {naphtha: high}}}"), "refinery.yaml"))
                .isInstanceOf(SiteModelException.class)
                .hasMessageContaining("units[0].allocation.factors.naphtha");
    }

    @Test
    void acceptsEachBasis() {
        for (String allocation : new String[] {"{basis: mass}", "{basis: energy, factors: {" + ALL_FACTORS + "}}",
                "{basis: economic, factors: {naphtha: 0, kerosene-out: 700, diesel-out: 650, residue: 300}}"}) {
            var model = Refinery.edited(Refinery.CDU, "{id: cdu-1, name: Crude distillation unit, allocation: " + allocation + "}");
            assertThat(AllocationBasis.of(model.unit("cdu-1").orElseThrow()).name())
                    .isEqualToIgnoringCase(allocation.substring(allocation.indexOf(' ') + 1).split("[,}]")[0]);
        }
        assertThat(AllocationBasis.of(Refinery.model().unit("cdu-1").orElseThrow())).isEqualTo(AllocationBasis.MASS);
    }
}
