package io.plumeline.reporting.security;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: open to every signed-in user, whatever the role. */
@RestController
public class CurrentUserController {

    private final SecurityProperties properties;

    public CurrentUserController(SecurityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/api/v1/me")
    public CurrentUser me(Authentication authentication) {
        return CurrentUser.of(authentication, properties.mode());
    }
}
