package io.plumeline.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.plumeline.core.site.SiteModelException;
import io.plumeline.reporting.support.SiteFiles;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A deployment that cannot serve its sites does not start. */
class StartupTest {

    @Test
    void aBrokenSiteModelStopsStartWithTheLoadersMessage() {
        assertThatThrownBy(() -> start("--plumeline.sites=" + SiteFiles.path("dalian.yaml") + "," + SiteFiles.path("broken.yaml")))
                .rootCause().isInstanceOf(SiteModelException.class)
                .hasMessageContaining("broken.yaml")
                .hasMessageContaining("tags[0].uom: unknown unit 'Nm3/hr'");
    }

    @Test
    void aMissingSiteModelFileIsNamed() {
        assertThatThrownBy(() -> start("--plumeline.sites=/nonexistent/site.yaml"))
                .rootCause().isInstanceOf(SiteModelException.class)
                .hasMessageContaining("/nonexistent/site.yaml");
    }

    @Test
    void aSiteServedTwiceIsRefused() {
        assertThatThrownBy(() -> start("--plumeline.sites=" + SiteFiles.path("dalian.yaml") + "," + SiteFiles.path("dalian.yaml")))
                .rootCause().hasMessageContaining("site id 'dalian-refinery' is in both");
    }

    @Test
    void sitesAreRequired() {
        assertThatThrownBy(() -> start())
                .rootCause().asInstanceOf(InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("plumeline.sites is required");
    }

    @Test
    void theInfluxDbUrlIsRequired() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(ReportingApplication.class)
                .run("--spring.main.web-application-type=none", "--plumeline.sites=" + SiteFiles.path("dalian.yaml")));
        assertThat(failure).isNotNull();
        assertThat(failure).rootCause().hasMessageContaining("plumeline.influx.url is required");
    }

    private static void start(String... arguments) {
        String[] args = new String[arguments.length + 2];
        args[0] = "--spring.main.web-application-type=none";
        args[1] = "--plumeline.influx.url=http://127.0.0.1:1";
        System.arraycopy(arguments, 0, args, 2, arguments.length);
        new SpringApplicationBuilder(ReportingApplication.class).run(args).close();
    }
}
