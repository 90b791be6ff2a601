package io.plumeline.reporting.audit;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit log and its check, for compliance officers and administrators. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    public Map<String, List<AuditEntry>> entries() {
        return Map.of("entries", log.entries());
    }

    @GetMapping("/verify")
    public AuditLog.Verification verify() {
        return log.verify();
    }
}
