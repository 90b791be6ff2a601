package io.plumeline.flink;

import io.plumeline.core.contracts.KafkaClientConfig;
import io.plumeline.core.contracts.ReadyLines;
import io.plumeline.core.contracts.Topics;
import io.plumeline.core.site.RecordRetention;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelException;
import io.plumeline.flink.accounting.SourceHourAccounting;
import io.plumeline.flink.influx.InfluxCredentials;
import io.plumeline.flink.influx.InfluxDbSink;
import io.plumeline.flink.influx.InfluxPoint;
import io.plumeline.flink.influx.InfluxTelemetryArchive;
import io.plumeline.flink.influx.RetentionPolicies;
import io.plumeline.flink.telemetry.DeadLetter;
import io.plumeline.flink.telemetry.DeadLetterSerializer;
import io.plumeline.flink.telemetry.RawMessage;
import io.plumeline.flink.telemetry.RawMessageDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The command line of {@link PlumelineJob} (process contract "Flink job"). */
@Command(name = "PlumelineJob", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Telemetry from Kafka to InfluxDB, unparsable messages to the DLQ, hourly emissions, late readings,"
                + " live emission rates and limit alerts to InfluxDB.")
final class JobCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(JobCommand.class);

    @Option(names = "--site", required = true, paramLabel = "FILE", description = "site model (YAML)")
    Path site;

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers")
    String kafka;

    @Option(names = KafkaClientConfig.OPTION, paramLabel = "FILE",
            description = "Kafka client settings (properties: security.protocol, sasl.*, ssl.*) for the job's consumers, its"
                    + " dead-letter producer and its admin client; passwords go here, never on the command line")
    Path kafkaConfig;

    /**
     * What the job sets on its Kafka clients itself, or the connector does: where they connect, the consumer group and
     * its offsets (kept in checkpoints), (de)serializers, client ids, partition discovery, and the admin's timeout.
     */
    private static final Set<String> KAFKA_SETTINGS_OF_THE_JOB = Set.of(
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, CommonClientConfigs.GROUP_ID_CONFIG,
            CommonClientConfigs.CLIENT_ID_CONFIG, "client.id.prefix", "partition.discovery.interval.ms",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG);

    @Option(names = "--influx", required = true, paramLabel = "URL", description = "InfluxDB base URL (v1 HTTP API)")
    URI influx;

    @Option(names = "--influx-db", defaultValue = "plumeline", paramLabel = "NAME")
    String influxDb;

    @Option(names = "--influx-user", paramLabel = "NAME",
            description = "InfluxDB user (HTTP Basic); the password comes from --influx-password-file or $"
                    + InfluxCredentials.PASSWORD_ENV + ", never the command line")
    String influxUser;

    @Option(names = "--influx-password-file", paramLabel = "FILE",
            description = "file holding the InfluxDB user's password; read again when InfluxDB refuses it")
    Path influxPasswordFile;

    @Option(names = "--checkpoint-dir", paramLabel = "URI",
            description = "where checkpoints go (default: flink-checkpoints in the working directory)")
    String checkpointDir;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S", paramLabel = "DURATION")
    Duration checkpointInterval;

    @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "resume from the newest checkpoint in the checkpoint directory (default: ${DEFAULT-VALUE})")
    boolean resume;

    @Option(names = "--topic", defaultValue = Topics.TELEMETRY, paramLabel = "TOPIC")
    String topic;

    @Option(names = "--dlq-topic", defaultValue = Topics.TELEMETRY_DLQ, paramLabel = "TOPIC")
    String dlqTopic;

    @Option(names = "--gaps-topic", defaultValue = Topics.GAPS, paramLabel = "TOPIC",
            description = "the collectors' gap and backfill records: the hours a gap touched are pending until its "
                    + "backfill is done, then computed again; default: ${DEFAULT-VALUE}")
    String gapsTopic;

    @Option(names = "--group-id", defaultValue = "plumeline-flink", paramLabel = "ID")
    String groupId;

    @Option(names = "--out-of-orderness", defaultValue = "PT5S", paramLabel = "DURATION",
            description = "how late a reading may arrive behind the newest one (watermark bound)")
    Duration outOfOrderness;

    @Option(names = "--idleness", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "after this long without readings a source split no longer holds the watermark back")
    Duration idleness;

    @Option(names = "--max-hold", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "how long a sample holds its value in the hourly integral")
    Duration maxHold;

    @Option(names = "--allowed-lateness", defaultValue = "PT2H", paramLabel = "DURATION",
            description = "how long after its end a late reading still recomputes an hour; later ones go to late_readings")
    Duration allowedLateness;

    @Option(names = "--max-clock-ahead", defaultValue = "PT5M", paramLabel = "DURATION",
            description = "a reading stamped further ahead of the time it was sent, or of its serverTs, goes to the"
                    + " dead letters and moves no event time (default: ${DEFAULT-VALUE})")
    Duration maxClockAhead;

    @Option(names = "--recompute-delay", defaultValue = "PT30S", paramLabel = "DURATION",
            description = "how long after the first reading too late for its hour (after --allowed-lateness) the hour is"
                    + " computed again from the stored telemetry; the readings of a burst join that recompute (default: ${DEFAULT-VALUE})")
    Duration recomputeDelay;

    @Option(names = "--telemetry-retention", defaultValue = "P90D", paramLabel = "DURATION",
            description = "how long InfluxDB keeps telemetry, late readings and live rates (retention policy raw, at least P1D)")
    Duration telemetryRetention;

    @Option(names = "--record-retention", paramLabel = "DURATION",
            description = "how long InfluxDB keeps the telemetry of the tags a reportable source reads (retention policy"
                    + " record; default: the site program's record-keeping period, P1096D for EPA_PART98, P3653D for"
                    + " EU_ETS, P1827D for CN_MEE)")
    Duration recordRetention;

    @Option(names = "--imbalance-threshold", defaultValue = "0.02", paramLabel = "FRACTION",
            description = "relative imbalance of a unit's material balance above which its hour is flagged (default: ${DEFAULT-VALUE})")
    double imbalanceThreshold;

    @Option(names = "--parallelism", paramLabel = "N")
    Integer parallelism;

    static int run(String... args) {
        return new CommandLine(new JobCommand()).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        SiteModelText siteModel;
        try {
            if (!(imbalanceThreshold > 0 && imbalanceThreshold < 1)) {
                throw new IllegalArgumentException("--imbalance-threshold is a fraction in (0, 1), found " + imbalanceThreshold);
            }
            if (allowedLateness.isNegative()) {
                throw new IllegalArgumentException("--allowed-lateness must not be negative, found " + allowedLateness);
            }
            if (maxClockAhead.isNegative()) {
                throw new IllegalArgumentException("--max-clock-ahead must not be negative, found " + maxClockAhead);
            }
            if (recomputeDelay.isNegative()) {
                throw new IllegalArgumentException("--recompute-delay must not be negative, found " + recomputeDelay);
            }
            influxCredentials();
            kafkaClientConfig();
            siteModel = SiteModelText.read(site);
            SourceHourAccounting.checkSources(siteModel.model());
            retentionPolicies(siteModel.model());
        } catch (SiteModelException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("PlumelineJob: " + e.getMessage());
            return 2;
        }
        try {
            KafkaTopics.ensure(kafkaClientConfig(), kafka, topic, dlqTopic);
        } catch (IllegalStateException e) {
            System.err.println("PlumelineJob: " + e.getMessage());
            return 1;
        }

        // A local MiniCluster leaves its RPC jar and working folders in the temp folder: give it its own.
        Path tmp = Files.createTempDirectory("plumeline-flink-");
        Configuration conf = configuration();
        conf.set(CoreOptions.TMP_DIRS, tmp.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        boolean local = env instanceof LocalStreamEnvironment;
        if (!local) deleteRecursively(tmp);
        if (parallelism != null) env.setParallelism(parallelism);
        job(siteModel).build(env);
        JobClient client = env.executeAsync("plumeline " + siteModel.model().site().id());
        if (local) {
            // Only the MiniCluster lives and dies with this process. In application mode on a cluster main()
            // runs in the JobManager, and a hook that cancelled at its exit would cancel the job at a failover.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cancel(client);
                deleteRecursively(tmp);
            }, "plumeline-job-stop"));
        }
        System.out.println(ReadyLines.JOB + " " + client.getJobID() + ": " + topic + " on " + kafka + " → "
                + influx + " database " + influxDb + ", dead letters → " + dlqTopic + ", gaps from " + gapsTopic);
        client.getJobExecutionResult().get();
        return 0;
    }

    /** The job wired to Kafka and InfluxDB as the flags say. */
    PlumelineJob job(SiteModelText siteModel) {
        return job(siteModel, InfluxDbSink.of(influx, influxDb, retentionPolicies(siteModel.model())).withCredentials(influxCredentials()))
                .withArchive(new InfluxTelemetryArchive(influx, influxDb, influxCredentials()));
    }

    PlumelineJob job(SiteModelText siteModel, Sink<InfluxPoint> influxSink) {
        // the file's settings first, so that the job's own, set after them, are the ones that count
        KafkaClientConfig client = kafkaClientConfig();
        return new PlumelineJob(siteModel,
                new PlumelineJob.Timing(outOfOrderness, idleness, maxHold, allowedLateness, maxClockAhead, recomputeDelay),
                KafkaSource.<RawMessage>builder()
                        .setProperties(client.properties())
                        .setBootstrapServers(kafka)
                        .setTopics(topic)
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new RawMessageDeserializer())
                        .setProperty("partition.discovery.interval.ms", "10000")
                        .build(),
                KafkaSink.<DeadLetter>builder()
                        .setKafkaProducerConfig(client.properties())
                        .setBootstrapServers(kafka)
                        .setRecordSerializer(new DeadLetterSerializer(dlqTopic))
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build(),
                influxSink, imbalanceThreshold)
                .withGaps(KafkaSource.<RawMessage>builder()
                        .setProperties(client.properties())
                        .setBootstrapServers(kafka)
                        // a pattern, not a list: a topic that does not exist yet is waited for, not a failure
                        .setTopicPattern(Pattern.compile(Pattern.quote(gapsTopic)))
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(RawMessageDeserializer.gapRecords())
                        .setProperty("partition.discovery.interval.ms", "10000")
                        .build());
    }

    private RetentionPolicies retentionPolicies(SiteModel model) {
        Duration record = recordRetention != null ? recordRetention : RecordRetention.ofProgram(model.site().program());
        try {
            return new RetentionPolicies(telemetryRetention, record.compareTo(telemetryRetention) < 0 && recordRetention == null
                    ? telemetryRetention : record);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--telemetry-retention, --record-retention: " + e.getMessage(), e);
        }
    }

    /** The {@code --kafka-config} file's settings; read again by each caller, as {@link #job} may run without {@link #call}. */
    KafkaClientConfig kafkaClientConfig() {
        Set<String> known = new HashSet<>(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        known.addAll(AdminClientConfig.configNames());
        return KafkaClientConfig.read(kafkaConfig, known, KAFKA_SETTINGS_OF_THE_JOB);
    }

    InfluxCredentials influxCredentials() {
        if (influxUser == null) {
            if (influxPasswordFile != null) throw new IllegalArgumentException("--influx-password-file needs --influx-user");
            return InfluxCredentials.none();
        }
        return influxPasswordFile != null ? InfluxCredentials.fromFile(influxUser, influxPasswordFile)
                : InfluxCredentials.fromEnvironment(influxUser);
    }

    Configuration configuration() {
        URI checkpoints = checkpointUri();
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toString());
        // kept when the process is stopped, so the next start resumes the hourly state where it was
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        if (resume) {
            Optional<Path> latest = LatestCheckpoint.in(checkpoints);
            latest.ifPresent(path -> {
                LOG.info("Resuming from checkpoint {}", path);
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path.toString());
                conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
            });
        }
        return conf;
    }

    private URI checkpointUri() {
        if (checkpointDir == null) return Path.of("flink-checkpoints").toAbsolutePath().toUri();
        URI uri = URI.create(checkpointDir);
        return uri.getScheme() == null ? Path.of(checkpointDir).toAbsolutePath().toUri() : uri;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: a leftover temp folder harms nothing
        }
    }

    private static void cancel(JobClient client) {
        try {
            client.cancel().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the job may already have ended; nothing else to stop
        }
    }
}
