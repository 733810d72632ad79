package io.relayconsole.serving;

import io.relayconsole.config.MainConfig;
import java.time.Clock;
import java.util.List;

/** What the SDK-facing server needs of the relay: its environments by credential, and where to report activity. */
public interface ServedRelay {

    MainConfig main();

    Clock clock();

    List<? extends ServedEnvironment> environments();

    /** The environment an SDK key belongs to, or null: the server answers 401 then. */
    ServedEnvironment environmentForSdkKey(String sdkKey);

    /** The environment a credential of {@code kind} names, or null when none does. */
    ServedEnvironment environmentFor(CredentialKind kind, String credential);

    SdkConnections connections();

    RequestLog requests();
}
