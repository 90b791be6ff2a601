package io.plumeline.simulator;

import io.plumeline.core.site.OpcServer;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SiteModelLoader;
import io.plumeline.core.site.Tag;
import io.plumeline.simulator.profile.ProfileSet;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.stack.core.security.CertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running simulator: an OPC UA server per played server entry of a site model, and the one ticker feeding them. */
public final class Simulation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final String PRODUCT_URI = "urn:plumeline:plant-simulator";

    static {
        // Aes256_Sha256_RsaPss signs with RSA-PSS, which Milo takes from BouncyCastle.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** One server entry being played: its OPC UA server and the namespaces of its tags. */
    private record PlayedServer(ServerEndpoint endpoint, OpcUaServer server, List<TagNamespace> namespaces) {
    }

    private final List<PlayedServer> played;
    private final SimulatorPki pki;
    private final List<TagNode> tagNodes;
    private final MonitoredItemCount itemCount;
    private final Thread ticker;
    private boolean closed;

    private Simulation(List<PlayedServer> played, SimulatorPki pki, MonitoredItemCount itemCount, Ticker ticker) {
        this.played = played;
        this.pki = pki;
        this.tagNodes = played.stream().flatMap(p -> p.namespaces().stream()).flatMap(n -> n.tagNodes().stream()).toList();
        this.itemCount = itemCount;
        this.ticker = new Thread(ticker, "plant-simulator-ticker");
        this.ticker.setDaemon(true);
    }

    /**
     * Loads the site model and profiles, starts a server per entry and, once they listen, one ticker for all
     * of them, so that their source clocks agree. Bad input is refused before anything listens:
     * {@link SimulatorException}, {@link io.plumeline.core.site.SiteModelException} or
     * {@link io.plumeline.simulator.profile.ProfileException}, each naming what and where.
     */
    public static Simulation start(SimulatorSettings settings) {
        SiteModel model = SiteModelLoader.load(settings.site());
        List<OpcServer> entries = serverEntries(model, settings);
        List<Tag> tags = entries.stream().flatMap(e -> model.tagsOf(e.id()).stream()).toList();
        Map<String, List<FaultWindow>> faults = faultsByTag(settings.faults(), tags, entries);
        ProfileSet profiles = ProfileSet.load(model, settings.profiles(), settings.seed(), settings.start());
        TickSource source = new TickSource(new SourceClock(settings.start(), settings.speed()), profiles, faults);
        TickSchedule schedule = new TickSchedule(settings.epoch());
        TickHistory history = new TickHistory(source, schedule, settings.history());
        List<Access> accesses = entries.stream().map(Access::of).toList();
        MonitoredItemCount itemCount = new MonitoredItemCount();
        SimulatorPki pki = accesses.stream().anyMatch(Access::needsCertificate)
                ? SimulatorPki.open(settings.pki(), settings.trustAllClients()) : null;
        List<PlayedServer> played = new ArrayList<>();
        try {
            for (Access access : accesses) {
                played.add(play(model, access, pki, itemCount, history));
            }
        } catch (RuntimeException e) {
            played.forEach(Simulation::stop);
            if (pki != null) {
                pki.close();
            }
            throw e;
        }
        List<TagNode> tagNodes = played.stream().flatMap(p -> p.namespaces().stream()).flatMap(n -> n.tagNodes().stream()).toList();
        Simulation simulation = new Simulation(played, pki, itemCount,
                new Ticker(tagNodes, source, schedule, settings.ticks(), settings.awaitItems(), itemCount));
        simulation.ticker.start();
        return simulation;
    }

    /** How a server entry is reached: its endpoint and who may open a session, checked before anything listens. */
    private record Access(ServerEndpoint endpoint, UserAuthentication users) {

        static Access of(OpcServer entry) {
            ServerEndpoint endpoint = ServerEndpoint.of(entry);
            endpoint.securityPolicy();
            endpoint.securityMode();
            return new Access(endpoint, UserAuthentication.of(entry));
        }

        boolean needsCertificate() {
            return endpoint.secured() || users.needsCertificate();
        }
    }

    private static PlayedServer play(SiteModel model, Access access, SimulatorPki pki, MonitoredItemCount itemCount,
                                     TickHistory history) {
        ServerEndpoint endpoint = access.endpoint();
        OpcServer entry = endpoint.server();
        OpcUaServer server = new OpcUaServer(serverConfig(model, access, pki),
                profile -> new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder().build()));
        List<TagNamespace> namespaces = new ArrayList<>();
        Map<String, List<Tag>> byNamespace = new LinkedHashMap<>();
        List<Tag> tags = model.tagsOf(entry.id());
        tags.forEach(t -> byNamespace.computeIfAbsent(t.nodeId().namespaceUri(), u -> new ArrayList<>()).add(t));
        byNamespace.forEach((uri, nsTags) -> {
            TagNamespace namespace = new TagNamespace(server, uri, nsTags, itemCount, history);
            namespace.startup();
            namespaces.add(namespace);
        });
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            namespaces.forEach(TagNamespace::shutdown);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new SimulatorException("server '" + entry.id() + "': cannot listen on " + endpoint.url() + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted while starting the server", e);
        }
        LOG.info("Serving {} tags of server '{}' in {} namespaces on {} ({} / {}, auth {})", tags.size(), entry.id(),
                namespaces.size(), endpoint.url(), entry.securityPolicy(), entry.securityMode(), entry.auth().type());
        if (access.needsCertificate()) {
            LOG.info("Server '{}' presents the certificate {}", entry.id(), pki.certificateFile(entry.id()));
        }
        return new PlayedServer(endpoint, server, namespaces);
    }

    private static List<OpcServer> serverEntries(SiteModel model, SimulatorSettings settings) {
        if (settings.serverIds().isEmpty()) {
            if (model.servers().isEmpty()) {
                throw new SimulatorException(settings.site() + ": servers: the site model names no OPC UA server to simulate");
            }
            return List.of(model.servers().get(0));
        }
        return settings.serverIds().stream().distinct().map(id -> model.server(id).orElseThrow(() -> new SimulatorException(
                "--server " + id + ": " + settings.site() + " has no such server; it has "
                        + model.servers().stream().map(OpcServer::id).toList()))).toList();
    }

    private static Map<String, List<FaultWindow>> faultsByTag(List<FaultWindow> faults, List<Tag> tags, List<OpcServer> entries) {
        Map<String, List<FaultWindow>> byTag = new LinkedHashMap<>();
        for (FaultWindow fault : faults) {
            if (tags.stream().noneMatch(t -> t.id().equals(fault.tag()))) {
                throw new SimulatorException("--fault " + fault + ": servers "
                        + entries.stream().map(OpcServer::id).toList() + " serve no tag '" + fault.tag() + "'");
            }
            byTag.computeIfAbsent(fault.tag(), t -> new ArrayList<>()).add(fault);
        }
        return byTag;
    }

    private static OpcUaServerConfig serverConfig(SiteModel model, Access access, SimulatorPki pki) {
        ServerEndpoint endpoint = access.endpoint();
        String name = "Plumeline plant simulator " + model.site().id() + "/" + endpoint.server().id();
        String applicationUri = PRODUCT_URI + ":" + model.site().id() + ":" + endpoint.server().id();
        CertificateManager certificates;
        X509Certificate certificate;
        if (access.needsCertificate()) {
            SimulatorPki.Application application = pki.application(endpoint.server().id(), applicationUri, endpoint.host());
            certificates = application.certificateManager();
            certificate = application.certificate();
        } else {
            // Milo needs a certificate manager even when every endpoint is SecurityPolicy None.
            certificates = new DefaultCertificateManager(new MemoryCertificateQuarantine());
            certificate = null;
        }
        return OpcUaServerConfig.builder()
                .setApplicationUri(applicationUri)
                .setApplicationName(LocalizedText.english(name))
                .setProductUri(PRODUCT_URI)
                .setBuildInfo(new BuildInfo(PRODUCT_URI, "Plumeline", "Plumeline plant simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.now()))
                .setEndpoints(endpoint.endpointConfigs(access.users().tokenPolicy(), certificate))
                .setCertificateManager(certificates)
                .setIdentityValidator(access.users().validator())
                .build();
    }

    /** The endpoint of the first server played. */
    public String endpointUrl() {
        return played.get(0).endpoint().url();
    }

    public List<String> endpointUrls() {
        return played.stream().map(p -> p.endpoint().url()).toList();
    }

    /** Ticks produced so far per tag id, in site model order. */
    public Map<String, Long> ticksProduced() {
        Map<String, Long> produced = new LinkedHashMap<>();
        tagNodes.forEach(n -> produced.put(n.tag().id(), n.produced()));
        return produced;
    }

    /**
     * Ticks due so far per tag id, counted from tick 0: with an {@code --epoch} in the past this includes the
     * ticks of an earlier run and of its downtime, which are served by HistoryRead only.
     */
    public Map<String, Long> ticksDue() {
        Map<String, Long> due = new LinkedHashMap<>();
        tagNodes.forEach(n -> due.put(n.tag().id(), n.historyEnd()));
        return due;
    }

    public long monitoredItems() {
        return itemCount.get();
    }

    /** One line: how many tags and ticks were produced. */
    public String summary() {
        Map<String, Long> produced = ticksProduced();
        long total = produced.values().stream().mapToLong(Long::longValue).sum();
        long min = produced.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = produced.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return "PlantSimulator stopped: " + produced.size() + " tags, "
                + (min == max ? min : min + ".." + max) + " ticks per tag, " + total + " ticks in total";
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ticker.interrupt();
        try {
            ticker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        played.forEach(Simulation::stop);
        if (pki != null) {
            pki.close();
        }
    }

    private static void stop(PlayedServer played) {
        try {
            played.server().shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Server {} did not shut down cleanly: {}", played.endpoint().url(), e.toString());
        }
        played.namespaces().forEach(TagNamespace::shutdown);
    }
}
