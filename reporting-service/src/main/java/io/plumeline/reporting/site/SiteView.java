package io.plumeline.reporting.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.plumeline.core.site.EmissionSource;
import io.plumeline.core.site.Limit;
import io.plumeline.core.site.MaterialStream;
import io.plumeline.core.site.PlantUnit;
import io.plumeline.core.site.Site;
import io.plumeline.core.site.SiteModel;
import io.plumeline.core.site.SourceInput;
import io.plumeline.core.site.Tag;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A site model as {@code GET /api/v1/site} shows it: what people query by (units, tags, sources, streams,
 * limits) and the language its people read ({@code locale}: {@code en} or {@code zh-CN}, the web UI's default,
 * {@code en} when the site model gives none). OPC UA endpoints and node ids stay out: they are the collector's
 * business and the plant network's.
 */
public record SiteView(Site site, String locale, List<PlantUnit> units, List<TagView> tags, List<SourceView> sources,
                       List<MaterialStream> streams, List<Limit> limits) {

    static SiteView of(SiteModel model) {
        return new SiteView(model.site(), model.site().language().toLanguageTag(), model.units(),
                model.tags().stream().map(TagView::of).toList(),
                model.sources().stream().map(SourceView::of).toList(), model.streams(), model.limits());
    }

    public record TagView(String id, String unit, String uom, int samplingMs, Tag.ValidRange valid) {
        static TagView of(Tag tag) {
            return new TagView(tag.id(), tag.unit(), tag.uom(), tag.samplingMs(), tag.valid());
        }
    }

    public record SourceView(String id, String unit, String category, String method, String fuel,
                             Map<String, InputView> inputs, String substitution) {
        static SourceView of(EmissionSource source) {
            Map<String, InputView> inputs = new TreeMap<>();
            source.inputs().forEach((name, input) -> inputs.put(name, InputView.of(input)));
            return new SourceView(source.id(), source.unit(), source.category(), source.method(), source.fuel(), inputs,
                    source.substitution());
        }
    }

    /**
     * A method input: a tag, or a constant with its unit. Written out field by field because
     * {@link SourceInput#isTag()} would otherwise be serialized over the tag id.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InputView(String tag, Double value, String uom) {
        static InputView of(SourceInput input) {
            return new InputView(input.tag(), input.value(), input.uom());
        }
    }
}
