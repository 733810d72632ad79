package io.relayconsole.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.store.StoreOperationResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ResultTextTest {

    @Test
    void resultsSayItemsDurationAndError() {
        assertThat(ResultText.of(new StoreOperationResult("Reload cache from store", true, 15, Duration.ofMillis(7),
                "read 15 item(s) from the store")))
                .isEqualTo("\u2714 Reload cache from store: read 15 item(s) from the store (15 item(s), 7 ms)");
        assertThat(ResultText.of(new StoreOperationResult("Clear cache", false, 0, Duration.ofMillis(1),
                "the in-memory store has no separate cache")))
                .isEqualTo("\u2716 Clear cache failed: the in-memory store has no separate cache (1 ms)");
    }
}
