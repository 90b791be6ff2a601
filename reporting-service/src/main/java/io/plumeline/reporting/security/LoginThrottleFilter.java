package io.plumeline.reporting.security;

import io.plumeline.reporting.api.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of both ways to sign in (basic mode): a request with HTTP Basic credentials
 * and the form's {@code POST /login}. A refused name or address gets 429 problem+json with Retry-After before its
 * password is looked at; the outcome of the others is counted from the answer (401: a failed sign-in).
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String basic = basicUser(request.getHeader("Authorization"));
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        if (basic == null && !form) {
            chain.doFilter(request, response);
            return;
        }
        String user = basic != null ? basic : request.getParameter("username");
        String address = request.getRemoteAddr();
        LoginThrottle.Refusal refusal = throttle.refusedUntil(user, address);
        if (refusal != null) {
            long seconds = Math.max(1, Duration.between(java.time.Instant.now(), refusal.until()).toSeconds() + 1);
            response.setHeader("Retry-After", Long.toString(seconds));
            ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    refusal.failures() + " failed sign-ins of " + refusal.what() + ": sign-in refused until "
                            + refusal.until() + " (plumeline.security.login-throttle)");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(user, address);
        } else if (user != null && response.getStatus() < 400) {
            // only a request that went through counts as a good sign-in: a 403 (CSRF, role) proves nothing
            throttle.succeeded(user);
        }
    }

    /** The user name of {@code Authorization: Basic …}, or null when there is none or it does not decode. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
