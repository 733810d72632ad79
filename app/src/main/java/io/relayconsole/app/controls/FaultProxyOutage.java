package io.relayconsole.app.controls;

import io.relayconsole.demo.FaultProxy;
import java.time.Duration;

/** A store outage through the in-process TCP fault proxy between the relay and its database server. */
final class FaultProxyOutage implements StoreOutage, AutoCloseable {
    private final FaultProxy proxy;
    private final String target;

    FaultProxyOutage(FaultProxy proxy, String target) {
        this.proxy = proxy;
        this.target = target;
    }

    @Override
    public String description() {
        return "fault proxy 127.0.0.1:" + proxy.port() + " \u2192 " + target;
    }

    /** "passing traffic", "CUT: ...", "adding 500 ms latency". */
    String state() {
        return switch (proxy.state()) {
            case PASS -> "passing traffic";
            case CUT -> "CUT: the relay cannot reach its store";
            case LATENCY -> "adding " + proxy.latency().toMillis() + " ms latency each way";
        };
    }

    FaultProxy.State proxyState() {
        return proxy.state();
    }

    @Override
    public boolean isDown() {
        return proxy.state() == FaultProxy.State.CUT;
    }

    @Override
    public void takeDown() {
        proxy.cut();
    }

    @Override
    public void bringBack() {
        proxy.pass();
    }

    void addLatency(Duration latency) {
        proxy.addLatency(latency);
    }

    @Override
    public void close() {
        proxy.close();
    }
}
