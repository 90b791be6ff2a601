package io.plumeline.reporting;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service serving the example refinery (examples/sites/refinery.yaml, with its production chain) over a real
 * influxd, in a database of its own. Its subclasses share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RefineryApiTest {

    static final String SITE = "dalian-refinery";
    static final String DATABASE = "plumeline_refinery";
    static final Path REFINERY = Path.of("../examples/sites/refinery.yaml").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", REFINERY::toString);
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
