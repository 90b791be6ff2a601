package io.plumeline.core.site;

import java.util.Base64;
import java.util.UUID;

/**
 * An OPC UA node id as written in a site model: {@code nsu=<namespace URI>;<s|i|g|b>=<identifier>}. The
 * namespace is named by URI because indexes differ between servers and restarts; an id without {@code nsu=}
 * is in namespace 0 (the OPC UA standard nodes).
 */
public record OpcNodeId(String namespaceUri, char idType, String identifier) {

    public static final String OPC_UA_NAMESPACE = "http://opcfoundation.org/UA/";

    public static OpcNodeId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("node id is empty");
        }
        String rest = text;
        String uri = OPC_UA_NAMESPACE;
        if (text.startsWith("ns=")) {
            throw new IllegalArgumentException("node id '" + text
                    + "' names its namespace by index; write nsu=<namespace URI> instead, indexes change between servers");
        }
        if (text.startsWith("nsu=")) {
            int semi = text.indexOf(';');
            if (semi < 0) {
                throw new IllegalArgumentException("node id '" + text + "' has no ';' after the namespace URI");
            }
            uri = text.substring(4, semi);
            if (uri.isBlank()) {
                throw new IllegalArgumentException("node id '" + text + "' has an empty namespace URI");
            }
            rest = text.substring(semi + 1);
        }
        if (rest.length() < 3 || rest.charAt(1) != '=' || "sigb".indexOf(rest.charAt(0)) < 0) {
            throw new IllegalArgumentException("node id '" + text
                    + "' needs an identifier of the form s=<string>, i=<number>, g=<guid> or b=<base64>");
        }
        char type = rest.charAt(0);
        String id = rest.substring(2);
        try {
            switch (type) {
                case 'i' -> {
                    long n = Long.parseLong(id);
                    if (n < 0 || n > 0xFFFFFFFFL) throw new NumberFormatException();
                }
                case 'g' -> UUID.fromString(id);
                case 'b' -> Base64.getDecoder().decode(id);
                default -> { }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node id '" + text + "' has an invalid " + type + "= identifier '" + id + "'");
        }
        return new OpcNodeId(uri, type, id);
    }

    @Override
    public String toString() {
        return (OPC_UA_NAMESPACE.equals(namespaceUri) ? "" : "nsu=" + namespaceUri + ";") + idType + "=" + identifier;
    }
}
