package io.plumeline.core.units;

/** Whether a flue gas volume, or a concentration in it, counts its water vapour (wet) or not (dry). */
public enum MoistureBasis {
    WET("wet"), DRY("dry");

    private final String spelling;

    MoistureBasis(String spelling) {
        this.spelling = spelling;
    }

    /** As written after a unit: {@code Nm3/h wet}, {@code mg/Nm3 dry}. */
    public String spelling() {
        return spelling;
    }
}
