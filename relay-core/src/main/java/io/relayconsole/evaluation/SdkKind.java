package io.relayconsole.evaluation;

/**
 * Which SDKs an evaluation is for, and so which flags it includes (reference §1.4): server-side evalx with the SDK
 * key gets every flag, mobile SDKs the flags available to the mobile key, browsers those available to the
 * client-side ID.
 */
public enum SdkKind {
    SERVER,
    MOBILE,
    CLIENT
}
