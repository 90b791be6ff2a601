package io.plumeline.reporting.site;

import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.Limit;
import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.Site;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.Tag;
import java.util.List;

/**
 * A site model as {@code GET /api/v1/site} shows it: what people query by (units, tags, sources, streams,
 * limits). OPC UA endpoints and node ids stay out: they are the collector's business and the plant network's.
 */
public record SiteView(Site site, List<PlantUnit> units, List<TagView> tags, List<EmissionSource> sources,
                       List<MaterialStream> streams, List<Limit> limits) {

    static SiteView of(SiteModel model) {
        return new SiteView(model.site(), model.units(), model.tags().stream().map(TagView::of).toList(),
                model.sources(), model.streams(), model.limits());
    }

    public record TagView(String id, String unit, String uom, int samplingMs, Tag.ValidRange valid) {
        static TagView of(Tag tag) {
            return new TagView(tag.id(), tag.unit(), tag.uom(), tag.samplingMs(), tag.valid());
        }
    }
}
