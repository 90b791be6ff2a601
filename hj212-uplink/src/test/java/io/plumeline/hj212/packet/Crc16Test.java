package io.plumeline.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Crc16Test {

    /**
     * By hand, register r, polynomial 0xA001:
     * <pre>
     * r = 0xFFFF
     * 'S' = 0x53: r = (0xFFFF >> 8) ^ 0x53 = 0x00FF ^ 0x53 = 0x00AC
     *   0x00AC lsb 0 → 0x0056;  lsb 0 → 0x002B;  lsb 1 → 0x0015 ^ 0xA001 = 0xA014;  lsb 0 → 0x500A
     *   0x500A lsb 0 → 0x2805;  lsb 1 → 0x1402 ^ 0xA001 = 0xB403;  lsb 1 → 0x5A01 ^ 0xA001 = 0xFA00;  lsb 0 → 0x7D00
     * 'T' = 0x54: r = (0x7D00 >> 8) ^ 0x54 = 0x7D ^ 0x54 = 0x0029
     *   0x0029 lsb 1 → 0x0014 ^ 0xA001 = 0xA015;  lsb 1 → 0x500A ^ 0xA001 = 0xF00B;  lsb 1 → 0x7805 ^ 0xA001 = 0xD804
     *   0xD804 lsb 0 → 0x6C02;  lsb 0 → 0x3601;  lsb 1 → 0x1B00 ^ 0xA001 = 0xBB01;  lsb 1 → 0x5D80 ^ 0xA001 = 0xFD81
     *   0xFD81 lsb 1 → 0x7EC0 ^ 0xA001 = 0xDEC1
     * </pre>
     * Modbus CRC-16 would XOR 'S' into the low byte of 0xFFFF (0xFFAC) and end elsewhere.
     */
    @Test
    void twoBytesByHand() {
        assertThat(Crc16.hex("ST")).isEqualTo("DEC1");
    }

    /**
     * The example of HJ 212-2017 itself, a request to set the real-time interval:
     * {@code ##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80}.
     */
    @Test
    void theStandardsExample() {
        String data = "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

        assertThat(data).hasSize(101);
        assertThat(Crc16.hex(data)).isEqualTo("1C80");
    }

    @Test
    void startsAtFfffSoAnEmptySegmentIsFfff() {
        assertThat(Crc16.hex("")).isEqualTo("FFFF");
    }
}
