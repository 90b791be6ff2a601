package io.plumeline.reporting.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, as {@code GET /api/v1/me} and a successful sign-in answer: the name (the approver and audit
 * actor of what they do), the roles, and how they were authenticated ({@code basic} or {@code jwt}), so that the
 * web UI shows the views of the roles and offers sign-out only where there is a session.
 */
public record CurrentUser(String name, List<Role> roles, String mode) {

    static CurrentUser of(Authentication authentication, SecurityProperties.Mode mode) {
        List<Role> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .flatMap(authority -> java.util.Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .toList();
        return new CurrentUser(authentication.getName(), roles, mode.name().toLowerCase(java.util.Locale.ROOT));
    }
}
