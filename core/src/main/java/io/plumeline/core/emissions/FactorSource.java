package io.plumeline.core.emissions;

/** The table a factor was read from, so that a result can say exactly which factors made it. */
public record FactorSource(String tableId, String version, Provenance provenance, String note) {

    @Override
    public String toString() {
        return tableId + " " + version + " (" + provenance.regulation() + ", " + provenance.table() + ", "
                + provenance.edition() + ")" + (note == null ? "" : " " + note);
    }
}
