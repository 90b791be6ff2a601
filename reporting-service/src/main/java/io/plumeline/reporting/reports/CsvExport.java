package io.plumeline.reporting.reports;

import io.plumeline.core.contracts.Keys;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as one RFC 4180 table (CRLF, quoted where needed, a header row), one row per source and gas, per
 * source, per gas of the site and the site total, told apart by {@code record}. Numbers are plain decimals in kg
 * (never localized, never in exponent notation); an empty cell is a value the data did not have.
 */
final class CsvExport {

    /** A column that sums or averages a field of {@code emissions} is named by the field's key. */
    static final String[] HEADER = {"record", "site", "period", "source", "unit", "method", "gas", Keys.MASS_KG,
            Keys.CO2E_KG, Keys.AVAILABILITY_PCT, "substituted_hours", "late_corrections", "hours"};

    private CsvExport() {
    }

    static byte[] render(ReportContent c) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (SourceTotal s : c.bySource()) {
                for (GasTotal g : s.gases()) {
                    csv.printRecord("source_gas", c.site(), c.period(), s.source(), s.unit(), s.method(), g.gas(),
                            number(g.massKg()), number(g.co2eKg()), "", "", "", "");
                }
                csv.printRecord("source", c.site(), c.period(), s.source(), s.unit(), s.method(), "CO2e", "",
                        number(s.co2eKg()), number(s.availabilityPct()), s.substitutedHours(), s.lateCorrections(), s.hours());
            }
            for (GasTotal g : c.totals().byGas()) {
                csv.printRecord("gas", c.site(), c.period(), "", "", "", g.gas(), number(g.massKg()), number(g.co2eKg()),
                        "", "", "", "");
            }
            csv.printRecord("total", c.site(), c.period(), "", "", "", "CO2e", "", number(c.totals().co2eKg()),
                    "", "", "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A plain decimal, as written by the exports that are read by machines: 12345.678, not 1.2345678E4. */
    static String number(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).toPlainString();
    }
}
