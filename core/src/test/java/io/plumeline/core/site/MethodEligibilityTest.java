package io.plumeline.core.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Method eligibility per program (docs/calculations.md, "Method eligibility"): each refusal names path and rule. */
class MethodEligibilityTest {

    /** One fuel gas heater; {@code site} and {@code source} fill the site's extra keys and the source's line. */
    private static String model(String program, String siteExtra, String source) {
        return """
                apiVersion: plumeline/v1
                site: {id: s, name: S, timezone: UTC, program: %s, gwp: AR5%s}
                servers:
                  - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/x", securityPolicy: None, securityMode: None, auth: {type: anonymous}}
                units:
                  - {id: h, name: Heater}
                tags:
                  - {id: h.flow, unit: h, server: dcs-1, node: "nsu=urn:t;s=F", uom: scf/h}
                  - {id: h.hhv, unit: h, server: dcs-1, node: "nsu=urn:t;s=H", uom: mmBtu/scf}
                  - {id: h.cc, unit: h, server: dcs-1, node: "nsu=urn:t;s=C", uom: kg/kg}
                  - {id: h.mw, unit: h, server: dcs-1, node: "nsu=urn:t;s=M", uom: kg/kmol}
                sources:
                  - %s
                """.formatted(program, siteExtra, source);
    }

    private static final String C2A = "{id: h.stack, unit: h, category: stationary_combustion, method: EPA_C2A, fuel: fuel_gas,"
            + " inputs: {fuelQuantity: h.flow, hhv: h.hhv}";
    private static final String C5 = "{id: h.stack, unit: h, category: stationary_combustion, method: EPA_C5, fuel: fuel_gas,"
            + " inputs: {fuelQuantity: h.flow, carbonContent: h.cc, molecularWeight: h.mw}";
    private static final String REFINERY = ", subparts: [C, Y]";

    private static List<String> problems(String yaml) {
        return SiteProblems.of(yaml);
    }

    @Test
    void aMethodOfAnotherProgramIsRefused() {
        assertThat(problems(model("EU_ETS", "", C2A.replace("fuel_gas", "natural_gas") + "}")))
                .containsExactly("sources[0].method: EPA_C2A is a method of EPA_PART98; a EU_ETS site reports by the"
                        + " methods of its own program ([EU_MRR_STD, EU_MRR_MASS_BALANCE, EU_MRR_CAT_CRACKER, EU_MRR_HYDROGEN, POLLUTANT_MASS])");
        assertThat(problems(model("CN_MEE", "", "{id: h.stack, unit: h, category: stationary_combustion, method: EU_MRR_STD,"
                + " fuel: natural_gas, inputs: {fuelQuantity: h.flow}}")))
                .singleElement().asString().startsWith("sources[0].method: EU_MRR_STD is a method of EU_ETS; a CN_MEE site");
    }

    @Test
    void refineryFuelGasByTier2IsRefusedUnder98_252a() {
        assertThat(problems(model("EPA_PART98", REFINERY, C2A + "}"))).singleElement().asString()
                .startsWith("sources[0].method: 40 CFR 98.252(a) requires CO2 from refinery fuel gas by Eq. C-5 (EPA_C5) or"
                        + " Tier 4 (EPA_C6, EPA_PART75_F11), found EPA_C2A");
    }

    @Test
    void anExceptionNamesAParagraphTheRuleHas() {
        assertThat(problems(model("EPA_PART98", REFINERY, C2A + ", exception: \"98.252(a)(3)\"}")))
                .contains("sources[0].exception: '98.252(a)(3)' is not a paragraph a rule here has; one of"
                        + " [98.252(a)(1), 98.252(a)(2)] (40 CFR 98.252(a))");
    }

    @Test
    void anExceptionOnASourceThatNeedsNoneIsRefused() {
        assertThat(problems(model("EPA_PART98", REFINERY, C5 + ", exception: \"98.252(a)(1)\"}"))).singleElement().asString()
                .startsWith("sources[0].exception: 98.252(a)(1) lets a fuel gas source of a Part 98 refinery");
    }

    @Test
    void tier1AboveTheRatedHeatInputOf98_33bIsRefused() {
        String c1 = "{id: h.stack, unit: h, category: stationary_combustion, method: EPA_C1, fuel: natural_gas,"
                + " inputs: {fuelQuantity: h.flow}, maxRatedHeatInput: {value: 300, uom: mmBtu/h}}";
        assertThat(problems(model("EPA_PART98", "", c1))).containsExactly("sources[0].method: 40 CFR 98.33(b) allows"
                + " Tier 1 (EPA_C1) for a unit of at most 250 mmBtu/h; this one is rated 300.0 mmBtu/h: use Tier 3 (EPA_C5)"
                + " or Tier 4 (EPA_C6, EPA_PART75_F11), or Tier 2 (EPA_C2A) for natural gas or distillate oil");
        // Tier 2 on natural gas is allowed at any size (98.33(b)(2)); at 250 mmBtu/h Tier 1 still is
        assertThat(problems(model("EPA_PART98", "", c1.replace("EPA_C1", "EPA_C2A")
                .replace("{fuelQuantity: h.flow}", "{fuelQuantity: h.flow, hhv: h.hhv}")))).isEmpty();
        assertThat(problems(model("EPA_PART98", "", c1.replace("value: 300", "value: 250")))).isEmpty();
        assertThat(problems(model("EPA_PART98", "", c1.replace("mmBtu/h", "MW")))).containsExactly(
                "sources[0].maxRatedHeatInput: give the unit's maximum rated heat input as {value: ..., uom: mmBtu/h}"
                        + " (HHV basis, as 40 CFR 98.33(b) states it)");
    }

