package io.plumeline.reporting.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The rules are by path and method, so that the role × endpoint matrix is readable in one
 * place: plant data (and the period report computed from it, and the fleet roll-up) for engineers, compliance
 * officers and administrators; stored reports for compliance officers (who alone change them) and, read-only and
 * filtered to submitted ones, regulators; the audit log for compliance officers and administrators. Every role
 * may list the served sites (names, time zones, languages), so that a regulator's UI can name them. Health, the
 * web UI's static files and the OpenAPI description stay open: they hold no plant data.
 *
 * <p>API clients authenticate on every request (HTTP Basic, or a bearer token in {@code jwt} mode). Browsers
 * sign in with the form of {@code /login.html} (basic mode) and then hold a session cookie; because a cookie is
 * sent by the browser whatever page asks, every changing request of a session must carry the CSRF token of the
 * {@code XSRF-TOKEN} cookie in {@code X-XSRF-TOKEN}. A browser also remembers HTTP Basic credentials it was once
 * asked for and sends them with any page's form post, so Basic credentials that come from a browser need the token
 * too; an API client's own Authorization header (no browser headers), and a bearer token, need none.
 */
@Configuration
public class SecurityConfiguration {

    private static final String[] PLANT_DATA = {Role.ENGINEER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name()};
    private static final String[] REPORT_READERS = {Role.COMPLIANCE.name(), Role.REGULATOR.name(), Role.ADMIN.name()};
    /** What a browser may load before signing in: the UI's files and the API's description, no data. */
    private static final String[] OPEN = {"/", "/index.html", "/login.html", "/ui/**", "/favicon.ico",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error",
            "/actuator/health", "/actuator/health/**", "/actuator/info"};
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /**
     * Review finding L3: the web UI (and Swagger UI) load scripts, styles and data from this origin only; no inline
     * script or style attribute, no plugin, no framing, forms post here only. Images may be data: URIs (Swagger UI).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, JsonMapper json,
                            ObjectProvider<OAuth2ResourceServerProperties> resourceServer, LoginThrottle throttle)
            throws Exception {
        boolean jwt = properties.mode() == SecurityProperties.Mode.JWT;
        if (jwt) {
            OAuth2ResourceServerProperties.Jwt trusted = resourceServer.getObject().getJwt();
            JwtTrust.check(trusted.getIssuerUri(), trusted.getJwkSetUri(), trusted.getAudiences());
        }
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(
                jwt ? "Bearer" : "Basic realm=\"plumeline\"");
        http.csrf(csrf -> csrf.spa().requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/api/v1/me").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/sites").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/emissions").hasAnyRole(PLANT_DATA)
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**", "/api/v1/reports").hasAnyRole(REPORT_READERS)
                        .requestMatchers("/api/v1/reports/**", "/api/v1/reports").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers("/api/v1/audit/**", "/api/v1/audit", "/api/v1/compliance/**")
                            .hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/**").hasAnyRole(PLANT_DATA)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (jwt) {
            http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .oauth2ResourceServer(o -> o.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                            .jwt(j -> j.jwtAuthenticationConverter(rolesFrom(properties))));
        } else {
            http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                    .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                    .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                            .successHandler((request, response, authentication) -> {
                                response.setContentType("application/json");
                                response.setCharacterEncoding("UTF-8");
                                response.getWriter().write(json.writeValueAsString(
                                        CurrentUser.of(authentication, properties.mode())));
                            })
                            .failureHandler((request, response, e) -> ProblemAuthenticationEntryPoint.signInFailed(response))
                            .permitAll())
                    .logout(logout -> logout.logoutUrl("/logout")
                            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
        }
        return http.build();
    }

    /**
     * A changing request needs the token when the browser could have added credentials on its own: a session
     * cookie, HTTP Basic credentials it cached (review finding M6: SameSite does not apply to them, so a hostile
     * page's form post carries them; such a request has an Origin or Sec-Fetch-Site header, which browsers add and
     * a page cannot remove), or the sign-in itself (so that another site cannot sign a browser in as someone else).
     * An API client's Authorization header, and any bearer token (a browser never adds one by itself), carry their
     * credentials explicitly; requests with neither are anonymous and get the 401 of the path rules.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return LoginThrottleFilter.basicUser(authorization) != null && fromBrowser(request);
        }
        return request.getRequestedSessionId() != null || "/login".equals(request.getServletPath())
                || "/logout".equals(request.getServletPath());
    }

    private static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null;
    }

    /**
     * Review finding M7, jwt mode: Boot's token decoder fetches the issuer's discovery document and the JWK set it
     * names through {@link JwtTrust#httpsOnlyClient()}, so keys never come over plain HTTP, named by a property or not.
     */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer httpsOnlyKeys() {
        return builder -> builder.restOperations(JwtTrust.httpsOnlyClient());
    }

    @Bean
    LoginThrottle loginThrottle(LoginThrottleProperties limits) {
        return new LoginThrottle(limits, Clock.systemUTC());
    }

    /**
     * The configured users, looked up only: published as a plain {@link UserDetailsService}, not as the
     * {@link InMemoryUserDetailsManager} (a {@code UserDetailsPasswordService}), so that Spring Security does not
     * "upgrade" a password's encoding after its first sign-in. In memory that upgrade saves nothing, but it turned
     * a {@code {noop}} password into {@code {bcrypt}$2a$10$…}, and from then on every HTTP Basic request of that user
     * paid a bcrypt check (~65 ms of CPU); a password keeps the encoding it was configured with.
     */
    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        return users::loadUserByUsername;
    }

    /**
     * The identity provider's token lists role names (ENGINEER, …) in one claim, which may sit inside another
     * ({@code realm_access.roles}); unknown names grant nothing. The user's name is another claim.
     */
    static JwtAuthenticationConverter rolesFrom(SecurityProperties properties) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(properties.nameClaim());
        converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> {
            Object value = claim(jwt.getClaims(), properties.rolesClaim());
            Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            return names.stream().map(String::valueOf)
                    .flatMap(name -> Arrays.stream(Role.values()).filter(r -> r.name().equals(name)))
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                    .toList();
        });
        return converter;
    }

    private static Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }
}
