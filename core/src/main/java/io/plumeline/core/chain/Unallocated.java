package io.plumeline.core.chain;

/** CO2e of an hour that reached no product, where it stopped and why: reported, so that nothing is lost. */
public record Unallocated(String unit, double co2eKg, Reason reason) {

    public enum Reason {
        /** The unit and none of its ancestors have streams: its emissions belong to no production chain (a boiler, a flare). */
        OUTSIDE_CHAIN,
        /** The unit receives streams but sends none in the site model: what it holds has nowhere to go. */
        NO_OUTPUT_STREAM,
        /** The unit's output streams carried nothing to allocate to in this hour (no mass, or only zero factors). */
        NO_OUTPUT_THIS_HOUR
    }
}
