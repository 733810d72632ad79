package io.relayconsole.timeline;

/** An SDK as the timeline names it ({@code SDK1}, ...), with what the relay saw of it most recently. */
public record SdkClient(String name, String remoteAddress, String userAgent) {
}
