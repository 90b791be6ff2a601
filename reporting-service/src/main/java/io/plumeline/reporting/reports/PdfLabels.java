package io.plumeline.reporting.reports;

import io.plumeline.core.emissions.Accounting;
import io.plumeline.core.reporting.ChinaGuidelineTotal.Part;
import io.plumeline.core.reporting.ChinaGuidelineTotal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The words of the PDF copy of record in English and in Chinese (zh-CN). */
final class PdfLabels {

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("title", new String[] {"Emissions report", "排放报告"}),
            Map.entry("site", new String[] {"Site", "厂区"}),
            Map.entry("period", new String[] {"Reporting period", "报告期"}),
            Map.entry("timeZone", new String[] {"Time zone", "时区"}),
            Map.entry("program", new String[] {"Program", "监管计划"}),
            Map.entry("gwp", new String[] {"GWP set", "全球变暖潜势 (GWP) 值集"}),
            Map.entry("report", new String[] {"Report", "报告"}),
            Map.entry("revision", new String[] {"revision", "修订版"}),
            Map.entry("current", new String[] {"computed from the data as it is now, not stored", "按当前数据计算，未存档"}),
            Map.entry("generated", new String[] {"Generated", "生成时间"}),
            Map.entry("by", new String[] {"by", "生成人"}),
            Map.entry("total", new String[] {"Total CO2e", "二氧化碳当量总计"}),
            Map.entry("byGas", new String[] {"By gas", "按气体"}),
            Map.entry("gas", new String[] {"Gas", "气体"}),
            Map.entry("mass", new String[] {"Mass (t)", "质量 (吨)"}),
            Map.entry("co2e", new String[] {"CO2e (t)", "CO2e (吨)"}),
            Map.entry("bySource", new String[] {"By source", "按排放源"}),
            Map.entry("source", new String[] {"Source", "排放源"}),
            Map.entry("unit", new String[] {"Unit", "装置"}),
            Map.entry("method", new String[] {"Method", "方法"}),
            Map.entry("availability", new String[] {"Avail. %", "可用率 %"}),
            Map.entry("substituted", new String[] {"Subst. h", "替代小时"}),
            Map.entry("late", new String[] {"Late corr.", "迟到修正"}),
            Map.entry("hours", new String[] {"Hours", "小时数"}),
            Map.entry("byUnit", new String[] {"By unit", "按装置"}),
            Map.entry("byMethod", new String[] {"By method", "按方法"}),
            Map.entry("exceedances", new String[] {"Limit exceedances", "超限情况"}),
            Map.entry("tag", new String[] {"Tag", "测点"}),
            Map.entry("limit", new String[] {"Limit", "限值"}),
            Map.entry("minutes", new String[] {"Minutes", "分钟数"}),
            Map.entry("highest", new String[] {"Highest", "最高值"}),
            Map.entry("first", new String[] {"First", "首次"}),
            Map.entry("last", new String[] {"Last", "末次"}),
            Map.entry("none", new String[] {"None", "无"}),
            Map.entry("previous", new String[] {"Previous period", "上一报告期"}),
            Map.entry("change", new String[] {"Change", "变化"}),
            Map.entry("inputs", new String[] {"Inputs", "计算依据"}),
            Map.entry("siteModel", new String[] {"Site model SHA-256", "厂区模型 SHA-256"}),
            Map.entry("factorTables", new String[] {"Factor tables", "排放因子表"}),
            Map.entry("tonnes", new String[] {"t", "吨"}),
            Map.entry("page", new String[] {"Page", "页"}),
            Map.entry("guideline", new String[] {
                    "China GHG accounting and reporting guideline for petrochemical enterprises (NDRC, 2014, trial), Eq. (1)",
                    "《中国石油化工企业温室气体排放核算方法与报告指南（试行）》 式(1)"}),
            Map.entry("equation", new String[] {
                    "E = combustion + flares + process - CO2 recovered + net purchased electricity + net purchased heat",
                    ChinaGuidelineTotal.EQUATION}),
            Map.entry("part", new String[] {"Part", "排放类别"}),
            Map.entry("accounting", new String[] {"Counted as", "核算类型"}),
            Map.entry("sources", new String[] {"Sources", "排放源"}),
            Map.entry("directSubtotal", new String[] {"Direct emissions subtotal", "直接排放小计"}),
            Map.entry("indirectSubtotal", new String[] {"Indirect emissions subtotal",
                    "间接排放小计（净购入电力和热力）"}),
            Map.entry("guidelineTotal", new String[] {"Total GHG emissions of the enterprise", ChinaGuidelineTotal.TOTAL_NAME}));

    /** The parts in English, and in Chinese as the guideline's reporting table names them. */
    private static final Map<Part, String[]> PARTS = new EnumMap<>(Map.of(
            Part.COMBUSTION, names("Fuel combustion emissions", Part.COMBUSTION),
            Part.FLARE, names("Flare combustion emissions", Part.FLARE),
            Part.PROCESS, names("Industrial process emissions", Part.PROCESS),
            Part.CO2_RECOVERED, names("CO2 recovered and utilised", Part.CO2_RECOVERED),
            Part.ELECTRICITY, names("Emissions of net purchased electricity", Part.ELECTRICITY),
            Part.HEAT, names("Emissions of net purchased heat", Part.HEAT)));

    private static final Map<Accounting, String[]> ACCOUNTING = new EnumMap<>(Map.of(
            Accounting.DIRECT, new String[] {"direct", "直接排放"},
            Accounting.INDIRECT, new String[] {"indirect", "间接排放"},
            Accounting.DEDUCTION, new String[] {"deducted", "扣减"}));

    private final int index;

    PdfLabels(Locale locale) {
        this.index = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? 1 : 0;
    }

    String get(String key) {
        String[] label = LABELS.get(key);
        if (label == null) throw new IllegalArgumentException("no PDF label '" + key + "'");
        return label[index];
    }

    String part(Part part) {
        return PARTS.get(part)[index];
    }

    String accounting(Accounting accounting) {
        return ACCOUNTING.get(accounting)[index];
    }

    private static String[] names(String english, Part part) {
        return new String[] {english, part.guidelineName()};
    }
}
