package io.plumeline.core.emissions;

/**
 * One fill an hour's account applied to one input: which rule ({@code rule}, e.g. {@code EPA_PART98_MEAN_BEFORE_AFTER},
 * and its {@code citation}), for how many minutes of the hour, with which value (the time-weighted mean of the values
 * used, in the input tag's {@code uom}; null when no value could be had and the gap stays unfilled), and the
 * {@code fallback} taken when the rule's first choice was not available (null when it was).
 */
public record InputFill(String input, String rule, String citation, double minutes, Double value, String uom,
                        String fallback) {

    /** The rule id of the minutes a backup tag filled (site model {@code missingData.<input>.backup}). */
    public static final String BACKUP_TAG = "BACKUP_TAG";

    public boolean fromBackup() {
        return BACKUP_TAG.equals(rule);
    }

    public boolean filled() {
        return value != null;
    }
}
