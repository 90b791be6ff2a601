package io.plumeline.core.site;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One site, as described by its site model file (docs/contracts.md §1, {@code apiVersion: plumeline/v1}). Read by
 * every stage; built and validated by {@link SiteModelLoader}, so an instance always holds together. Its lookups by
 * id are indexed when it is built, once: stages look tags up for every reading (at 20,000 tags a scan of the list
 * cost more than the rest of the job), so none keeps an index of its own. An id given twice (which the validator
 * refuses) is found as its first entry.
 */
public final class SiteModel {

    public static final String API_VERSION = "plumeline/v1";

    private final String apiVersion;
    private final Site site;
    private final List<OpcServer> servers;
    private final List<PlantUnit> units;
    private final List<Tag> tags;
    private final List<EmissionSource> sources;
    private final List<MaterialStream> streams;
    private final List<Limit> limits;

    private final Map<String, Tag> tagsById;
    private final Map<String, OpcServer> serversById;
    private final Map<String, PlantUnit> unitsById;
    private final Map<String, EmissionSource> sourcesById;
    private final Map<String, List<Tag>> tagsByServer;
    private final Map<String, List<Limit>> limitsByTag;

    @JsonCreator
    public SiteModel(@JsonProperty("apiVersion") String apiVersion,
                     @JsonProperty("site") Site site,
                     @JsonProperty("servers") List<OpcServer> servers,
                     @JsonProperty("units") List<PlantUnit> units,
                     @JsonProperty("tags") List<Tag> tags,
                     @JsonProperty("sources") List<EmissionSource> sources,
                     @JsonProperty("streams") List<MaterialStream> streams,
                     @JsonProperty("limits") List<Limit> limits) {
        this.apiVersion = apiVersion;
        this.site = site;
        this.servers = copy(servers);
        this.units = copy(units);
        this.tags = copy(tags);
        this.sources = copy(sources);
        this.streams = copy(streams);
        this.limits = copy(limits);
        this.tagsById = byId(this.tags, Tag::id);
        this.serversById = byId(this.servers, OpcServer::id);
        this.unitsById = byId(this.units, PlantUnit::id);
        this.sourcesById = byId(this.sources, EmissionSource::id);
        this.tagsByServer = grouped(this.tags, Tag::server);
        this.limitsByTag = grouped(this.limits, Limit::tag);
    }

    public String apiVersion() {
        return apiVersion;
    }

    public Site site() {
        return site;
    }

    public List<OpcServer> servers() {
        return servers;
    }

    public List<PlantUnit> units() {
        return units;
    }

    public List<Tag> tags() {
        return tags;
    }

    public List<EmissionSource> sources() {
        return sources;
    }

    public List<MaterialStream> streams() {
        return streams;
    }

    public List<Limit> limits() {
        return limits;
    }

    public Optional<Tag> tag(String id) {
        return Optional.ofNullable(tagsById.get(id));
    }

    /** The tags by id, unmodifiable. */
    public Map<String, Tag> tagsById() {
        return tagsById;
    }

    public Optional<OpcServer> server(String id) {
        return Optional.ofNullable(serversById.get(id));
    }

    public Optional<PlantUnit> unit(String id) {
        return Optional.ofNullable(unitsById.get(id));
    }

    public Optional<EmissionSource> source(String id) {
        return Optional.ofNullable(sourcesById.get(id));
    }

    /** The tags that an OPC UA server entry provides, in the model's order. */
    public List<Tag> tagsOf(String serverId) {
        return tagsByServer.getOrDefault(serverId, List.of());
    }

    /** The limits set on a tag, in the model's order. */
    public List<Limit> limitsOf(String tagId) {
        return limitsByTag.getOrDefault(tagId, List.of());
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new HashMap<>(items.size() * 2);
        for (T item : items) if (id.apply(item) != null) byId.putIfAbsent(id.apply(item), item);
        return Collections.unmodifiableMap(byId);
    }

    private static <T> Map<String, List<T>> grouped(List<T> items, Function<T, String> key) {
        Map<String, List<T>> grouped = new LinkedHashMap<>();
        for (T item : items) {
            if (key.apply(item) != null) grouped.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        grouped.replaceAll((k, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(grouped);
    }
}
