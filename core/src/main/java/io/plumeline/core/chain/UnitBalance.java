package io.plumeline.core.chain;

import java.time.Instant;

/**
 * The material balance of one unit in one hour: the mass its input streams brought and its output streams took
 * away, the imbalance {@code in - out} and that imbalance relative to the larger of the two (so it lies in
 * [-1, 1] and a missing feed reads as 100 %). {@code flagged} when its magnitude is above the threshold.
 */
public record UnitBalance(String unit, Instant hourStart, double massInT, double massOutT, double imbalanceT,
                          double imbalanceRelative, boolean flagged) {
}
