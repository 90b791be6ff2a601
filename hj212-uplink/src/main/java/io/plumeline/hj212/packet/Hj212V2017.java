package io.plumeline.hj212.packet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HJ 212-2017: version bits 000001 (so a data packet's Flag is 4, or 5 with the ack bit), the header
 * {@code QN;ST;CN;PW;MN;Flag;[PNUM;PNO;]CP=&&…&&} in this order (§6.3.2), a data segment of at most 1024 bytes,
 * QN 20 characters (in practice {@code YYYYMMDDhhmmsszzz}), PW 6 and MN 24 at most.
 */
public final class Hj212V2017 implements Dialect {

    public static final Hj212V2017 INSTANCE = new Hj212V2017();

    private static final Map<String, Integer> MAX_LENGTHS = Map.of("QN", 20, "ST", 5, "CN", 7, "PW", 6, "MN", 24,
            "PNUM", 4, "PNO", 4);

    private Hj212V2017() {
    }

    @Override
    public String name() {
        return "HJ 212-2017";
    }

    @Override
    public int versionBits() {
        return 1;
    }

    @Override
    public List<String> fieldOrder() {
        return List.of("QN", "ST", "CN", "PW", "MN", "Flag", "PNUM", "PNO", "CP");
    }

    @Override
    public List<String> requiredFields() {
        return List.of("ST", "CN", "PW", "MN", "Flag", "CP");
    }

    @Override
    public int maxDataLength() {
        return 1024;
    }

    @Override
    public Optional<Integer> maxLength(String field) {
        return Optional.ofNullable(MAX_LENGTHS.get(field));
    }
}
