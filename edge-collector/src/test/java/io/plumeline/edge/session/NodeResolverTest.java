package io.plumeline.edge.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumeline.core.site.Tag;
import io.plumeline.edge.session.NodeResolver.Resolution;
import io.plumeline.edge.session.NodeResolver.ResolvedTag;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

class NodeResolverTest {

    private static final String PLANT = "urn:example:refinery";
    private static final String OTHER = "urn:example:other";
    private static final UUID GUID = UUID.fromString("72962b91-fa75-4ae6-8d28-b404dc7daf63");

    @Test
    void namespaceUrisBecomeTheServersIndexesForEveryIdType() {
        NamespaceTable table = new NamespaceTable("urn:server:own", OTHER, PLANT);
        List<Tag> tags = List.of(
                tag("a", "nsu=" + PLANT + ";s=Plant/Unit1/Furnace/FuelGasFlow"),
                tag("b", "nsu=" + OTHER + ";i=4711"),
                tag("c", "nsu=" + PLANT + ";g=" + GUID),
                tag("d", "nsu=" + PLANT + ";b=AQID"),
                tag("e", "i=2258"));

        Resolution resolution = NodeResolver.resolve("dcs-1", tags, table);

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.resolved()).extracting(ResolvedTag::nodeId).containsExactly(
                new NodeId(3, "Plant/Unit1/Furnace/FuelGasFlow"),
                new NodeId(2, Unsigned.uint(4711)),
                new NodeId(3, GUID),
                new NodeId(3, ByteString.of(new byte[] {1, 2, 3})),
                new NodeId(0, Unsigned.uint(2258)));
        assertThat(resolution.resolved()).extracting(r -> r.tag().id()).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void aUriTheServerDoesNotKnowIsReportedByTagAndTheOthersGoOn() {
        NamespaceTable table = new NamespaceTable(PLANT);
        List<Tag> tags = List.of(tag("a", "nsu=urn:example:typo;s=X"), tag("b", "nsu=" + PLANT + ";s=Y"));

        Resolution resolution = NodeResolver.resolve("dcs-1", tags, table);

        assertThat(resolution.resolved()).extracting(r -> r.tag().id()).containsExactly("b");
        assertThat(resolution.problems()).containsExactly(
                "tag a: namespace URI 'urn:example:typo' is not in the namespace table of server dcs-1");
    }

    private static Tag tag(String id, String node) {
        return new Tag(id, "unit-1", "dcs-1", node, "Nm3/h", 1000, null);
    }
}
