package io.plumeline.reporting.security;

import io.plumeline.reporting.api.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as application/problem+json, like every other error of the API. The 401 names the scheme
 * to use, so that a client (curl) knows how to authenticate; the web UI's own requests (marked
 * {@code X-Requested-With: XMLHttpRequest}) get no challenge, so the browser shows its sign-in page rather than
 * its Basic dialog.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final String challenge;

    ProblemAuthenticationEntryPoint(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "this endpoint needs credentials (" + challenge.split(" ")[0] + ")");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong",
                    "a changing request from a browser (a signed-in session, or HTTP Basic credentials the browser sent"
                            + " with an Origin or Sec-Fetch-Site header) must carry the X-XSRF-TOKEN header with the"
                            + " value of the XSRF-TOKEN cookie; API clients that send their own Authorization header"
                            + " and no such browser header need none");
            return;
        }
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, "Forbidden",
                "your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    /** A sign-in that failed: 401 without a challenge, the form says what to do. */
    static void signInFailed(HttpServletResponse response) throws IOException {
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "Sign-in failed", "wrong user name or password");
    }
}
