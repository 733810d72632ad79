package io.relayconsole.acceptance;

import io.relayconsole.config.DatabaseConfig;
import io.relayconsole.config.DynamoDbConfig;
import io.relayconsole.store.dynamodb.DynamoDbDataStore;
import io.relayconsole.store.dynamodb.DynamoDbStoreOptions;
import io.relayconsole.testing.DynaliteProcess;
import io.relayconsole.testing.SdkProcess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Daemon mode on DynamoDB (dynalite), read by the legacy Node server SDK 7 with its DynamoDB store. */
class DynamoDbDaemonModeAcceptanceTest extends DaemonModeAcceptance {
    private static final String TABLE = "relay-daemon-acceptance";
    private static final Duration WARM_UP = Duration.ofSeconds(30);
    private DynaliteProcess dynalite;

    @Override
    protected DatabaseConfig startDatabase() {
        dynalite = DynaliteProcess.start();
        // As an operator would beforehand: the relay never creates tables on its own. Patient, as the first AWS
        // call of a test JVM loads much of the AWS SDK.
        try (DynamoDbDataStore store = new DynamoDbDataStore(DynamoDbStoreOptions.builder(TABLE)
                .endpoint(dynalite.endpoint()).apiCallTimeout(WARM_UP).attemptTimeout(WARM_UP).build())) {
            store.createTable();
        }
        return new DynamoDbConfig(TABLE, dynalite.endpoint(), null);
    }

    @Override
    protected void stopDatabase() {
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Override
    protected List<ReaderSpec> readers() {
        // SDK 7 of the legacy package already knows contexts: every context, in the context schema.
        return List.of(new ReaderSpec("legacy Node SDK 7 + DynamoDB",
                () -> SdkProcess.legacyNodeDynamoDbReader(dynalite.endpoint(), TABLE, PREFIX),
                context -> Optional.of(ContextJson.of(context))));
    }
}
