package io.plumeline.reporting.reports;

import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed from one revision of a period report to another: each source and gas whose mass or CO2e differs
 * (0 where a revision has none), and the CO2e totals.
 */
public record ReportDiff(String id, int revision, String against, int againstRevision, String site, String period,
                         Totals totals, List<Change> changes) {

    public record Amount(double massKg, double co2eKg) {
    }

    public record Change(String source, String gas, Amount before, Amount after, Amount change) {
    }

    public record Totals(double beforeCo2eKg, double afterCo2eKg, double changeKg) {
    }

    static ReportDiff of(ReportSummary after, ReportContent afterContent, ReportSummary before, ReportContent beforeContent) {
        Map<List<String>, GasTotal> was = amounts(beforeContent);
        Map<List<String>, GasTotal> is = amounts(afterContent);
        TreeSet<List<String>> keys = new TreeSet<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1), GasTotal.ORDER));
        keys.addAll(was.keySet());
        keys.addAll(is.keySet());
        List<Change> changes = new ArrayList<>();
        for (List<String> key : keys) {
            Amount b = amount(was.get(key));
            Amount a = amount(is.get(key));
            if (a.equals(b)) continue;
            changes.add(new Change(key.get(0), key.get(1), b, a,
                    new Amount(a.massKg() - b.massKg(), a.co2eKg() - b.co2eKg())));
        }
        double beforeKg = beforeContent.totals().co2eKg();
        double afterKg = afterContent.totals().co2eKg();
        return new ReportDiff(after.id(), after.revision(), before.id(), before.revision(), after.site(), after.period(),
                new Totals(beforeKg, afterKg, afterKg - beforeKg), changes);
    }

    private static Map<List<String>, GasTotal> amounts(ReportContent content) {
        Map<List<String>, GasTotal> amounts = new LinkedHashMap<>();
        for (SourceTotal source : content.bySource()) {
            for (GasTotal gas : source.gases()) amounts.put(List.of(source.source(), gas.gas()), gas);
        }
        return amounts;
    }

    private static Amount amount(GasTotal gas) {
        return gas == null ? new Amount(0, 0) : new Amount(gas.massKg(), gas.co2eKg());
    }
}
