package io.plumeline.core.site;

import io.plumeline.core.emissions.MissingDataRule;
import io.plumeline.core.units.UnitOfMeasure;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The site model's missing-data keys of a source (docs/site-model.md, "Missing data"): {@code substitution: NONE}
 * only on a source with {@code reportable: false}, and each {@code missingData.<input>.backup} a known tag of a unit
 * that converts to the input tag's.
 */
final class MissingDataChecks {

    private MissingDataChecks() {
    }

    static void check(SiteModel model, String path, EmissionSource source, BiConsumer<String, String> problem) {
        MissingDataRule rule = model.site() == null ? null : MissingDataRule.ofProgram(model.site().program()).orElse(null);
        if ("NONE".equals(source.substitution()) && source.reportable() && rule != null) {
            problem.accept(path + ".substitution", "NONE is only for sources with reportable: false; " + rule.requirement());
        }
        if (!source.missingData().isEmpty() && !EmissionSource.PROGRAM.equals(source.substitution())) {
            problem.accept(path + ".missingData", "applies only to the program's rule (substitution: PROGRAM or absent),"
                    + " not to substitution: " + source.substitution());
        }
        for (Map.Entry<String, EmissionSource.InputMissingData> entry : source.missingData().entrySet()) {
            String at = path + ".missingData." + entry.getKey();
            SourceInput input = source.inputs().get(entry.getKey());
            if (input == null || !input.isTag()) {
                problem.accept(at, input == null ? "'" + entry.getKey() + "' is no input of the source; its inputs: "
                        + new java.util.TreeSet<>(source.inputs().keySet()) : "input '" + entry.getKey() + "' is a constant: it has no gaps");
                continue;
            }
            String backup = entry.getValue() == null ? null : entry.getValue().backup();
            if (backup == null) {
                problem.accept(at + ".backup", "is required");
                continue;
            }
            Tag backupTag = model.tag(backup).orElse(null);
            Tag primary = model.tag(input.tag()).orElse(null);
            if (backupTag == null) {
                problem.accept(at + ".backup", "unknown tag '" + backup + "'");
            } else if (backup.equals(input.tag())) {
                problem.accept(at + ".backup", "is the input's own tag '" + backup + "'");
            } else if (primary != null) {
                UnitOfMeasure from = UnitOfMeasure.find(backupTag.uom()).orElse(null);
                UnitOfMeasure to = UnitOfMeasure.find(primary.uom()).orElse(null);
                if (from != null && to != null && !from.convertsTo(to)) {
                    problem.accept(at + ".backup", "tag '" + backup + "' is in '" + from + "', which does not convert to '"
                            + to + "' of " + entry.getKey() + "'s tag '" + input.tag() + "'");
                }
            }
        }
    }
}
