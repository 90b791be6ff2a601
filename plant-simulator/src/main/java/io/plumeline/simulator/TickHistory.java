package io.plumeline.simulator;

/** How far back HistoryRead reaches and where its ticks come from; one per run, shared by every tag. */
record TickHistory(TickSource source, TickSchedule schedule, long depth) {

    TagHistory of(TagNode node) {
        return new TagHistory(node, source, schedule, depth);
    }
}
