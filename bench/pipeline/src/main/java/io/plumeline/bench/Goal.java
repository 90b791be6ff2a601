package io.plumeline.bench;

/** A goal of the benchmark (bench/RESULTS.md) and what this run measured against it. */
record Goal(String scenario, String goal, String measured, boolean reached) {
}