    @Test
    void subpartsBelongToPart98() {
        assertThat(problems(model("EU_ETS", REFINERY, "{id: h.stack, unit: h, category: stationary_combustion,"
                + " method: EU_MRR_STD, fuel: natural_gas, inputs: {fuelQuantity: h.flow}}")))
                .containsExactly("site.subparts: are the subparts of 40 CFR Part 98; a EU_ETS site has none");
        assertThat(problems(model("EPA_PART98", ", subparts: [y]", C5 + "}")))
                .containsExactly("site.subparts[0]: 'y' is not a Part 98 subpart (a letter or two: C, Y, MM)");
    }

    @Test
    void aMethodOfASubpartTheSiteDoesNotListIsRefused() {
        String hydrogen = "{id: h.stack, unit: h, category: process, method: EPA_P1,"
                + " inputs: {feedstock: h.flow, carbonContent: h.cc, molecularWeight: h.mw}}";
        assertThat(problems(model("EPA_PART98", REFINERY, hydrogen))).containsExactly("sources[0].method: EPA_P1 is a"
                + " method of 40 CFR Part 98 subpart P; the site's subparts [C, Y] do not list P: add it to site.subparts");
        assertThat(problems(model("EPA_PART98", ", subparts: [C, P, Y]", hydrogen))).isEmpty();
        assertThat(problems(model("EPA_PART98", "", hydrogen))).as("a site that lists no subparts").isEmpty();
    }

    @Test
    void theDefaultFlareMethodTakesTheHeatingValueOfCompanyRecordsNotAMeasuredOne() {
        // EPA_Y3 is now Eq. Y-3 (98.253(b)(1)(iii)); a site model of the time EPA_Y3 named Eq. Y-2 feeds it a
        // measured HHV tag, which the rule puts under Eq. Y-2 (EPA_Y2): refused, saying so
        String flare = "{id: h.stack, unit: h, category: flare, method: EPA_Y3, inputs: {flareGas: h.flow, hhv: h.hhv}}";
        assertThat(problems(model("EPA_PART98", REFINERY, flare))).singleElement().asString()
                .startsWith("sources[0].inputs.hhv: EPA_Y3 is Eq. Y-3 of 40 CFR 98.253(b)(1)(iii)")
                .contains("tag 'h.hhv' measures the HHV, which is Eq. Y-2 of 98.253(b)(1)(ii)(B): use EPA_Y2");
        // with the HHV of company records, a constant, it is accepted; and EPA_Y2 takes the tag
        assertThat(problems(model("EPA_PART98", REFINERY, flare.replace("hhv: h.hhv",
                "hhv: {value: 1.2e-3, uom: mmBtu/scf}")))).isEmpty();
        assertThat(problems(model("EPA_PART98", REFINERY, flare.replace("EPA_Y3", "EPA_Y2")))).isEmpty();
    }

    @Test
    void accepted() {
        // C-5 at a refinery; C-2a with the paragraph it relies on; C-2a on fuel gas where Subpart Y does not apply
        // (a Part 98 petrochemical plant); POLLUTANT_MASS at an EU site
        assertThat(problems(model("EPA_PART98", REFINERY, C5 + "}"))).isEmpty();
        assertThat(problems(model("EPA_PART98", REFINERY, C2A + ", exception: \"98.252(a)(2)\"}"))).isEmpty();
        assertThat(problems(model("EPA_PART98", "", C2A + "}"))).isEmpty();
        assertThat(problems(model("EU_ETS", "", "{id: h.stack, unit: h, category: stationary_combustion,"
                + " method: POLLUTANT_MASS, inputs: {stackFlow: h.flow}}"))).isEmpty();
        SiteModel model = SiteModelLoader.parse(model("EPA_PART98", REFINERY, C2A + ", exception: \"98.252(a)(2)\"}"), "t.yaml");
        assertThat(model.site().subparts()).containsExactly("C", "Y");
        assertThat(model.sources().get(0).exception()).isEqualTo("98.252(a)(2)");
    }

    @Test
    void theExampleRefineryFollowsTheRules() {
        SiteModel model = SiteModelLoader.load(java.nio.file.Path.of("../examples/sites/refinery.yaml"));
        assertThat(model.site().subparts()).contains("Y");
        assertThat(model.source("heater-1.stack").orElseThrow().method()).isEqualTo("EPA_C5");
        assertThat(model.sources()).noneMatch(s -> "PART75".equals(s.substitution()));
        assertThatThrownBy(() -> SiteModelLoader.parse(java.nio.file.Files.readString(java.nio.file.Path.of(
                "../examples/sites/refinery.yaml")).replaceFirst("method: EPA_C5", "method: EPA_C2A"), "refinery.yaml"))
                .hasMessageContaining("sources[0].method: 40 CFR 98.252(a) requires");
    }
}
