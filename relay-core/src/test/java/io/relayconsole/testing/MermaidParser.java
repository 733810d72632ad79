package io.relayconsole.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Mermaid's own parser (npm {@code mermaid}, installed by {@code ./test} in {@code src/test/node-mermaid}) run under
 * Node: the proof that a diagram we export opens in any Mermaid renderer, not only in our own reader.
 */
public final class MermaidParser {
    private static final Path FOLDER = SdkProcess.TEST_SOURCES.resolve("node-mermaid");

    private MermaidParser() {
    }

    /**
     * Parses each diagram (name to Mermaid text) in one Node process.
     *
     * @return the names of the diagrams Mermaid rejected, each with Mermaid's message; empty when all parse
     */
    public static List<String> rejected(Map<String, String> diagrams) {
        if (!Files.isDirectory(FOLDER.resolve("node_modules/mermaid"))) {
            throw new AssertionError("mermaid is not installed in " + FOLDER + ": run ./test, or npm ci in that folder");
        }
        try {
            Path dir = Files.createTempDirectory("mermaid-check-");
            Map<String, String> nameByFile = new LinkedHashMap<>();
            List<String> command = new ArrayList<>(List.of(SdkProcess.nodeBinary(), "parse-diagrams.mjs"));
            int n = 0;
            for (Map.Entry<String, String> d : diagrams.entrySet()) {
                Path file = dir.resolve("diagram-" + (n++) + ".mmd");
                Files.writeString(file, d.getValue(), StandardCharsets.UTF_8);
                nameByFile.put(file.toString(), d.getKey());
                command.add(file.toString());
            }
            Process node;
            try {
                node = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new AssertionError("cannot start node (" + e.getMessage() + "): install Node.js 20+, or run ./test");
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = node.waitFor(60, TimeUnit.SECONDS);
            for (String file : nameByFile.keySet()) {
                Files.deleteIfExists(Path.of(file));
            }
            Files.deleteIfExists(dir);
            if (!finished) {
                node.destroyForcibly();
                throw new AssertionError("the Mermaid parser did not finish within 60 s:\n" + output);
            }
            List<String> rejected = new ArrayList<>();
            int ok = 0;
            for (String line : output.lines().toList()) {
                if (line.startsWith("OK ")) {
                    ok++;
                } else if (line.startsWith("INVALID ")) {
                    String rest = line.substring("INVALID ".length());
                    int colon = rest.indexOf(": ");
                    rejected.add(nameByFile.getOrDefault(rest.substring(0, colon), rest) + ": " + rest.substring(colon + 2));
                }
            }
            if (ok + rejected.size() != diagrams.size()) {
                throw new AssertionError("the Mermaid parser answered for " + (ok + rejected.size()) + " of "
                        + diagrams.size() + " diagrams:\n" + output);
            }
            return rejected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while parsing diagrams", e);
        }
    }
}
