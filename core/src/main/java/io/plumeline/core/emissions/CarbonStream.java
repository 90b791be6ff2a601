package io.plumeline.core.emissions;

import io.plumeline.core.units.Quantity;

/** A source stream of the EU MRR mass balance (Art. 25): a mass and its carbon content, into or out of the installation. */
public record CarbonStream(String name, Quantity quantity, Quantity carbonContent, boolean output) {
}
