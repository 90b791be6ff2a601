package io.plumeline.reporting.reports;

import static io.plumeline.reporting.reports.CsvExport.number;

import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodChange;
import io.plumeline.core.reporting.PeriodEmissions.GroupTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as XML valid against {@code reports/emissions-report.xsd} (namespace {@value #NAMESPACE}), written
 * element by element so the bytes depend on the content alone. Values are language-neutral: ids, ISO-8601
 * instants, plain decimals in kg; an attribute the data did not have is left out.
 */
final class XmlExport {

    static final String NAMESPACE = "urn:plumeline:emissions-report:1";
    static final String SCHEMA = "reports/emissions-report.xsd";

    private final StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

    private XmlExport() {
    }

    static byte[] render(ReportContent c, ReportIdentity identity) {
        XmlExport out = new XmlExport();
        out.open(0, "emissionsReport", false, "xmlns", NAMESPACE, "id", identity.id(),
                "revision", identity.stored() ? Integer.toString(identity.revision()) : null,
                "site", c.site(), "period", c.period());
        out.text(1, "siteName", c.siteName());
        out.text(1, "from", c.from().toString());
        out.text(1, "to", c.to().toString());
        out.text(1, "timeZone", c.timeZone());
        out.text(1, "program", c.program());
        out.text(1, "gwp", c.gwp());
        out.open(1, "inputs", false, "siteModelSha256", c.inputs().siteModelSha256());
        for (ReportContent.Versioned table : c.inputs().factorTables()) {
            out.open(2, "factorTable", true, "id", table.id(), "version", table.version());
        }
        out.open(2, "gwpSet", true, "id", c.inputs().gwp().id(), "version", c.inputs().gwp().version());
        out.close(1, "inputs");
        out.open(1, "totals", false, "co2eKg", number(c.totals().co2eKg()));
        out.gases(2, c.totals().byGas());
        out.close(1, "totals");
        out.open(1, "sources", false);
        for (SourceTotal s : c.bySource()) {
            out.open(2, "source", false, "id", s.source(), "unit", s.unit(), "method", s.method(),
                    "co2eKg", number(s.co2eKg()), "availabilityPct", number(s.availabilityPct()),
                    "substitutedHours", Integer.toString(s.substitutedHours()),
                    "lateCorrections", Integer.toString(s.lateCorrections()), "hours", Integer.toString(s.hours()));
            out.gases(3, s.gases());
            out.close(2, "source");
        }
        out.close(1, "sources");
        out.groups("units", "unit", c.byUnit());
        out.groups("methods", "method", c.byMethod());
        out.open(1, "exceedances", false);
        for (ReportContent.Exceedance e : c.exceedances()) {
            out.open(2, "exceedance", true, "tag", e.tag(), "limit", number(e.limit()), "averaging", e.averaging(),
                    "count", Integer.toString(e.count()), "maxValue", number(e.maxValue()),
                    "first", e.first().toString(), "last", e.last().toString());
        }
        out.close(1, "exceedances");
        PeriodChange p = c.previousPeriod();
        out.open(1, "previousPeriod", true, "period", p.period(), "co2eKg", number(p.co2eKg()),
                "changeKg", number(p.changeKg()), "changePct", number(p.changePct()));
        if (c.chinaGuideline() != null) out.chinaGuideline(c.chinaGuideline());
        out.close(0, "emissionsReport");
        return out.xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The petrochemical guideline's parts, each with its sources, and its total (a CN_MEE report only). */
    private void chinaGuideline(ChinaGuidelineTotal g) {
        open(1, "chinaGuideline", false, "totalKg", number(g.totalKg()), "directKg", number(g.directKg()),
                "deductionKg", number(g.deductionKg()), "indirectKg", number(g.indirectKg()));
        for (ChinaGuidelineTotal.PartTotal part : g.parts()) {
            open(2, "part", part.sources().isEmpty(), "id", part.part().name(), "accounting", part.accounting().name(),
                    "co2eKg", number(part.co2eKg()), "countedKg", number(part.countedKg()));
            if (part.sources().isEmpty()) continue;
            for (String source : part.sources()) open(3, "source", true, "id", source);
            close(2, "part");
        }
        close(1, "chinaGuideline");
    }

    private void groups(String list, String element, List<GroupTotal> groups) {
        open(1, list, false);
        for (GroupTotal g : groups) {
            open(2, element, false, "id", g.id(), "co2eKg", number(g.co2eKg()),
                    "substitutedHours", Integer.toString(g.substitutedHours()), "hours", Integer.toString(g.hours()));
            gases(3, g.gases());
            close(2, element);
        }
        close(1, list);
    }

    private void gases(int depth, List<GasTotal> gases) {
        for (GasTotal g : gases) {
            open(depth, "gas", true, "symbol", g.gas(), "massKg", number(g.massKg()), "co2eKg", number(g.co2eKg()));
        }
    }

    /** {@code attributes} alternate names and values; a null or empty value leaves the attribute out. */
    private void open(int depth, String name, boolean empty, String... attributes) {
        xml.append("  ".repeat(depth)).append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            String value = attributes[i + 1];
            if (value != null && !value.isEmpty()) {
                xml.append(' ').append(attributes[i]).append("=\"").append(escape(value)).append('"');
            }
        }
        xml.append(empty ? "/>\n" : ">\n");
    }

    private void close(int depth, String name) {
        xml.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private void text(int depth, String name, String value) {
        xml.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(value == null ? "" : value))
                .append("</").append(name).append(">\n");
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(ch < 0x20 ? '\uFFFD' : ch);
            }
        }
        return out.toString();
    }
}
