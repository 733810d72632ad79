package io.relayconsole.config;

/**
 * One known setting: its file key as ld-relay documents it, the environment variable that sets it (null when
 * there is none, or for {@code [Environment]}/{@code [Filters]} keys the variable prefix before the name), and
 * its type.
 */
record ConfigKey(String name, String envVar, ValueType type) {
}
