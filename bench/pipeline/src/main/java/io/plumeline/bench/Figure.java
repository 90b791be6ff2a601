package io.plumeline.bench;

/**
 * One measured figure: the median of its runs with their spread. {@code how} says how it was measured,
 * in a few words, so that the figure can be read without the code.
 */
record Figure(String scenario, String name, String unit, Stats stats, String how) {

    double median() {
        return stats.median();
    }
}
