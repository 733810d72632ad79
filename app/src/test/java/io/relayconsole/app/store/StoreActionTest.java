package io.relayconsole.app.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
