package io.plumeline.core.site;

import java.util.List;

/**
 * A site model that cannot be used. Each problem names where it is ({@code tags[3].uom: unknown unit
 * 'Nm3/hr'}); all problems found are reported together so that a file is fixed in one pass.
 */
public class SiteModelException extends RuntimeException {

    private final List<String> problems;

    public SiteModelException(String origin, List<String> problems) {
        super(origin + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
