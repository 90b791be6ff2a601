package io.plumeline.core.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site, as described by its site model file (docs/contracts.md §1, {@code apiVersion: plumeline/v1}). Read by
 * every stage; built and validated by {@link SiteModelLoader}, so an instance always holds together.
 */
public record SiteModel(
        String apiVersion,
        Site site,
        List<OpcServer> servers,
        List<PlantUnit> units,
        List<Tag> tags,
        List<EmissionSource> sources,
        List<MaterialStream> streams,
        List<Limit> limits) {

    public static final String API_VERSION = "plumeline/v1";

    public SiteModel {
        servers = servers == null ? List.of() : List.copyOf(servers);
        units = units == null ? List.of() : List.copyOf(units);
        tags = tags == null ? List.of() : List.copyOf(tags);
        sources = sources == null ? List.of() : List.copyOf(sources);
        streams = streams == null ? List.of() : List.copyOf(streams);
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    public Optional<Tag> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The tags by id. {@link #tag} scans the list, which is fine once but not per reading: a stage that looks
     * tags up for every reading builds this map once (at 20,000 tags the scan cost more than the rest of the job).
     */
    public Map<String, Tag> tagsById() {
        Map<String, Tag> byId = new HashMap<>(tags.size() * 2);
        for (Tag tag : tags) byId.put(tag.id(), tag);
        return byId;
    }

    public Optional<OpcServer> server(String id) {
        return servers.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<PlantUnit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<EmissionSource> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** The tags that an OPC UA server entry provides. */
    public List<Tag> tagsOf(String serverId) {
        return tags.stream().filter(t -> t.server().equals(serverId)).toList();
    }
}
