package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PART75 source filled by the load-based Table 2 of 40 CFR 75.33(c) names its load; without one it is refused. */
class Part75ChecksTest {

    /** The problems of an F-11 stack (stack flow and CO2) under {@code substitution}, as the validator reports them. */
    private static List<String> problems(String substitution) {
        return problems(substitution, null);
    }

    private static List<String> problems(String substitution, EmissionSource.Load load) {
        return problems(substitution, load, null);
    }

    private static List<String> problems(String substitution, EmissionSource.Load load, Map<String, Double> potential) {
        EmissionSource stack = new EmissionSource("b.stack", "b", "stationary_combustion", "EPA_PART75_F11", null,
                Map.of("stackFlow", SourceInput.ofTag("b.flow"), "co2Concentration", SourceInput.ofTag("b.co2")),
                substitution, null, null, null, null, null, null, load, potential);
        List<String> problems = new ArrayList<>();
        Part75Checks.check("sources[0]", stack, (path, message) -> problems.add(path + ": " + message));
        return problems;
    }

    @Test
    void aStackFlowMonitorUnderPart75WithoutALoadIsRefusedNamingTable2() {
        assertThat(problems("PART75")).containsExactly("sources[0].load: is required by substitution PART75 with input"
                + " stackFlow read from a tag: its missing hours are filled from the values of the hour's load range, 40 CFR"
                + " 75.33(c) Table 2, drawn from the unit's load tag and maximum hourly gross load (Appendix C §2.1);"
                + " operational bins of units without a load are not implemented");
    }

    @Test
    void aStackFlowMonitorUnderPart75WithItsLoadIsAccepted() {
        assertThat(problems("PART75", new EmissionSource.Load("b.load", 200.0))).isEmpty();
    }

    @Test
    void aLoadOnASourceNotFilledByPart75IsRefused() {
        assertThat(problems("PROGRAM", new EmissionSource.Load("b.load", 200.0))).containsExactly("sources[0].load: is"
                + " read only by substitution PART75 (40 CFR 75.33(c) Table 2), not by PROGRAM");
    }

    @Test
    void theSameSourceUnderItsProgramsRuleIsNotPart75s() {
        assertThat(problems("PROGRAM")).isEmpty();
    }

    @Test
    void potentialValuesNameTheSourcesTagInputsWithNumbersOfAtLeastZero() {
        EmissionSource.Load load = new EmissionSource.Load("b.load", 200.0);
        assertThat(problems("PART75", load, Map.of("stackFlow", 1.8e6, "co2Concentration", 14.0))).isEmpty();
        assertThat(problems("PART75", load, Map.of("so2Concentration", 500.0))).singleElement().asString()
                .startsWith("sources[0].potential.so2Concentration: names no input of the source read from a tag; inputs: ");
        assertThat(problems("PART75", load, Map.of("stackFlow", -1.0))).containsExactly("sources[0].potential.stackFlow:"
                + " must be a number of at least 0 in the unit of tag 'b.flow', found -1.0");
        assertThat(problems("PROGRAM", null, Map.of("stackFlow", 1.8e6))).containsExactly("sources[0].potential: is read"
                + " only by substitution PART75 (40 CFR 75.33, Appendix A §2.1), not by PROGRAM");
    }

    /** 40 CFR 75 Appendix D: a fuel-meter method's missing data are not §75.33's, and are not implemented. */
    @Test
    void aFuelMeterMethodUnderPart75IsRefusedNamingAppendixD() {
        EmissionSource heater = new EmissionSource("h.stack", "h", "stationary_combustion", "EPA_C2A", "fuel_gas",
                Map.of("fuelQuantity", SourceInput.ofTag("h.flow"), "hhv", SourceInput.ofTag("h.hhv")), "PART75", null, null, null,
                null, null, null, null, null);
        List<String> problems = new ArrayList<>();
        Part75Checks.check("sources[0]", heater, (path, message) -> problems.add(path + ": " + message));
        assertThat(problems).containsExactly("sources[0].substitution: PART75 is for a Part 75 CEMS source (EPA_C6,"
                + " EPA_PART75_F11, POLLUTANT_MASS); EPA_C2A is not a CEMS method: Part 75 fills a fuel meter's data by"
                + " Appendix D §2.4 (fuel flow, GCV), which is not implemented: use the program's rule (substitution: PROGRAM)");
    }
}
