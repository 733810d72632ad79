package io.relayconsole.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration that cannot be used. Carries every problem found, not just the first, so an operator can
 * fix them all in one go. Unchecked so that callers which build configurations programmatically need not
 * handle it; the CLI and console catch it and show {@link #getMessage()}, which lists the problems one per line.
 */
public class ConfigException extends RuntimeException {
    private final transient List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String format(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::describe).collect(Collectors.joining(System.lineSeparator()));
    }
}
