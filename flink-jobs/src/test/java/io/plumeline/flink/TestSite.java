package io.plumeline.flink;

import io.plumeline.core.telemetry.Reading;
import io.plumeline.core.telemetry.ReadingJson;
import io.plumeline.flink.telemetry.RawMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** The test site model (src/test/resources/test-site.yaml) and readings of its tags. */
public final class TestSite {

    public static final String SITE = "test-refinery";
    public static final String FLOW = "heater-1.fuel_gas_flow";
    public static final String HHV = "heater-1.fuel_gas_hhv";
    public static final String CRUDE = "cdu-1.crude feed,a=b";
    public static final String SOURCE = "heater-1.stack";
    public static final String BACKUP_FLOW = "heater-1.fuel_gas_flow_backup";
    public static final String RUNNING = "heater-1.running";
    public static final long GOOD = 0;
    public static final long BAD_SENSOR_FAILURE = 0x808E0000L;
    public static final long UNCERTAIN = 0x40000000L;

    private TestSite() {
    }

    public static Path file() {
        return file("/test-site.yaml");
    }

    /**
     * A Part 75 CEMS under {@code substitution: PART75} (src/test/resources/test-site-part75-cems.yaml): boiler-1.stack
     * by Eq. F-11 from its stack flow and CO2 monitors, with the unit's gross load (200 MW at most) for Table 2.
     */
    public static SiteModelText part75Cems() {
        return SiteModelText.read(file("/test-site-part75-cems.yaml"));
    }

    /**
     * The test site with heater-1.stack outside the report ({@code substitution: NONE, reportable: false}): its gaps
     * stay gaps.
     */
    public static SiteModelText notReported() {
        return edited("not-reported", yaml -> yaml.replace("    method: EPA_C2A\n",
                "    method: EPA_C2A\n    substitution: NONE\n    reportable: false\n"));
    }

    /** The test site with a backup meter of the fuel gas flow, {@link #BACKUP_FLOW}, for heater-1.stack's gaps. */
    public static SiteModelText withBackupFlowMeter() {
        return edited("backup", yaml -> yaml.replace("tags:\n", "tags:\n  - {id: " + BACKUP_FLOW
                + ", unit: heater-1, server: dcs-1, node: \"nsu=urn:test;s=FuelGasFlowB\", uom: Nm3/h}\n")
                .replace("    method: EPA_C2A\n", "    method: EPA_C2A\n    missingData: {fuelQuantity: {backup: "
                        + BACKUP_FLOW + "}}\n"));
    }

    /** The test site with {@link #RUNNING}, a run signal (1 running, 0 shut down), as heater-1.stack's operating status. */
    public static SiteModelText withOperatingStatus() {
        return edited("operating", yaml -> yaml.replace("tags:\n", "tags:\n  - {id: " + RUNNING
                + ", unit: heater-1, server: dcs-1, node: \"nsu=urn:test;s=Running\", uom: \"1\"}\n")
                .replace("    method: EPA_C2A\n", "    method: EPA_C2A\n    operatingStatus: {tag: " + RUNNING + ", above: 0.5}\n"));
    }

    private static SiteModelText edited(String name, UnaryOperator<String> edit) {
        try {
            Path file = Files.createTempFile("test-site-" + name, ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, edit.apply(Files.readString(file())));
            return SiteModelText.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String resource) {
        try {
            return Path.of(TestSite.class.getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SiteModelText model() {
        return SiteModelText.read(file());
    }

    public static Reading reading(String tag, Instant ts, Double value, long status) {
        return Reading.of(SITE, tag, ts, value, status, ts.plusMillis(12), 1);
    }

    public static RawMessage message(Reading reading, long offset) {
        return RawMessage.of("plumeline.telemetry", 0, offset, ReadingJson.toBytes(reading));
    }
}
