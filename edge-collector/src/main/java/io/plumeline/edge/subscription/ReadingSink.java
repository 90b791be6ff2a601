package io.plumeline.edge.subscription;

import io.plumeline.core.telemetry.Reading;

/** Where readings go (the spool); false when it refused the reading (a full spool). */
public interface ReadingSink {
    boolean accept(Reading reading);

    /** Room for another reading now (so that waiting callers do not count as refused). */
    boolean hasRoom();
}
