package io.plumeline.reporting;

import io.plumeline.reporting.support.ApiClient;
import io.plumeline.reporting.support.InfluxTestServer;
import io.plumeline.reporting.support.SiteFiles;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service serving one site (Dalian, Asia/Shanghai) over a real influxd. Every subclass shares this one
 * application context, so the service starts once for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class SingleSiteApiTest {

    static final String SITE = "dalian-refinery";
    static final String DATABASE = "plumeline";

    @LocalServerPort
    int port;

    ApiClient api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("plumeline.sites", () -> SiteFiles.path("dalian.yaml").toString());
        registry.add("plumeline.influx.url", () -> InfluxTestServer.shared().url());
        registry.add("plumeline.influx.database", () -> DATABASE);
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static io.plumeline.stack.InfluxDbServer influx() {
        return InfluxTestServer.shared();
    }
}
