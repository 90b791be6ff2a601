package io.plumeline.reporting.influx;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the InfluxDB holding contract 3's measurements is: {@code plumeline.influx.*}. */
@ConfigurationProperties("plumeline.influx")
public record InfluxProperties(URI url, @DefaultValue("plumeline") String database, String username, String password) {

    public InfluxProperties {
        if (url == null) {
            throw new IllegalArgumentException("plumeline.influx.url is required, e.g. http://127.0.0.1:8086");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("plumeline.influx.url must be an http(s) URL, found '" + url + "'");
        }
    }
}
