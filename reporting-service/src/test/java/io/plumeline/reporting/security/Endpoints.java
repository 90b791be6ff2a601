package io.plumeline.reporting.security;

import static io.plumeline.reporting.security.Role.ADMIN;
import static io.plumeline.reporting.security.Role.COMPLIANCE;
import static io.plumeline.reporting.security.Role.ENGINEER;
import static io.plumeline.reporting.security.Role.REGULATOR;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every endpoint of docs/api.md, of the reports contract and of the live view, with the roles that may call it
 * and parameters that make a valid request (so that a hostile value in one parameter is the only thing wrong).
 */
final class Endpoints {

    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    static final Set<Role> PLANT_DATA = EnumSet.of(ENGINEER, COMPLIANCE, ADMIN);
    static final Set<Role> REPORT_READERS = EnumSet.of(COMPLIANCE, REGULATOR, ADMIN);
    static final Set<Role> AUDITORS = EnumSet.of(COMPLIANCE, ADMIN);
    static final Set<Role> COMPLIANCE_ONLY = EnumSet.of(COMPLIANCE);

    /** A report id that does not exist: the right role gets past security and then a 404 (or 400). */
    static final String SOME_REPORT = "00000000-0000-0000-0000-000000000000";

    record Endpoint(String method, String template, String path, Set<Role> roles, Map<String, String> parameters,
                    String body) {

        String name() {
            return method + " " + template;
        }
    }

    private Endpoints() {
    }

    static Endpoint get(String template, String path, Set<Role> roles, String... parameters) {
        return new Endpoint("GET", template, path, roles, map(parameters), null);
    }

    static Endpoint post(String template, String path, Set<Role> roles, String body, String... parameters) {
        return new Endpoint("POST", template, path, roles, map(parameters), body);
    }

    private static Map<String, String> map(String... parameters) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            map.put(parameters[i], parameters[i + 1]);
        }
        return map;
    }

    static List<Endpoint> all(String from, String to) {
        String r = "/api/v1/reports/" + SOME_REPORT;
        return List.of(
                get("/api/v1/me", "/api/v1/me", ALL),
                get("/api/v1/sites", "/api/v1/sites", ALL),
                get("/api/v1/site", "/api/v1/site", PLANT_DATA, "site", "dalian-refinery"),
                get("/api/v1/telemetry", "/api/v1/telemetry", PLANT_DATA, "site", "dalian-refinery",
                        "tag", "heater-1.fuel_gas_flow", "from", from, "to", to, "step", "PT1M"),
                get("/api/v1/emissions", "/api/v1/emissions", PLANT_DATA, "site", "dalian-refinery", "from", from, "to", to,
                        "source", "heater-1.stack", "gas", "CO2", "interval", "PT1H"),
                post("/api/v1/calculations", "/api/v1/calculations", PLANT_DATA,
                        "{\"method\":\"EPA_C2A\",\"fuel\":\"fuel_gas\",\"inputs\":{\"fuelQuantity\":{\"value\":1200,\"uom\":\"Nm3\"},"
                                + "\"hhv\":{\"value\":38.5,\"uom\":\"MJ/Nm3\"}}}", "site", "dalian-refinery"),
                get("/api/v1/products/intensity", "/api/v1/products/intensity", PLANT_DATA, "from", from, "to", to),
                get("/api/v1/lineage/{lineageId}", "/api/v1/lineage/x", PLANT_DATA),
                get("/api/v1/live/tags", "/api/v1/live/tags", PLANT_DATA, "site", "dalian-refinery", "unit", "heater-1"),
                get("/api/v1/live/rates", "/api/v1/live/rates", PLANT_DATA, "site", "dalian-refinery", "unit", "heater-1",
                        "source", "heater-1.stack"),
                get("/api/v1/live/alerts", "/api/v1/live/alerts", PLANT_DATA, "site", "dalian-refinery", "unit", "heater-1",
                        "tag", "heater-1.fuel_gas_flow", "from", from, "to", to, "limit", "10"),
                get("/api/v1/reports/emissions", "/api/v1/reports/emissions", PLANT_DATA, "site", "dalian-refinery",
                        "period", "2026-Q1", "format", "json", "lang", "en"),
                post("/api/v1/reports", "/api/v1/reports", COMPLIANCE_ONLY, null, "site", "dalian-refinery", "period", "2019-01"),
                get("/api/v1/reports", "/api/v1/reports", REPORT_READERS, "site", "dalian-refinery", "period", "2026-Q1",
                        "status", "draft"),
                get("/api/v1/reports/{id}", r, REPORT_READERS),
                post("/api/v1/reports/{id}/approve", r + "/approve", COMPLIANCE_ONLY, null),
                post("/api/v1/reports/{id}/submit", r + "/submit", COMPLIANCE_ONLY, null),
                get("/api/v1/reports/{id}/diff", r + "/diff", REPORT_READERS),
                get("/api/v1/reports/{id}/exports/{format}", r + "/exports/xml", REPORT_READERS, "lang", "en"),
                get("/api/v1/reports/{id}/exports", r + "/exports", REPORT_READERS, "lang", "en"),
                get("/api/v1/corporate/emissions", "/api/v1/corporate/emissions", PLANT_DATA, "period", "2026-Q1"),
                get("/api/v1/compliance/periods", "/api/v1/compliance/periods", AUDITORS, "site", "dalian-refinery",
                        "year", "2026"),
                get("/api/v1/audit", "/api/v1/audit", AUDITORS),
                get("/api/v1/audit/verify", "/api/v1/audit/verify", AUDITORS),
                get("/api/v1/audit/anchors", "/api/v1/audit/anchors", AUDITORS, "limit", "10"));
    }
}
