package io.relayconsole.app.controls;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo SDKs attached from the console, named SDK1, SDK2, ... as in the seed's diagrams. */
public final class DemoSdks implements AutoCloseable {
    private final List<DemoSdk> attached = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    /** Starts a client (blocks briefly while it sets up its threads; call it off the FX thread). */
    public DemoSdk attach(String environment, String sdkKey, URI relay, String flagKey) {
        DemoSdk sdk = new DemoSdk("SDK" + counter.incrementAndGet(), environment, sdkKey, relay, flagKey);
        attached.add(sdk);
        return sdk;
    }

    /** Closes the named client; false if there is none. Call it off the FX thread. */
    public boolean detach(String name) {
        for (DemoSdk sdk : attached) {
            if (sdk.name().equals(name)) {
                attached.remove(sdk);
                sdk.close();
                return true;
            }
        }
        return false;
    }

    public List<DemoSdkRow> rows() {
        List<DemoSdkRow> rows = new ArrayList<>(attached.size());
        for (DemoSdk sdk : attached) {
            rows.add(sdk.row());
        }
        return rows;
    }

    @Override
    public void close() {
        for (DemoSdk sdk : attached) {
            sdk.close();
        }
        attached.clear();
    }
}
