package io.plumeline.reporting.security;

import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
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

/**
 * Who may call what. The rules are by path and method, so that the role × endpoint matrix is readable in one
 * place: plant data for engineers, compliance officers and administrators; reports for compliance officers
 * (who alone change them) and, read-only and filtered to submitted ones, regulators; the audit log for
 * compliance officers and administrators. Health stays open for the orchestrator's probes.
 */
@Configuration
public class SecurityConfiguration {

    private static final String[] PLANT_DATA = {Role.ENGINEER.name(), Role.COMPLIANCE.name(), Role.ADMIN.name()};

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityProperties properties) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(
                properties.mode() == SecurityProperties.Mode.JWT ? "Bearer" : "Basic realm=\"plumeline\"");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/reports/**", "/api/v1/reports")
                            .hasAnyRole(Role.COMPLIANCE.name(), Role.REGULATOR.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/reports/**", "/api/v1/reports").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers("/api/v1/audit/**", "/api/v1/audit")
                            .hasAnyRole(Role.COMPLIANCE.name(), Role.ADMIN.name())
                        .requestMatchers("/api/v1/**").hasAnyRole(PLANT_DATA)
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (properties.mode() == SecurityProperties.Mode.JWT) {
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(problems).accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFrom(properties.rolesClaim()))));
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            users.createUser(User.withUsername(user.name()).password(user.password())
                    .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build());
        }
        return users;
    }

    /** The identity provider's token lists role names (ENGINEER, …) in one claim; unknown names grant nothing. */
    private static JwtAuthenticationConverter rolesFrom(String claim) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter((Jwt jwt) -> {
            Object value = jwt.getClaims().get(claim);
            Collection<?> names = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
            return names.stream().map(String::valueOf)
                    .filter(name -> List.of(Role.values()).stream().anyMatch(r -> r.name().equals(name)))
                    .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                    .toList();
        });
        return converter;
    }
}
