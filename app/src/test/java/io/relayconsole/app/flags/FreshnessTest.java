package io.relayconsole.app.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.store.CacheFreshness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FreshnessTest {

    @Test
    void freshCacheShowsAgeAgainstTtlAndTheShareLeft() {
        Freshness f = Freshness.of(new CacheFreshness(Duration.ofSeconds(30), Duration.ofSeconds(12)));
        assertThat(f.text()).isEqualTo("fresh 12 s / 30 s");
        assertThat(f.remaining()).isEqualTo(0.6, org.assertj.core.data.Offset.offset(0.001));
        assertThat(f.level()).isEqualTo(Freshness.Level.FRESH);
    }

    @Test
    void expiredCacheHasAnEmptyBar() {
        Freshness f = Freshness.of(new CacheFreshness(Duration.ofSeconds(30), Duration.ofSeconds(31)));
        assertThat(f.text()).isEqualTo("expired");
        assertThat(f.remaining()).isZero();
        assertThat(f.level()).isEqualTo(Freshness.Level.EXPIRED);
    }

    @Test
    void negativeTtlIsCachedForever() {
        Freshness f = Freshness.of(new CacheFreshness(Duration.ofMillis(-1), Duration.ofHours(5)));
        assertThat(f.text()).isEqualTo("cached forever");
        assertThat(f.remaining()).isEqualTo(1);
    }

    @Test
    void zeroTtlMeansNoCache() {
        Freshness f = Freshness.of(new CacheFreshness(Duration.ZERO, null));
        assertThat(f.text()).isEqualTo("no cache");
        assertThat(f.level()).isEqualTo(Freshness.Level.NO_CACHE);
    }

    @Test
    void anItemNotInTheCacheSaysSo() {
        assertThat(Freshness.of(new CacheFreshness(Duration.ofSeconds(30), null)).text()).isEqualTo("not cached");
    }

    @Test
    void theInMemoryStoreHasNoCacheAtAll() {
        Freshness f = Freshness.of(null);
        assertThat(f.text()).isEqualTo("in memory");
        assertThat(f.level()).isEqualTo(Freshness.Level.IN_MEMORY);
    }
}
