package io.plumeline.edge.session;

import io.plumeline.core.site.OpcNodeId;
import io.plumeline.core.site.Tag;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Turns the site model's node ids (namespace by URI) into the server's node ids (namespace by index).
 * Indexes are read from the server's namespace table on every (re)connect because they may change when
 * the server restarts.
 */
public final class NodeResolver {

    private NodeResolver() {
    }

    public record ResolvedTag(Tag tag, NodeId nodeId) {
    }

    /** The tags that can be subscribed, and one message per tag that cannot, naming the tag and why. */
    public record Resolution(List<ResolvedTag> resolved, List<String> problems) {
    }

    public static Resolution resolve(String serverId, List<Tag> tags, NamespaceTable namespaces) {
        List<ResolvedTag> resolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Tag tag : tags) {
            OpcNodeId node = tag.nodeId();
            UShort index = namespaces.getIndex(node.namespaceUri());
            if (index == null) {
                problems.add("tag " + tag.id() + ": namespace URI '" + node.namespaceUri()
                        + "' is not in the namespace table of server " + serverId);
                continue;
            }
            resolved.add(new ResolvedTag(tag, nodeId(index, node)));
        }
        return new Resolution(List.copyOf(resolved), List.copyOf(problems));
    }

    private static NodeId nodeId(UShort index, OpcNodeId node) {
        String id = node.identifier();
        return switch (node.idType()) {
            case 'i' -> new NodeId(index, UInteger.valueOf(Long.parseLong(id)));
            case 'g' -> new NodeId(index, UUID.fromString(id));
            case 'b' -> new NodeId(index, ByteString.of(Base64.getDecoder().decode(id)));
            default -> new NodeId(index, id);
        };
    }
}
