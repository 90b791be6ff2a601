package io.plumeline.hj212.uplink;

import static io.plumeline.hj212.uplink.TelemetryFixture.SHANGHAI;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.hj212.packet.Packet;
import io.plumeline.hj212.platform.TestPlatform;
import io.plumeline.hj212.site.Hj212Stacks;
import io.plumeline.hj212.site.Pollutant;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack that reports every code the uplink knows, its seven concentrations converted to a 6 % reference O2: a
 * minute packet of about 1,500 bytes, beyond the 1,024 of a data segment, goes to the test platform in numbered parts
 * (PNUM, PNO), each valid and acknowledged, together carrying every code once.
 */
class UplinkSplitTest {

    private static final String SITE = "cn-wide";

    @TempDir
    Path dir;

    @Test
    void aMinuteOfEveryCodeGoesInPartsEachAcknowledged() throws Exception {
        List<Pollutant> all = Arrays.asList(Pollutant.values());
        Instant first = TelemetryFixture.minutesAgo(4);
        StringBuilder lines = new StringBuilder();
        for (int m = 0; m < 2; m++) {
            for (Pollutant p : all) {
                long ns = InfluxQl.nanos(first.plusSeconds(60L * m + 10));
                double value = p == Pollutant.O2 ? 9 : p == Pollutant.FLUE_GAS_FLOW ? 120000 : 123.456;
                lines.append(Measurement.TELEMETRY.id()).append(',').append(Keys.SITE).append('=').append(SITE).append(',')
                        .append(Keys.UNIT).append("=b,").append(Keys.TAG).append("=b.").append(p.code()).append(' ')
                        .append(Keys.VALUE).append('=').append(value).append(',').append(Keys.STATUS).append("=0,")
                        .append(Keys.QUALITY).append("=\"GOOD\" ").append(ns).append('\n');
            }
        }
        TelemetryFixture.influx().write(TelemetryFixture.DB, lines.toString());

        SiteModel model = SiteModelLoader.load(Files.writeString(dir.resolve("site.yaml"), site(all)));
        try (TestPlatform platform = TelemetryFixture.platform()) {
            UplinkSettings settings = new UplinkSettings(dir.resolve("spool"), 1 << 20, List.of(Cadence.MINUTE.cn()),
                    Duration.ofSeconds(30), first, Duration.ZERO, Duration.ofMillis(500), 2, Duration.ofMillis(200),
                    List.of(new UplinkSettings.Platform("provincial", "127.0.0.1", platform.port(), "123456")),
                    UplinkSettings.TimeCalibration.REFUSE);
            Uplink uplink = new Uplink(model, Hj212Stacks.of(model, Map.of("b.stack", 6.0)), settings,
                    URI.create(TelemetryFixture.influx().url()), TelemetryFixture.DB, Optional.empty(), Optional.empty());
            uplink.start();
            try {
                TelemetryFixture.await(() -> acknowledged(platform, first).size() >= 2, Duration.ofSeconds(30),
                        "the first minute's parts acknowledged");
            } finally {
                uplink.stop();
            }
            assertThat(platform.received()).noneMatch(r -> r.outcome() == TestPlatform.Outcome.INVALID);
            List<Packet> parts = acknowledged(platform, first);
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.flag().split()).isTrue();
                assertThat(p.pnum()).isEqualTo(parts.size());
                assertThat(p.qn()).isEqualTo(parts.get(0).qn());
            });
            assertThat(parts.stream().map(Packet::pno).toList()).isEqualTo(IntStream.rangeClosed(1, parts.size()).boxed().toList());
            Set<String> codes = parts.stream().flatMap(p -> p.cp().groups().stream().skip(1))
                    .map(g -> g.get(0).key().substring(0, 6)).collect(Collectors.toCollection(TreeSet::new));
            assertThat(codes).containsExactlyInAnyOrderElementsOf(all.stream().map(Pollutant::code).toList());
            assertThat(parts.stream().mapToLong(p -> p.cp().groups().size() - 1).sum()).as("each code once").isEqualTo(all.size());
            assertThat(parts).anySatisfy(p -> assertThat(p.cp().get("a21026-ZsAvg")).contains("154.320"));
        }
    }

    /** The distinct acknowledged packets of the minute from {@code first}, in arrival order. */
    private static List<Packet> acknowledged(TestPlatform platform, Instant first) {
        return platform.received().stream().filter(r -> r.outcome() == TestPlatform.Outcome.ACKNOWLEDGED)
                .map(TestPlatform.Received::packet).filter(p -> StackPackets.dataTime(p, SHANGHAI).equals(first))
                .distinct().toList();
    }

    /** One tag per code, b.<code>, in the code's unit, all mapped. */
    private static String site(List<Pollutant> all) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: plumeline/v1
                site: {id: cn-wide, name: Wide stack, timezone: Asia/Shanghai, program: CN_MEE, gwp: AR5}
                servers:
                  - {id: dcs-1, endpoint: "opc.tcp://127.0.0.1:4840/plumeline", auth: {type: anonymous}}
                units:
                  - {id: b, name: Boiler}
                tags:
                """);
        for (Pollutant p : all) {
            yaml.append("  - {id: b.").append(p.code()).append(", unit: b, server: dcs-1, node: \"nsu=urn:test;s=").append(p.code())
                    .append("\", uom: \"").append(unit(p)).append("\"}\n");
        }
        yaml.append("""
                sources:
                  - id: b.stack
                    unit: b
                    category: process
                    method: POLLUTANT_MASS
                    inputs: {stackFlow: b.a00000, so2Concentration: b.a21026}
                    hj212:
                      mn: PLM0009
                      platforms: [provincial]
                      pollutants:
                """);
        for (Pollutant p : all) yaml.append("        ").append(p.code()).append(": b.").append(p.code()).append('\n');
        return yaml.toString();
    }

    private static String unit(Pollutant p) {
        return switch (p.kind()) {
            case CONCENTRATION -> "mg/Nm3 dry";
            case FLOW -> "Nm3/h dry";
            case TEMPERATURE -> "degC";
            case PRESSURE -> "kPa";
            case PERCENT -> p == Pollutant.O2 ? "vol% dry" : "%";
        };
    }
}
