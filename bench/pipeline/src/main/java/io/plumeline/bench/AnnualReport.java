package io.plumeline.bench;

import io.plumeline.core.contracts.InfluxQl;
import io.plumeline.core.contracts.Keys;
import io.plumeline.core.contracts.Measurement;
import io.plumeline.core.telemetry.Reading;
import io.plumeline.flink.PlumelineJob;
import io.plumeline.flink.SiteModelText;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.stack.ChildProcess;
import io.plumeline.stack.InfluxDbServer;
import io.plumeline.stack.KafkaBroker;
import io.plumeline.stack.Ports;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * 5. A year of a 50-source site through the real Flink job (generated readings in Kafka → PlumelineJob → InfluxDB),
 * then the annual figures from the reporting service timed beside the raw InfluxQL queries they need.
 */
final class AnnualReport implements Scenario {

    static final int SOURCES = 50;
    private static final String DATABASE = "year";
    private static final String TOPIC = "bench.year";

    @Override
    public String id() {
        return "year";
    }

    @Override
    public String title() {
        return "5. A year of a 50-source site through the Flink job, then the annual report timed";
    }

    @Override
    public void run(BenchContext ctx, Results results) throws Exception {
        Duration step = ctx.size(Duration.ofMinutes(15), Duration.ofMinutes(5));
        int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        long steps = Duration.between(from, to).dividedBy(step);
        long hours = Duration.between(from, to).toHours();
        KafkaBroker kafka = ctx.kafka();
        InfluxDbServer influx = ctx.influx();
        BenchSite site = BenchSite.generate("bench-year", 2 * SOURCES, SOURCES, "opc.tcp://127.0.0.1:4840/plumeline");
        Path siteFile = site.writeTo(ctx.work.resolve("sites"));

        // every source's fuel-gas flow and HHV once a step, in time order
        int perStep = 2 * SOURCES;
        ReadingFeed feed = new ReadingFeed(steps * perStep, i -> {
            long k = i / perStep;
            int j = (int) (i % perStep);
            String tag = j % 2 == 0 ? site.sourceFlows().get(j / 2) : site.sourceHhvs().get(j / 2);
            Instant ts = from.plus(step.multipliedBy(k));
            return Reading.of(site.id(), tag, ts, ReadingFeed.value(tag, k * step.toSeconds()), 0, ts, i);
        });
        kafka.createTopic(TOPIC, 4);
        ctx.progress("%,d readings (%d sources × flow and HHV every %d min over %d) into Kafka…", feed.count(), SOURCES,
                step.toMinutes(), year);
        feed.produce(kafka.bootstrapServers(), TOPIC);

        // telemetry of the year must stay within the raw policy's retention, or InfluxDB drops it
        Duration retention = Duration.ofDays(Duration.between(from, Instant.now()).toDays() + 31);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(Runtime.getRuntime().availableProcessors());
        PlumelineJob.Timing timing = new PlumelineJob.Timing(Duration.ofSeconds(5), Duration.ofSeconds(30), step,
                Duration.ofHours(2), PlumelineJob.Timing.defaults().maxClockAhead(), PlumelineJob.Timing.defaults().recomputeDelay());
        new PlumelineJob(SiteModelText.read(siteFile), timing, KafkaThroughput.source(kafka.bootstrapServers(), TOPIC, "year"),
                new DiscardingSink<DeadLetter>(), new TimedSink<>("year", InfluxDbSink.of(URI.create(influx.url()), DATABASE,
                        new RetentionPolicies(retention)))).build(env);
        ctx.progress("PlumelineJob loading the year (max hold %d min, telemetry retention %d days)…", step.toMinutes(), retention.toDays());
        env.execute("bench year");
        TimedSink.Span span = TimedSink.span("year");
        long hoursStored = influx.count(DATABASE, Measurement.EMISSIONS, Keys.MASS_KG, InfluxQl.is(Keys.GAS, "CO2e"));
        long telemetry = influx.count(DATABASE, Measurement.TELEMETRY, Keys.STATUS, null);
        results.add(id(), "year loaded through PlumelineJob", "readings/s", Stats.of(feed.count() / span.seconds()),
                String.format("%,d readings → %,d points (telemetry, emissions, rates) in %.0f s; real InfluxDB sink",
                        feed.count(), span.elements.get(), span.seconds()));
        ctx.progress("loaded in %.0f s: %,d telemetry points, %,d source-hours (expected %,d)", span.seconds(), telemetry,
                hoursStored, SOURCES * hours);
        if (hoursStored != SOURCES * hours) {
            long late = influx.count(DATABASE, Measurement.LATE_READINGS, Keys.VALUE, null);
            results.note(id(), String.format("Only %,d of %,d source-hours were stored; %,d readings went to late_readings"
                    + " (behind their partition's watermark by more than the allowed lateness).", hoursStored, SOURCES * hours, late));
        }

        int http = Ports.free();
        ChildProcess reporting = ctx.launch("reporting-service", "reporting-service", "io.plumeline.reporting.ReportingApplication",
                "512m", List.of("--plumeline.sites=" + siteFile, "--plumeline.influx.url=" + influx.url(),
                        "--plumeline.influx.database=" + DATABASE, "--server.port=" + http,
                        "--spring.config.import=file:" + ctx.repository.resolve("examples/demo-users.properties")));
        String api = "http://127.0.0.1:" + http;
        reporting.awaitReady(() -> {
            try {
                HttpResponse<String> health = ctx.get(api + "/actuator/health", Duration.ofSeconds(3));
                return health.statusCode() == 200 && health.body().contains("\"UP\"");
            } catch (RuntimeException e) {
                return false;
            }
        }, Duration.ofSeconds(120), "/actuator/health did not report UP");

        int repeats = Math.max(5, ctx.runs);
        String range = "from=" + from + "&to=" + to;
        Timed monthly = timeGet(ctx, api + "/api/v1/emissions?" + range + "&interval=P1M", repeats);
        if (monthly.status != 200) {
            results.note(id(), "GET /api/v1/emissions?interval=P1M over the year answered HTTP " + monthly.status + " after "
                    + Results.format(monthly.firstMs) + " ms: " + monthly.body.replace('\n', ' '));
        }
        results.add(id(), "GET /api/v1/emissions?interval=P1M over the year" + (monthly.status == 200 ? "" : " (HTTP " + monthly.status + ")"),
                "ms", monthly.ms, String.format("reporting service → InfluxDB; answer %,d bytes; %s", monthly.bytes,
                        monthly.status == 200 ? "first call " + Results.format(monthly.firstMs) + " ms (not in the runs)" : "failed, not repeated"));
        double report = monthly.ms.median();
        String reportName = "GET /api/v1/emissions?interval=P1M";
        Timed period = timeGet(ctx, api + "/api/v1/reports/emissions?period=" + year, repeats);
        if (period.status == 200) {
            results.add(id(), "GET /api/v1/reports/emissions?period=" + year, "ms", period.ms,
                    String.format("answer %,d bytes; first call %s ms", period.bytes, Results.format(period.firstMs)));
            report = period.ms.median();
            reportName = "GET /api/v1/reports/emissions?period=" + year;
            for (String format : List.of("csv", "xml", "pdf")) {
                Timed export = timeGet(ctx, api + "/api/v1/reports/emissions?period=" + year + "&format=" + format, repeats);
                if (export.status == 200) {
                    results.add(id(), "export format=" + format, "ms", export.ms, String.format("answer %,d bytes", export.bytes));
                } else {
                    results.note(id(), "Export format=" + format + ": HTTP " + export.status + ", not timed.");
                }
            }
        } else {
            results.note(id(), "The period report GET /api/v1/reports/emissions?period=" + year + " answered HTTP "
                    + period.status + ": " + period.body.replace('\n', ' ') + " It and its exports are not timed.");
        }

        String where = InfluxQl.is(Keys.SITE, site.id()) + " AND time >= " + InfluxQl.time(from) + " AND time < " + InfluxQl.time(to);
        String emissions = InfluxQl.qualified(Measurement.EMISSIONS);
        Timed rawRows = timeGet(ctx, influx.url() + "/query?db=" + DATABASE + "&q=" + encode("SELECT " + InfluxQl.identifiers(
                Keys.MASS_KG, Keys.CO2E_KG, Keys.AVAILABILITY_PCT, Keys.SUBSTITUTED_MIN, Keys.SUBSTITUTED, Keys.SUBSTITUTION_TIER,
                Keys.LATE_COUNT, Keys.LINEAGE_ID) + " FROM " + emissions + " WHERE " + where
                + " GROUP BY " + InfluxQl.identifiers(Keys.SOURCE, Keys.GAS, Keys.METHOD)), repeats);
        results.add(id(), "raw InfluxQL: the year's hourly rows", "ms", rawRows.ms,
                String.format("HTTP /query, answer %,d bytes", rawRows.bytes));
        Timed rawSums = timeGet(ctx, influx.url() + "/query?db=" + DATABASE + "&q=" + encode("SELECT sum(" + InfluxQl.identifier(Keys.MASS_KG) + "), sum("
                + InfluxQl.identifier(Keys.CO2E_KG) + ") FROM " + emissions + " WHERE " + where
                + " GROUP BY " + InfluxQl.identifiers(Keys.SOURCE, Keys.GAS)), repeats);
        results.add(id(), "raw InfluxQL: annual sums per source and gas (what the report asks InfluxDB for)", "ms", rawSums.ms,
                String.format("HTTP /query, answer %,d bytes", rawSums.bytes));
        ctx.stop(reporting);
        results.goal(id(), "annual report ≤ 2 s", String.format("%s ms (%s); raw hourly rows %s ms, raw sums %s ms",
                Results.format(report), reportName, Results.format(rawRows.ms.median()), Results.format(rawSums.ms.median())),
                monthly.status == 200 && report <= 2000);
        results.note(id(), String.format("Year %d, %d sources (EPA_C2A, the program's rule), fuel-gas flow and HHV every %d min"
                + " (max hold %d min): %,d readings, %,d source-hours × 4 gas rows. Query times: %d runs after one warm-up call.",
                year, SOURCES, step.toMinutes(), step.toMinutes(), feed.count(), SOURCES * hours, repeats));
    }

    private record Timed(int status, Stats ms, double firstMs, long bytes, String body) {
    }

    /** The reporting service's calls go as the demo compliance officer (examples/demo-users.properties). */
    private static Timed timeGet(BenchContext ctx, String url, int repeats) {
        String credentials = url.contains("/api/v1/") ? "compliance:compliance-demo" : null;
        long t0 = System.nanoTime();
        HttpResponse<String> first = ctx.get(url, Duration.ofMinutes(5), credentials);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (first.statusCode() != 200) return new Timed(first.statusCode(), Stats.of(firstMs), firstMs, first.body().length(),
                first.body().length() > 400 ? first.body().substring(0, 400) : first.body());
        List<Double> ms = new ArrayList<>();
        long bytes = 0;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            HttpResponse<String> response = ctx.get(url, Duration.ofMinutes(5), credentials);
            ms.add((System.nanoTime() - t) / 1e6);
            bytes = response.body().length();
            if (response.statusCode() != 200) throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode());
        }
        ctx.progress("%s ms  %s", Results.format(new Stats(ms).median()), url.replaceAll("^http://[^/]+", "").replaceAll("q=.{60}.*", "q=…"));
        return new Timed(200, new Stats(ms), firstMs, bytes, "");
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
