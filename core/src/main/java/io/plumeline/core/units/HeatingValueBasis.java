package io.plumeline.core.units;

/**
 * Whether a heating value (or a factor per energy) counts the heat of condensing the water formed in
 * combustion. EPA Part 98 equations use the higher heating value; the EU MRR and China's MEE guidelines use
 * the net calorific value. The two differ by about 10 % for natural gas and are never converted into each
 * other: that takes the fuel's hydrogen content, which a unit does not know.
 */
public enum HeatingValueBasis {
    HHV("higher heating value (HHV, gross calorific value GCV)"),
    LHV("lower heating value (LHV, net calorific value NCV)");

    private final String description;

    HeatingValueBasis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
