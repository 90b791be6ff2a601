package io.plumeline.reporting.web;

import io.plumeline.reporting.security.SecurityProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description springdoc builds from the controllers ({@code /v3/api-docs}, rendered at
 * {@code /swagger-ui.html}), with the one way this deployment authenticates: HTTP Basic, or a bearer JWT.
 */
@Configuration
public class OpenApiConfiguration {

    @Bean
    OpenAPI plumelineOpenApi(SecurityProperties security) {
        boolean jwt = security.mode() == SecurityProperties.Mode.JWT;
        String scheme = jwt ? "bearer" : "basic";
        SecurityScheme how = jwt
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("a token of the operator's identity provider; roles in the claim '"
                                + security.rolesClaim() + "'")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("a user of plumeline.security.users");
        return new OpenAPI()
                .info(new Info().title("Plumeline reporting API").version("v1")
                        .description("Telemetry, emissions, live view, calculations and period reports of the sites this"
                                + " deployment serves (contract 5). Errors are application/problem+json. Roles: ENGINEER,"
                                + " COMPLIANCE, REGULATOR, ADMIN; see docs/security.md for who may call what."))
                .components(new Components().addSecuritySchemes(scheme, how))
                .addSecurityItem(new SecurityRequirement().addList(scheme));
    }
}
