package io.plumeline.hj212.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Hj212StacksTest {

    static String siteYaml() {
        try (var in = Hj212StacksTest.class.getResourceAsStream("/cn-site.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Hj212Stack> stacks(String yaml) {
        return stacks(yaml, Map.of());
    }

    private static List<Hj212Stack> stacks(String yaml, Map<String, Double> referenceO2) {
        SiteModel model = SiteModelLoader.parse(yaml, "cn-site.yaml");
        return Hj212Stacks.of(model, referenceO2);
    }

    @Test
    void mapsEveryCodeToItsTagInTheSiteModelsOrder() {
        Hj212Stack stack = stacks(siteYaml()).get(0);

        assertThat(stack.mn()).isEqualTo("PLM0001");
        assertThat(stack.st()).isEqualTo("31");
        assertThat(stack.pollutants()).extracting(m -> m.pollutant().code())
                .containsExactly("a21026", "a21002", "a34013", "a19001", "a00000", "a01012", "a01013", "a01014");
        assertThat(stack.pollutants()).allSatisfy(m -> assertThat(m.factor()).isEqualTo(1.0));
        assertThat(stack.flow().orElseThrow().tag().id()).isEqualTo("boiler-1.flow");
    }

    /** 1 Sm3@20C = 273.15 / 293.15 Nm3 = 0.931776 Nm3 (docs/site-model.md), so a China-metered flow is scaled. */
    @Test
    void convertsAFlowAtOtherReferenceConditions() {
        Hj212Stack stack = stacks(siteYaml().replace("uom: Nm3/h dry", "uom: Sm3@20C/h dry")).get(0);

        assertThat(stack.flow().orElseThrow().factor()).isCloseTo(0.931776, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void refusesAUnitTheCodeIsNotReportedInAndAnUnknownCodeWithTheirPaths() {
        String yaml = siteYaml().replace("uom: mg/Nm3}", "uom: ppm}")
                .replace("a01014: boiler-1.humidity", "a99999: boiler-1.humidity");

        assertThatThrownBy(() -> stacks(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessage("site model: "
                + "sources[0].hj212.pollutants.a34013: tag 'boiler-1.dust' is in ppm; HJ 212 reports a34013 in mg/m³ dry at"
                + " standard conditions: mg/Nm3 or mg/Nm3 dry, without an O2 reference; "
                + "sources[0].hj212.pollutants.a99999: the uplink does not know code a99999; it knows [a21026, a21002, a21003,"
                + " a21004, a21005, a34013, a24088, a19001, a00000, a01012, a01013, a01014]");
    }

    @Test
    void refusesAWetOrO2ReferencedConcentration() {
        assertThatThrownBy(() -> stacks(siteYaml().replace("uom: mg/Nm3}", "uom: mg/Nm3 dry 6%O2}")))
                .hasMessageContaining("sources[0].hj212.pollutants.a34013: tag 'boiler-1.dust' is in mg/Nm3 dry 6%O2");
    }

    @Test
    void takesAReferenceO2ForAStackThatMapsItsO2AndRefusesOneItCannotUse() {
        assertThat(stacks(siteYaml(), Map.of("boiler-1.stack", 6.0)).get(0).referenceO2()).isEqualTo(6.0);
        assertThat(stacks(siteYaml()).get(0).referenceO2()).isNull();

        String withoutO2 = siteYaml().replace("        a19001: boiler-1.o2\n", "");
        assertThatThrownBy(() -> stacks(withoutO2, Map.of("boiler-1.stack", 21.0, "boiler-2.stack", 3.0))).hasMessage("site model: "
                + "--reference-o2 boiler-1.stack: the source maps no O2 (a19001) to convert from; "
                + "--reference-o2 boiler-1.stack=21.0: must be at least 0 and below 20.9 % (air); "
                + "--reference-o2 boiler-2.stack: no source with an hj212 block has this id");
    }
}
