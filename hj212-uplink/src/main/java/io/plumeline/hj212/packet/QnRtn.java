package io.plumeline.hj212.packet;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code QnRtn}, what a request reply (CN 9011) says about a request: HJ 212-2017's table of request return codes
 * (请求命令返回), shared/reference/standards-and-users.md §2.1, the same codes field loggers use (tang0-0/HJ212-Pack
 * {@code hj212.h}; an RT-Thread logger's {@code hj212.h}, {@code HJ212_QNRTN_*}). 1 says the request will be executed;
 * every other code refuses it and names the field at fault.
 */
public enum QnRtn {

    /** 准备执行请求. */
    READY(1, "ready to execute"),
    /** 请求被拒绝. */
    REFUSED(2, "refused"),
    /** PW 错误. */
    PW_WRONG(3, "PW wrong"),
    /** MN 错误. */
    MN_WRONG(4, "MN wrong"),
    /** ST 错误. */
    ST_WRONG(5, "ST wrong"),
    /** Flag 错误. */
    FLAG_WRONG(6, "Flag wrong"),
    /** QN 错误. */
    QN_WRONG(7, "QN wrong"),
    /** CN 错误: the command is not one the receiver knows. */
    CN_WRONG(8, "CN wrong"),
    /** CRC 校验错误. */
    CRC_WRONG(9, "CRC wrong"),
    /** 未知错误. */
    UNKNOWN(100, "unknown error");

    private final int code;
    private final String meaning;

    QnRtn(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<QnRtn> of(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    /** The code that names a header field the codec found wrong (QN 7, ST 5, CN 8, PW 3, MN 4, Flag 6, CRC 9), else 100. */
    public static QnRtn forField(String field) {
        if (field == null) return UNKNOWN;
        return switch (field) {
            case "QN" -> QN_WRONG;
            case "ST" -> ST_WRONG;
            case "CN" -> CN_WRONG;
            case "PW" -> PW_WRONG;
            case "MN" -> MN_WRONG;
            case "Flag", "PNUM", "PNO" -> FLAG_WRONG;
            case "CRC" -> CRC_WRONG;
            default -> UNKNOWN;
        };
    }

    @Override
    public String toString() {
        return code + " (" + meaning + ")";
    }
}
