package io.plumeline.simulator.profile;

import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The profile of every tag of a site model for one simulation run. Values are pure functions of the
 * source time, so the simulator and a test that checks what arrived downstream compute the same number:
 * {@code ProfileSet.load(model, profilesFile, seed, start).valueAt(tagId, sourceTime)}.
 */
public final class ProfileSet {

    private final Instant start;
    private final Map<String, TagProfile> profiles;

    private ProfileSet(Instant start, Map<String, TagProfile> profiles) {
        this.start = start;
        this.profiles = profiles;
    }

    /**
     * @param profilesFile overrides for some tags, or {@code null}; the rest get defaults derived from
     *                     {@code seed} and their valid range
     * @param start        source time of tick 0, where every profile's elapsed time is zero
     * @throws ProfileException when the file names an unknown tag, shape or key, or a bad number
     */
    public static ProfileSet load(SiteModel model, Path profilesFile, long seed, Instant start) {
        Map<String, TagProfile> overrides = profilesFile == null ? Map.of() : ProfileFile.read(profilesFile, model, seed);
        Map<String, TagProfile> profiles = new LinkedHashMap<>();
        for (Tag tag : model.tags()) {
            profiles.put(tag.id(), overrides.getOrDefault(tag.id(), DefaultProfiles.forTag(tag, seed)));
        }
        return new ProfileSet(start, Map.copyOf(profiles));
    }

    public Instant start() {
        return start;
    }

    public TagProfile profile(String tagId) {
        TagProfile profile = profiles.get(tagId);
        if (profile == null) {
            throw new IllegalArgumentException("no profile for tag '" + tagId + "': it is not in the site model");
        }
        return profile;
    }

    /** The value the simulator serves for {@code tagId} at {@code sourceTime}. */
    public double valueAt(String tagId, Instant sourceTime) {
        return profile(tagId).valueAt(Duration.between(start, sourceTime));
    }
}
