package io.plumeline.reporting.reports;

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
            Map.entry("availability", new String[] {"Avail. %", "数据可用率 %"}),
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
            Map.entry("page", new String[] {"Page", "页"}));

    private final int index;

    PdfLabels(Locale locale) {
        this.index = Locale.SIMPLIFIED_CHINESE.getLanguage().equals(locale.getLanguage()) ? 1 : 0;
    }

    String get(String key) {
        String[] label = LABELS.get(key);
        if (label == null) throw new IllegalArgumentException("no PDF label '" + key + "'");
        return label[index];
    }
}
