package io.relayconsole.serving;

/** How an SDK names its environment: server-side SDKs by SDK key, mobile SDKs by mobile key, browsers by ID. */
public enum CredentialKind {
    /** {@code Authorization: sdk-…} (server-side SDKs). */
    SDK_KEY,
    /** {@code Authorization: mob-…} (mobile SDKs). */
    MOBILE_KEY,
    /** The client-side environment ID in the request path (browser SDKs; not a secret). */
    ENVIRONMENT_ID
}
