package io.plumeline.reporting.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code plumeline.security.*}: {@code basic} takes its users from configuration (one machine, the demo) and
 * signs browsers in with a form and a session; {@code jwt} makes the service an OAuth2 resource server that
 * trusts the bearer tokens of the operator's identity provider (production), reads the roles from a claim
 * ({@code roles}, or a path such as {@code realm_access.roles}) and the user's name from another ({@code sub}).
 */
@ConfigurationProperties("plumeline.security")
public record SecurityProperties(@DefaultValue("basic") Mode mode, List<User> users,
                                 @DefaultValue("roles") String rolesClaim,
                                 @DefaultValue("sub") String nameClaim) {

    public enum Mode { BASIC, JWT }

    /** A configured user; {@code password} carries its encoding, {@code {bcrypt}…} or {@code {noop}…}. */
    public record User(String name, String password, List<Role> roles) {
    }

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String where = "plumeline.security.users[" + i + "]";
            if (user.name() == null || user.name().isBlank()) {
                throw new IllegalArgumentException(where + ".name is required");
            }
            if (user.password() == null || !user.password().matches("^\\{[a-z0-9]+}.+")) {
                throw new IllegalArgumentException(where + ".password must name its encoding, e.g. {bcrypt}$2a$10$… "
                        + "or {noop}secret (user '" + user.name() + "')");
            }
            if (user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalArgumentException(where + ".roles must list at least one of " + List.of(Role.values())
                        + " (user '" + user.name() + "')");
            }
        }
        if (mode == Mode.BASIC && users.isEmpty()) {
            throw new IllegalArgumentException("plumeline.security.mode is basic but no plumeline.security.users are "
                    + "configured; see the README for the demo users");
        }
        if (rolesClaim.isBlank() || nameClaim.isBlank()) {
            throw new IllegalArgumentException("plumeline.security.roles-claim and name-claim must not be blank");
        }
    }
}
