package io.plumeline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleFromTheFirstUpToTheMax() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Duration wait = null;
        StringBuilder waits = new StringBuilder();
        for (int i = 0; i < 5; i++) waits.append((wait = backoff.next(wait)).toSeconds()).append(' ');
        assertThat(waits.toString().trim()).isEqualTo("1 2 4 5 5");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("0 < first");
    }
}
