package io.plumeline.core.emissions;

/**
 * Where a table of factors or GWPs comes from: the regulation, the table in it and its edition, with a
 * note when a value is still to be confirmed against the regulation text.
 */
public record Provenance(String regulation, String table, String edition, String note) {
}
