package io.relayconsole.store.redis;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real Java server SDK 5.10 with {@code launchdarkly-java-server-sdk-redis-store} 2.0 (Jedis) in daemon mode.
 * SDK 5 shares package names with the SDK 7 on this classpath, so it runs in its own JVM from the small build in
 * {@code src/test/java5-daemon} (built by ./test).
 */
class JavaSdk5DaemonModeTest extends DaemonModeReaderContractTest {
    private static final Path READER_BUILD = Path.of("src/test/java5-daemon/target");

    @Override
    protected DaemonModeReader startReader(int port, String prefix) {
        Path jar = READER_BUILD.resolve("java5-daemon-reader-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(READER_BUILD.resolve("lib"))) {
            throw new AssertionError("The Java SDK 5 reader is not built: run ./test, or "
                    + "mvn -q -f relay-core/src/test/java5-daemon/pom.xml package");
        }
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = jar.toAbsolutePath() + File.pathSeparator + READER_BUILD.resolve("lib").toAbsolutePath() + "/*";
        return DaemonModeReader.start(List.of(javaBinary, "-cp", classpath, "io.relayconsole.java5daemon.Java5DaemonReader"),
                Path.of("."), Map.of("REDIS_PORT", String.valueOf(port), "REDIS_PREFIX", prefix));
    }
}
