package io.plumeline.reporting.live;

import java.time.Instant;

/**
 * The latest live emission rate of a source and gas: the minute it is for ({@code ts}, its start) and the mass
 * rate in kg/h that the Flink job computed from the inputs' latest GOOD readings (measurement
 * {@code emission_rate}). A source whose inputs went BAD has no newer minute: its {@code ts} shows how old it is.
 */
public record RateNow(String source, String unit, String gas, Instant ts, double kgPerH) {
}
