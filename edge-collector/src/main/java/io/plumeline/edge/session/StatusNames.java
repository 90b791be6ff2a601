package io.plumeline.edge.session;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** OPC UA status codes by name, for messages (a refused session, a refused item, a failed read-back). */
public final class StatusNames {

    private StatusNames() {
    }

    /** The code's name ({@code Bad_Timeout}), or its value in hex when Milo does not know it. */
    public static String of(StatusCode status) {
        return StatusCodes.lookup(status.value()).map(names -> names[0])
                .orElse(String.format("0x%08X", status.value()));
    }
}
