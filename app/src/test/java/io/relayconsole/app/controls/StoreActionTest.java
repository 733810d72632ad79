package io.relayconsole.app.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.relayconsole.store.StoreOperationResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreActionTest {

    @Test
    void eachConfirmationNamesTheEnvironmentAndTheEffect() {
        assertThat(StoreAction.CLEAR.confirmation("development")).isEqualTo("Clear the cache of 'development'? "
                + "The next SDK request reads the store; if the store is down, new SDKs get 503.");
        for (StoreAction action : StoreAction.values()) {
            assertThat(action.confirmation("staging")).contains("'staging'").endsWith(".");
        }
    }

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
