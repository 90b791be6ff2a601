package io.plumeline.bench;

/** One numbered measurement of the benchmark (bench/RESULTS.md). */
interface Scenario {

    /** The name --only takes. */
    String id();

    String title();

    void run(BenchContext ctx, Results results) throws Exception;
}
