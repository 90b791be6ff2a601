package io.plumeline.core.emissions;

/**
 * How a method's result counts in a total. China's MEE total is E = E_combustion + E_flare + E_process −
 * R_recovered + E_electricity + E_heat: recovered CO2 is subtracted (its mass is negative) and purchased
 * electricity and heat are emitted elsewhere but counted (indirect, scope 2).
 */
public enum Accounting {
    /** Emitted at the source. */
    DIRECT,
    /** Emitted where purchased electricity or heat is produced; counted in the MEE total, never as the site's own emission. */
    INDIRECT,
    /** CO2 recovered and kept from the atmosphere: a negative mass that the total subtracts. */
    DEDUCTION
}
