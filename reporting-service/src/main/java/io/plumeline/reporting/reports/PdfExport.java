package io.plumeline.reporting.reports;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.reporting.ChinaGuidelineTotal;
import io.plumeline.core.reporting.GasTotal;
import io.plumeline.core.reporting.PeriodChange;
import io.plumeline.core.reporting.PeriodEmissions;
import io.plumeline.core.reporting.PeriodEmissions.GroupTotal;
import io.plumeline.core.reporting.PeriodEmissions.SourceTotal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The PDF copy of record, for people: English or Chinese labels, numbers and dates formatted for the language
 * (tonnes with three decimals, local dates of the site's calendar). The same report and language give the same
 * bytes: the document id and creation date come from the report, not from the clock.
 */
final class PdfExport implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float SIZE = 8.5f;
    private static final float LEADING = 13;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PdfLabels labels;
    private final Locale locale;
    private final ZoneId zone;
    private final TrueTypeCollection collection;
    private final PDFont font;
    private final Map<Character, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    private PdfExport(Locale locale, ZoneId zone, Path cjkFont) throws IOException {
        this.labels = new PdfLabels(locale);
        this.locale = locale;
        this.zone = zone;
        if (cjkFont == null) {
            collection = null;
            font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        } else if (cjkFont.toString().endsWith(".ttc")) {
            collection = new TrueTypeCollection(cjkFont.toFile());
            List<TrueTypeFont> fonts = new ArrayList<>();
            collection.processAllFonts(fonts::add);
            font = PDType0Font.load(doc, fonts.get(0), true);
        } else {
            collection = null;
            font = PDType0Font.load(doc, cjkFont.toFile());
        }
    }

    /** {@code cjkFont}: a CJK TrueType font (embedded as a subset), or null for the standard Helvetica. */
    static byte[] render(ReportContent c, ReportIdentity identity, Locale locale, Path cjkFont) {
        try (PdfExport pdf = new PdfExport(locale, ZoneId.of(c.timeZone()), cjkFont)) {
            return pdf.write(c, identity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF of " + identity.baseName(c), e);
        }
    }

    private byte[] write(ReportContent c, ReportIdentity identity) throws IOException {
        newPage();
        line(0, 16, labels.get("title") + " — " + c.siteName());
        y -= 6;
        field("site", c.siteName() + " (" + c.site() + ")");
        field("period", c.period() + ": " + date(c.from()) + " – " + date(c.to().minusSeconds(1)));
        field("timeZone", c.timeZone());
        field("program", c.program());
        field("gwp", c.gwp());
        field("report", identity.stored() ? identity.id() + ", " + labels.get("revision") + " " + identity.revision()
                : labels.get("current"));
        field("generated", dateTime(identity.createdAt()) + ", " + labels.get("by") + " " + identity.createdBy());
        y -= 6;
        line(0, 12, labels.get("total") + ": " + tonnes(c.totals().co2eKg()) + " " + labels.get("tonnes"));
        if (c.chinaGuideline() != null) chinaGuideline(c.chinaGuideline());

        heading("byGas");
        float[] gasColumns = {0, 160, 320};
        row(gasColumns, new boolean[] {false, true, true}, labels.get("gas"), labels.get("mass"), labels.get("co2e"));
        for (GasTotal g : c.totals().byGas()) {
            row(gasColumns, new boolean[] {false, true, true}, g.gas(), tonnes(g.massKg()), tonnes(g.co2eKg()));
        }

        heading("bySource");
        float[] sourceColumns = {0, 115, 180, 248, 318, 372, 420, 462};
        boolean[] right = {false, false, false, true, true, true, true, true};
        row(sourceColumns, right, labels.get("source"), labels.get("unit"), labels.get("method"), labels.get("co2e"),
                labels.get("availability"), labels.get("substituted"), labels.get("late"), labels.get("hours"));
        // direct, indirect (emitted where the electricity and heat are made) and deducted sources apart, each under its
        // own line when the report has more than one kind, so that no reader adds an indirect row to the site's own
        Map<Accounting, List<SourceTotal>> byAccounting = new EnumMap<>(Accounting.class);
        for (SourceTotal s : c.bySource()) {
            byAccounting.computeIfAbsent(PeriodEmissions.accountingOf(s.method()), a -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<Accounting, List<SourceTotal>> kind : byAccounting.entrySet()) {
            if (byAccounting.size() > 1) line(0, SIZE, labels.accounting(kind.getKey()) + ":");
            for (SourceTotal s : kind.getValue()) {
                row(sourceColumns, right, s.source(), s.unit(), s.method(), tonnes(s.co2eKg()), percent(s.availabilityPct()),
                        integer(s.substitutedHours()), integer(s.lateCorrections()), integer(s.hours()));
            }
        }
        groups("byUnit", "unit", c.byUnit());
        groups("byMethod", "method", c.byMethod());

        heading("exceedances");
        if (c.exceedances().isEmpty()) {
            line(0, SIZE, labels.get("none"));
        } else {
            float[] columns = {0, 125, 200, 250, 315, 405};
            boolean[] align = {false, true, true, true, false, false};
            row(columns, align, labels.get("tag"), labels.get("limit"), labels.get("minutes"), labels.get("highest"),
                    labels.get("first"), labels.get("last"));
            for (ReportContent.Exceedance e : c.exceedances()) {
                row(columns, align, e.tag(), decimal(e.limit()) + " " + e.averaging(), integer(e.count()),
                        decimal(e.maxValue()), shortDateTime(e.first()), shortDateTime(e.last()));
            }
        }

        PeriodChange p = c.previousPeriod();
        heading("previous");
        line(0, SIZE, p.period() + ": " + tonnes(p.co2eKg()) + " " + labels.get("tonnes") + "; " + labels.get("change") + " "
                + tonnes(p.changeKg()) + " " + labels.get("tonnes")
                + (p.changePct() == null ? "" : " (" + percent(p.changePct()) + " %)"));

        heading("inputs");
        field("siteModel", c.inputs().siteModelSha256());
        field("factorTables", String.join(", ", c.inputs().factorTables().stream()
                .map(t -> t.id() + " " + t.version()).toList()));
        field("gwp", c.inputs().gwp().id() + " " + c.inputs().gwp().version());
        page.close();

        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(labels.get("title") + " " + identity.baseName(c));
        info.setCreationDate(calendar(identity.createdAt()));
        // The trailer's /ID is derived from this instead of the clock, so the same report gives the same bytes.
        String key = identity.baseName(c) + "|" + identity.id() + "|" + locale.toLanguageTag();
        doc.setDocumentId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    /**
     * The guideline's reporting table: each part under its name, the CO2 recovered as the amount the total subtracts
     * (marked with an ASCII minus, which Helvetica has too), the direct and the indirect emissions apart, and the
     * total of equation (1).
     */
    private void chinaGuideline(ChinaGuidelineTotal g) throws IOException {
        heading("guideline");
        line(0, SIZE, labels.get("equation"));
        float[] columns = {0, 16, 180, 245, 315};
        boolean[] right = {false, false, false, true, false};
        row(columns, right, "", labels.get("part"), labels.get("accounting"), labels.get("co2e"), labels.get("sources"));
        for (ChinaGuidelineTotal.PartTotal p : g.parts()) {
            row(columns, right, p.accounting() == Accounting.DEDUCTION ? "-" : "+", labels.part(p.part()),
                    labels.accounting(p.accounting()), tonnes(p.co2eKg()), String.join(", ", p.sources()));
        }
        row(columns, right, "", labels.get("directSubtotal"), labels.accounting(Accounting.DIRECT), tonnes(g.directKg()), "");
        row(columns, right, "", labels.get("indirectSubtotal"), labels.accounting(Accounting.INDIRECT),
                tonnes(g.indirectKg()), "");
        line(0, 10, labels.get("guidelineTotal") + ": " + tonnes(g.totalKg()) + " " + labels.get("tonnes"));
    }

    private void groups(String title, String idLabel, List<GroupTotal> groups) throws IOException {
        heading(title);
        float[] columns = {0, 190, 270, 390, 475};
        boolean[] right = {false, true, true, true, true};
        row(columns, right, labels.get(idLabel), labels.get("co2e"), "", labels.get("substituted"), labels.get("hours"));
        for (GroupTotal g : groups) {
            row(columns, right, g.id(), tonnes(g.co2eKg()), "", integer(g.substitutedHours()), integer(g.hours()));
        }
    }

    private void heading(String key) throws IOException {
        y -= 6;
        line(0, 11, labels.get(key));
    }

    private void field(String key, String value) throws IOException {
        line(0, SIZE, labels.get(key) + ": " + value);
    }

    private void line(float x, float size, String text) throws IOException {
        room(size + 4);
        show(MARGIN + x, y, size, text);
        y -= size + 4;
    }

    /** One table row; each column starts at {@code columns[i]} and is right-aligned where {@code right[i]}. */
    private void row(float[] columns, boolean[] right, String... cells) throws IOException {
        room(LEADING);
        for (int i = 0; i < cells.length; i++) {
            float end = i + 1 < columns.length ? columns[i + 1] - 6 : WIDTH;
            String text = fit(printable(cells[i] == null ? "" : cells[i]), end - columns[i]);
            float x = right[i] ? end - width(text, SIZE) : columns[i];
            show(MARGIN + x, y, SIZE, text);
        }
        y -= LEADING;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage p = new PDPage(PAGE);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PAGE.getHeight() - MARGIN;
    }

    private void show(float x, float baseline, float size, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline - size);
        page.showText(printable(text));
        page.endText();
    }

    /** Cuts a cell to its column, marking the cut, rather than writing over the next one. */
    private String fit(String text, float width) throws IOException {
        if (width(text, SIZE) <= width) return text;
        String cut = text;
        while (!cut.isEmpty() && width(cut + "~", SIZE) > width) cut = cut.substring(0, cut.length() - 1);
        return cut + "~";
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** A character the font cannot show becomes '?', so an odd name cannot stop the copy of record. */
    private String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            boolean ok = printable.computeIfAbsent(ch, k -> {
                try {
                    font.encode(String.valueOf(k));
                    return true;
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            out.append(ok ? ch : '?');
        }
        return out.toString();
    }

    private String tonnes(double kg) {
        return number(kg / 1000, 3);
    }

    private String percent(Double value) {
        return value == null ? "–" : number(value, 1);
    }

    private String decimal(Double value) {
        return value == null ? "–" : number(value, 2);
    }

    private String integer(int value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    private String number(double value, int decimals) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** The local day of the site's calendar that holds {@code instant}, written as the language writes dates. */
    private String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
    }

    private String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(zone));
    }

    private String shortDateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    @Override
    public void close() throws IOException {
        doc.close();
        if (collection != null) collection.close();
    }
}
