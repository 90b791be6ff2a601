package io.plumeline.simulator.profile;

import io.plumeline.core.site.Tag;
import java.util.SplittableRandom;

/**
 * The profile a tag gets when no profiles file names it: a slow sine around the middle of its valid
 * range, so that a demo looks like a plant and every value stays valid. Period and phase are drawn from
 * (seed, tag) alone, so adding a tag to the site model does not change the others.
 */
final class DefaultProfiles {

    /** Mean used when the site model gives no range to centre on. */
    static final double UNBOUNDED_MEAN = 100.0;

    private DefaultProfiles() {
    }

    static TagProfile forTag(Tag tag, long seed) {
        Tag.ValidRange valid = tag.valid();
        Double min = valid == null ? null : valid.min();
        Double max = valid == null ? null : valid.max();
        double mean;
        double halfRange;
        if (min != null && max != null) {
            mean = (min + max) / 2;
            halfRange = (max - min) / 2;
        } else if (max != null) {
            mean = max > 0 ? max / 2 : max - UNBOUNDED_MEAN;
            halfRange = max - mean;
        } else if (min != null) {
            mean = min + UNBOUNDED_MEAN;
            halfRange = UNBOUNDED_MEAN;
        } else {
            mean = UNBOUNDED_MEAN;
            halfRange = Double.MAX_VALUE;
        }
        double amplitude = Math.min(0.1 * Math.abs(mean), 0.8 * halfRange);
        if (amplitude == 0) {
            amplitude = 0.1 * halfRange;
        }
        SplittableRandom random = new SplittableRandom(seed ^ Noise.fnv1a(tag.id()));
        double periodS = 600 + 60 * random.nextInt(51);
        double phase = 2 * Math.PI * random.nextDouble();
        double noise = 0.02 * amplitude;
        return new TagProfile(tag.id(), new SineProfile(mean, amplitude, periodS, phase), new Noise(seed, tag.id(), noise));
    }
}
