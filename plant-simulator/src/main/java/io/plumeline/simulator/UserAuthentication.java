package io.plumeline.simulator;

import io.plumeline.core.site.OpcServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;

/**
 * Who may open a session on a played server entry, as its {@code auth} says: anyone ({@code anonymous}), or
 * only the user it names, with the password from the same {@code passwordEnv} or {@code passwordFile} the
 * collector reads, so one site model configures both sides. Anything else (another user, a wrong password,
 * an anonymous session) is refused with Bad_UserAccessDenied or Bad_IdentityTokenInvalid.
 */
final class UserAuthentication {

    private final UserTokenPolicy tokenPolicy;
    private final IdentityValidator validator;

    private UserAuthentication(UserTokenPolicy tokenPolicy, IdentityValidator validator) {
        this.tokenPolicy = tokenPolicy;
        this.validator = validator;
    }

    static UserAuthentication of(OpcServer server) {
        OpcServer.Auth auth = server.auth();
        if ("anonymous".equals(auth.type())) {
            return new UserAuthentication(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS, AnonymousIdentityValidator.INSTANCE);
        }
        if (!"username".equals(auth.type())) {
            throw new SimulatorException("server '" + server.id() + "': auth type '" + auth.type() + "' is not served");
        }
        String username = auth.username();
        byte[] password = password(server.id(), auth).getBytes(StandardCharsets.UTF_8);
        // Milo's username policy encrypts the password with Basic256Sha256 even on a SecurityPolicy None channel.
        return new UserAuthentication(OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME, new UsernameIdentityValidator(
                challenge -> username.equals(challenge.getUsername()) && MessageDigest.isEqual(password,
                        challenge.getPassword().getBytes(StandardCharsets.UTF_8))));
    }

    UserTokenPolicy tokenPolicy() {
        return tokenPolicy;
    }

    IdentityValidator validator() {
        return validator;
    }

    /** A username token is encrypted with the server's certificate, so the server needs one. */
    boolean needsCertificate() {
        return validator != AnonymousIdentityValidator.INSTANCE;
    }

    private static String password(String serverId, OpcServer.Auth auth) {
        if (auth.passwordEnv() != null) {
            String password = System.getenv(auth.passwordEnv());
            if (password == null) {
                throw new SimulatorException("server '" + serverId + "': auth.passwordEnv " + auth.passwordEnv()
                        + " is not set in the simulator's environment");
            }
            return password;
        }
        Path file = Path.of(auth.passwordFile());
        try {
            // A file usually ends with a line break that is not part of the password; the collector drops it too.
            return Files.readString(file, StandardCharsets.UTF_8).replaceFirst("\\R\\z", "");
        } catch (IOException e) {
            throw new SimulatorException("server '" + serverId + "': auth.passwordFile " + file + " cannot be read: " + e);
        }
    }
}
