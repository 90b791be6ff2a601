package io.plumeline.reporting.live;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service serving Dalian over its own database ({@code live}): the live view reads the newest points, so its
 * tests must not see the readings other tests write into the shared one. Subclasses share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class LiveSiteTest {

    public static final String SITE = "dalian-refinery";
    public static final String DATABASE = "live";

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port).as("engineer");
    }
}
