package io.plumeline.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileSetTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static SiteModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() throws IOException {
        try (InputStream in = ProfileSetTest.class.getResourceAsStream("/test-site.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${port}", "4840").replace("${port2}", "4841");
            model = SiteModelLoader.parse(yaml, "test-site.yaml");
        }
    }

    @Test
    void sameSeedGivesSameValuesAndAnotherSeedOthers() {
        ProfileSet a = ProfileSet.load(model, null, 42, START);
        ProfileSet b = ProfileSet.load(model, null, 42, START);
        ProfileSet c = ProfileSet.load(model, null, 43, START);
        int differing = 0;
        for (String tag : model.tags().stream().map(t -> t.id()).toList()) {
            for (int s = 0; s < 100; s++) {
                Instant t = START.plusSeconds(s * 37L);
                assertThat(a.valueAt(tag, t)).isEqualTo(b.valueAt(tag, t));
                if (a.valueAt(tag, t) != c.valueAt(tag, t)) differing++;
            }
        }
        assertThat(differing).isGreaterThan(350);
    }

    @Test
    void defaultsSwingAroundTheMiddleOfTheValidRangeAndStayInIt() {
        ProfileSet profiles = ProfileSet.load(model, null, 42, START);
        double sum = 0;
        int samples = 3 * 3600;
        for (int s = 0; s < samples; s++) {
            double v = profiles.valueAt("heater-1.fuel_gas_hhv", START.plusSeconds(s));
            assertThat(v).isBetween(30.0, 50.0);
            sum += v;
        }
        TagProfile profile = profiles.profile("heater-1.fuel_gas_hhv");
        SineProfile sine = (SineProfile) profile.shape();
        assertThat(sine.mean()).isEqualTo(40);
        assertThat(sine.amplitude()).isCloseTo(4, offset(1e-9));
        assertThat(sine.periodS()).isBetween(600.0, 3600.0);
        assertThat(profile.noise().amplitude()).isGreaterThan(0).isLessThan(sine.amplitude() / 10);
        assertThat(sum / samples).isCloseTo(40, offset(0.5));
    }

    @Test
    void aProfilesFileOverridesTheTagsItNames() {
        ProfileSet profiles = ProfileSet.load(model, resource("/profiles.yaml"), 42, START);

        double flow = profiles.valueAt("heater-1.fuel_gas_flow", START.plusSeconds(15));
        assertThat(flow).isCloseTo(1200 + 100 * Math.sin(Math.PI / 2 + 0.5), offset(2.0));
        assertThat(profiles.valueAt("boiler-1.steam_flow", START.plusSeconds(15))).isCloseTo(50, offset(1e-9));
        assertThat(profiles.profile("heater-1.fuel_gas_hhv").shape()).isInstanceOf(SineProfile.class);
        assertThat(((SineProfile) profiles.profile("heater-1.fuel_gas_hhv").shape()).mean()).isEqualTo(40);
    }

    @Test
    void unknownTagIsRefusedWithFileAndTag() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "heater-9.flow: {shape: constant, value: 1}\n");

        assertThatThrownBy(() -> ProfileSet.load(model, file, 42, START))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("heater-9.flow: unknown tag");
    }

    @Test
    void unknownKeyIsRefusedWithItsPath() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"),
                "heater-1.fuel_gas_flow: {shape: sine, mean: 1, amplitud: 2, periodS: 60}\n");

        assertThatThrownBy(() -> ProfileSet.load(model, file, 42, START))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("heater-1.fuel_gas_flow.amplitud: unknown key for shape sine");
    }

    @Test
    void badShapesAndNumbersAreRefusedWithTheirPath() throws IOException {
        Path shape = Files.writeString(dir.resolve("a.yaml"), "heater-1.fuel_gas_flow: {shape: saw}\n");
        Path number = Files.writeString(dir.resolve("b.yaml"), "heater-1.fuel_gas_flow: {shape: constant, value: high}\n");
        Path missing = Files.writeString(dir.resolve("c.yaml"), "heater-1.fuel_gas_flow: {shape: ramp, from: 1, to: 2}\n");
        Path period = Files.writeString(dir.resolve("d.yaml"), "heater-1.fuel_gas_flow: {shape: ramp, from: 1, to: 2, periodS: 0}\n");

        assertThatThrownBy(() -> ProfileSet.load(model, shape, 42, START))
                .hasMessageContaining("heater-1.fuel_gas_flow.shape: unknown shape 'saw'");
        assertThatThrownBy(() -> ProfileSet.load(model, number, 42, START))
                .hasMessageContaining("heater-1.fuel_gas_flow.value: must be a number, found 'high'");
        assertThatThrownBy(() -> ProfileSet.load(model, missing, 42, START))
                .hasMessageContaining("heater-1.fuel_gas_flow.periodS: is required");
        assertThatThrownBy(() -> ProfileSet.load(model, period, 42, START))
                .hasMessageContaining("heater-1.fuel_gas_flow: periodS must be positive");
    }

    private static Path resource(String name) {
        try {
            return Path.of(ProfileSetTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
