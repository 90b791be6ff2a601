package io.plumeline.bench;

/** A goal of issue 8 and what this run measured against it. */
record Goal(String scenario, String goal, String measured, boolean reached) {
}
