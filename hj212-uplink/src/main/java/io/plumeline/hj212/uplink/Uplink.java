package io.plumeline.hj212.uplink;

import io.plumeline.core.site.SiteModel;
import io.plumeline.hj212.site.Hj212Stack;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual data logger: one {@link Channel} per stack and platform the site model names, a maker thread that turns
 * InfluxDB telemetry into packets on every poll, and a sender thread per channel, which also answers the platform's
 * requests. Progress every 30 s, a summary at stop.
 */
public final class Uplink {

    private static final Logger LOG = LoggerFactory.getLogger(Uplink.class);
    private static final Duration PROGRESS = Duration.ofSeconds(30);

    private final SiteModel model;
    private final UplinkSettings settings;
    private final InfluxTelemetry telemetry;
    private final List<Channel> channels = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public Uplink(SiteModel model, List<Hj212Stack> stacks, UplinkSettings settings, URI influx, String database,
            Optional<String> influxUser, Optional<String> influxPassword) {
        this.model = model;
        this.settings = settings;
        this.telemetry = new InfluxTelemetry(influx, database, influxUser, influxPassword);
        Map<String, UplinkSettings.Platform> platforms = settings.platforms().stream()
                .collect(Collectors.toMap(UplinkSettings.Platform::id, Function.identity()));
        for (Hj212Stack stack : stacks) {
            for (String id : stack.platforms()) {
                UplinkSettings.Platform platform = platforms.get(id);
                if (platform == null) {
                    throw new IllegalArgumentException("source '" + stack.sourceId() + "' reports to platform '" + id
                            + "', which no --platform " + id + "=HOST:PORT gives");
                }
                ZoneId zone = model.site().zone();
                channels.add(new Channel(stack, platform, settings, zone,
                        new PacketMaker(stack, telemetry, model.site().id(), zone, settings.realtimeInterval())));
            }
        }
        if (channels.isEmpty()) throw new IllegalArgumentException("no source of the site model has an hj212 block with a platform");
    }

    public List<String> channelNames() {
        return channels.stream().map(Channel::name).toList();
    }

    public void start() {
        for (Channel channel : channels) {
            threads.add(new Thread(() -> {
                try {
                    channel.send(() -> running);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hj212-send-" + channel.name()));
        }
        threads.add(new Thread(this::make, "hj212-make"));
        threads.forEach(Thread::start);
    }

    private void make() {
        Instant nextProgress = Instant.now().plus(PROGRESS);
        while (running) {
            for (Channel channel : channels) {
                try {
                    int made = channel.produce(Instant.now());
                    if (made > 0) LOG.debug("{}: made {} packets", channel.name(), made);
                } catch (IOException e) {
                    LOG.warn("{}: cannot read the telemetry, trying again at the next poll: {}", channel.name(), e.getMessage());
                } catch (RuntimeException e) {
                    // a packet that cannot be made (longer than the standard allows) or spooled (disk full): the
                    // interval stays next and is tried again, the other channels go on
                    LOG.error("{}: cannot make the next packet, trying again at the next poll: {}", channel.name(), e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (Instant.now().isAfter(nextProgress)) {
                channels.forEach(c -> LOG.info(c.progress()));
                nextProgress = Instant.now().plus(PROGRESS);
            }
            try {
                Thread.sleep(settings.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops making and sending (what is not acknowledged stays spooled) and returns the summary. */
    public String stop() {
        running = false;
        for (Thread t : threads) t.interrupt();
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String summary = channels.stream().map(Channel::progress).collect(Collectors.joining("; "));
        channels.forEach(Channel::close);
        return "Hj212Uplink stopped: " + summary;
    }
}
