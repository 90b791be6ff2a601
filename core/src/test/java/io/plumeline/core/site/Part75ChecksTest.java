package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A PART75 source that would need the load-based Table 2 of 40 CFR 75.33(c) is refused, with its path and the rule. */
class Part75ChecksTest {

    /** The problems of an F-11 stack (stack flow and CO2) under {@code substitution}, as the validator reports them. */
    private static List<String> problems(String substitution) {
        EmissionSource stack = new EmissionSource("b.stack", "b", "stationary_combustion", "EPA_PART75_F11", null,
                Map.of("stackFlow", SourceInput.ofTag("b.flow"), "co2Concentration", SourceInput.ofTag("b.co2")),
                substitution, null, null, null, null, null, null);
        List<String> problems = new ArrayList<>();
        Part75Checks.check("sources[0]", stack, (path, message) -> problems.add(path + ": " + message));
        return problems;
    }

    @Test
    void aStackFlowMonitorUnderPart75IsRefusedNamingTable2() {
        assertThat(problems("PART75")).containsExactly("sources[0].inputs.stackFlow: substitution PART75: the missing"
                + " hours of a stack flow monitor are filled from its load range, 40 CFR 75.33(c) Table 2, which is not"
                + " implemented");
    }

    @Test
    void theSameSourceUnderItsProgramsRuleIsNotPart75s() {
        assertThat(problems("PROGRAM")).isEmpty();
    }
}
