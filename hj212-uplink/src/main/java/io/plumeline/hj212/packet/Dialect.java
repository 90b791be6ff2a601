package io.plumeline.hj212.packet;

import java.util.List;
import java.util.Optional;

/**
 * What differs between editions of HJ 212: the version bits of {@code Flag}, the order and limits of the header
 * fields. The 2025 edition (in force from 2026-01-01, body not yet at hand) is to be added as a second dialect;
 * the codec picks the dialect from the version bits of a packet it parses.
 */
public interface Dialect {

    /** The edition's name, for messages: "HJ 212-2017". */
    String name();

    /** V5..V0 of {@code Flag}. */
    int versionBits();

    /** The header fields in the order the edition requires, before {@code CP}; optional ones included. */
    List<String> fieldOrder();

    /** The fields a packet must have. */
    List<String> requiredFields();

    /** The longest data segment, in bytes. */
    int maxDataLength();

    /** The longest value of a header field; empty when the edition sets no limit. */
    Optional<Integer> maxLength(String field);

    static Optional<Dialect> forVersion(int versionBits) {
        return versionBits == Hj212V2017.INSTANCE.versionBits() ? Optional.of(Hj212V2017.INSTANCE) : Optional.empty();
    }
}
