package io.plumeline.reporting.security;

/**
 * Who may do what. Engineers run the plant and read its data; compliance officers also prepare, approve and
 * submit reports; regulators see submitted reports only; administrators read everything and the audit log
 * but do not sign reports off, so an approval is always a compliance officer's.
 */
public enum Role {
    ENGINEER, COMPLIANCE, REGULATOR, ADMIN;

    /** The authority name Spring Security checks, {@code ROLE_} + name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
