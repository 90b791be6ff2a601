package io.plumeline.core.contracts;

/**
 * The tag keys and field keys of the InfluxDB measurements (docs/contracts.md, "InfluxDB"), one constant per name,
 * used by the job's point builders and by every query. Which measurement carries which is in the docs' table.
 */
public final class Keys {

    // tag keys
    public static final String SITE = "site";
    public static final String UNIT = "unit";
    public static final String TAG = "tag";
    public static final String SOURCE = "source";
    public static final String GAS = "gas";
    public static final String METHOD = "method";
    public static final String PRODUCT = "product";
    public static final String LIMIT = "limit";

    // telemetry, late_readings, alerts
    public static final String VALUE = "value";
    public static final String STATUS = "status";
    public static final String QUALITY = "quality";
    public static final String DELAY_S = "delay_s";
    public static final String MAX = "max";

    // emissions, emission_rate
    public static final String MASS_KG = "mass_kg";
    public static final String CO2E_KG = "co2e_kg";
    public static final String AVAILABILITY_PCT = "availability_pct";
    public static final String SUBSTITUTED_MIN = "substituted_min";
    public static final String SUBSTITUTED = "substituted";
    public static final String SUBSTITUTION_TIER = "substitution_tier";
    public static final String LATE_COUNT = "late_count";
    public static final String REVISION = "revision";
    public static final String OPERATING = "operating";
    public static final String BACKFILL_PENDING = "backfill_pending";
    public static final String MODC = "modc";
    public static final String LINEAGE_ID = "lineage_id";
    public static final String KG_PER_H = "kg_per_h";

    // lineage
    public static final String LINEAGE_IDS = "lineage_ids";
    public static final String RECORD = "record";

    // product_intensity, material_balance, chain_unallocated, chain_hour
    public static final String MASS_T = "mass_t";
    public static final String INTENSITY_KG_PER_T = "intensity_kg_per_t";
    public static final String MASS_IN_T = "mass_in_t";
    public static final String MASS_OUT_T = "mass_out_t";
    public static final String IMBALANCE_T = "imbalance_t";
    public static final String IMBALANCE_RELATIVE = "imbalance_relative";
    public static final String FLAGGED = "flagged";
    public static final String REASON = "reason";
    public static final String SOURCES_CO2E_KG = "sources_co2e_kg";
    public static final String PRODUCTS_CO2E_KG = "products_co2e_kg";
    public static final String UNALLOCATED_CO2E_KG = "unallocated_co2e_kg";
    public static final String IMBALANCE_FLAGS = "imbalance_flags";

    private Keys() {
    }
}
