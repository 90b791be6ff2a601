package io.plumeline.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The job's version as Maven built it (plumeline-job.properties), named in every lineage record. */
public final class JobVersion {

    private JobVersion() {
    }

    public static String current() {
        try (InputStream in = JobVersion.class.getResourceAsStream("/plumeline-job.properties")) {
            if (in == null) throw new IllegalStateException("plumeline-job.properties is missing from the job's classpath");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("plumeline-job.properties is unreadable", e);
        }
    }
}
