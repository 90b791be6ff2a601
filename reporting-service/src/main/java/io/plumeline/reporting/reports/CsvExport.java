package io.plumeline.reporting.reports;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.reporting.ChinaGuidelineTotal.PartTotal;
import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one RFC 4180 table (CRLF, quoted where needed, a header row), one row per source and gas, per
 * source, per gas of the site and the site total, told apart by {@code record}. Numbers are plain decimals in kg
 * (never localized, never in exponent notation); an empty cell is a value the data did not have. A {@code CN_MEE}
 * report has two columns more, {@code part} and {@code accounting}: each source's part of the petrochemical guideline
 * and whether it is direct, indirect or a deduction, and a {@code guideline_part} row per part (its CO2e as it counts
 * in the total, −R for the CO2 recovered) and the {@code guideline_total}, so that indirect and deducted emissions
 * are rows apart from the direct ones.
 */
final class CsvExport {

    /** A column that sums or averages a field of {@code emissions} is named by the field's key. */
    static final String[] HEADER = {"record", "site", "period", "source", "unit", "method", "gas", Keys.MASS_KG,
            Keys.CO2E_KG, Keys.AVAILABILITY_PCT, "substituted_hours", "late_corrections", "hours"};

    /** The columns a report of the China petrochemical guideline adds. */
    static final String[] GUIDELINE_COLUMNS = {"part", "accounting"};

    private CsvExport() {
    }

    static byte[] render(ReportContent c) {
        ChinaGuidelineTotal guideline = c.chinaGuideline();
        Map<String, PartTotal> partOf = new HashMap<>();
        String[] header = HEADER;
        if (guideline != null) {
            guideline.parts().forEach(p -> p.sources().forEach(s -> partOf.put(s, p)));
            header = Stream.concat(Stream.of(HEADER), Stream.of(GUIDELINE_COLUMNS)).toArray(String[]::new);
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header).get())) {
            Row row = (cells, part) -> {
                if (guideline == null) {
                    csv.printRecord(cells);
                } else {
                    List<Object> all = new ArrayList<>(List.of(cells));
                    all.add(part == null ? "" : part.part().name());
                    all.add(part == null ? "" : part.accounting().name());
                    csv.printRecord(all);
                }
            };
            for (SourceTotal s : c.bySource()) {
                PartTotal part = partOf.get(s.source());
                for (GasTotal g : s.gases()) {
                    row.print(new Object[] {"source_gas", c.site(), c.period(), s.source(), s.unit(), s.method(), g.gas(),
                            number(g.massKg()), number(g.co2eKg()), "", "", "", ""}, part);
                }
                row.print(new Object[] {"source", c.site(), c.period(), s.source(), s.unit(), s.method(), "CO2e", "",
                        number(s.co2eKg()), number(s.availabilityPct()), s.substitutedHours(), s.lateCorrections(),
                        s.hours()}, part);
            }
            for (GasTotal g : c.totals().byGas()) {
                row.print(new Object[] {"gas", c.site(), c.period(), "", "", "", g.gas(), number(g.massKg()),
                        number(g.co2eKg()), "", "", "", ""}, null);
            }
            row.print(new Object[] {"total", c.site(), c.period(), "", "", "", "CO2e", "", number(c.totals().co2eKg()),
                    "", "", "", ""}, null);
            if (guideline != null) {
                for (PartTotal p : guideline.parts()) {
                    row.print(new Object[] {"guideline_part", c.site(), c.period(), "", "", "", "CO2e", "",
                            number(p.countedKg()), "", "", "", ""}, p);
                }
                row.print(new Object[] {"guideline_total", c.site(), c.period(), "", "", "", "CO2e", "",
                        number(guideline.totalKg()), "", "", "", ""}, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private interface Row {
        void print(Object[] cells, PartTotal part) throws IOException;
    }

    /** A plain decimal, as written by the exports that are read by machines: 12345.678, not 1.2345678E4. */
    static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
    }
}
