package io.plumeline.reporting.audit;

import io.plumeline.reporting.api.QueryParameters;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, its check and its anchors, for compliance officers and administrators; read-only. */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {

    private final AuditLog log;
    private final AuditAnchors anchors;

    public AuditController(AuditLog log, AuditAnchors anchors) {
        this.log = log;
        this.anchors = anchors;
    }

    @GetMapping
    public Map<String, List<AuditEntry>> entries() {
        return Map.of("entries", log.entries());
    }

    @GetMapping("/verify")
    public AuditLog.Verification verify() {
        return log.verify();
    }

    /** The newest anchors first, for the operator to publish outside the database. */
    @GetMapping("/anchors")
    public Map<String, List<AuditAnchor>> anchors(@RequestParam(required = false) String limit) {
        return Map.of("anchors", anchors.latest(QueryParameters.limit(limit, 100, 1000)));
    }
}
