package io.plumeline.hj212.packet;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code ExeRtn}, what an execution result (CN 9012) says about a request that was executed: HJ 212-2017's table of
 * execution results (执行结果定义), shared/reference/standards-and-users.md §2.1, the same codes field loggers use
 * (tang0-0/HJ212-Pack {@code hj212.h}; an RT-Thread logger's {@code hj212.h}, {@code HJ212_EXERTN_*}).
 */
public enum ExeRtn {

    /** 执行成功. */
    SUCCESS(1, "success"),
    /** 执行失败，但不知道原因. */
    FAILED(2, "failed, reason unknown"),
    /** 命令请求条件错误: the request's parameters (CP) cannot be executed. */
    CONDITION_ERROR(3, "command request condition error"),
    /** 通讯超时. */
    TIMEOUT(4, "communication timeout"),
    /** 系统繁忙不能执行. */
    BUSY(5, "system busy"),
    /** 系统故障. */
    FAULT(6, "system fault"),
    /** 没有数据. */
    NO_DATA(100, "no data");

    private final int code;
    private final String meaning;

    ExeRtn(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<ExeRtn> of(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    @Override
    public String toString() {
        return code + " (" + meaning + ")";
    }
}
