package io.relayconsole.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The headless relay's arguments, ld-relay's flags plus {@code --simulator}. {@code error} is set when the
 * arguments cannot be understood.
 */
record CommandLine(Path configFile, boolean allowMissingFile, boolean fromEnv, boolean simulator, boolean help,
                   boolean version, String scenario, String store, String error) {

    /** "1|2|3|...": the scenarios there are. */
    static final String SCENARIO_NUMBERS = java.util.Arrays.stream(io.relayconsole.demo.Scenario.values())
            .map(sc -> String.valueOf(sc.number())).collect(java.util.stream.Collectors.joining("|"));
    private static final String SCENARIO_CHOICES = SCENARIO_NUMBERS.replace("|", ", ") + " or all";

    static final String USAGE = String.join("\n",
            "Usage: relay-console-relay [--config FILE] [--allow-missing-file] [--from-env] [--simulator]",
            "       relay-console-relay --scenario " + SCENARIO_NUMBERS + "|all [--store demo|redis|dynamodb|consul]",
            "",
            "  --config FILE          read an ld-relay configuration file (default /etc/ld-relay.conf when no",
            "                         other source is given)",
            "  --allow-missing-file   do not fail when the --config file does not exist",
            "  --from-env             read ld-relay's environment variables (they override the file)",
            "  --simulator            run the built-in upstream with sample flags and connect to it",
            "  --scenario N|all       replay outage scenario N (1-4: the persistent-storage document's diagrams,",
            "                         5 on: ours) or all of them (8, two relays sharing one Redis, needs",
            "                         --store redis; 7, big segments going stale, redis or dynamodb; all",
            "                         runs those the chosen store supports)",
            "                         against an in-process relay, print the observed diagram (Mermaid) and",
            "                         whether it matches the document's; exit code 3 when one does not",
            "  --store NAME           the database the scenarios run on: demo (in-process, the default), redis",
            "                         (a local redis-server), dynamodb (a local dynalite, needs Node.js) or",
            "                         consul (the in-process Consul KV double); exit code 2 when it cannot start",
            "  --version              print the version and exit",
            "  --help                 print this help and exit");

    static CommandLine parse(List<String> args) {
        Path config = null;
        boolean allowMissing = false;
        boolean fromEnv = false;
        boolean simulator = false;
        String scenario = null;
        String store = "demo";
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config", "-config" -> {
                    if (i + 1 >= args.size()) {
                        return error("--config needs a file name");
                    }
                    config = Path.of(args.get(++i));
                }
                case "--allow-missing-file", "-allow-missing-file" -> allowMissing = true;
                case "--from-env", "-from-env" -> fromEnv = true;
                case "--simulator" -> simulator = true;
                case "--scenario" -> {
                    if (i + 1 >= args.size()) {
                        return error("--scenario needs " + SCENARIO_CHOICES);
                    }
                    scenario = args.get(++i);
                    if (!scenario.matches(SCENARIO_NUMBERS + "|all")) {
                        return error("--scenario needs " + SCENARIO_CHOICES + ", not \"" + scenario + "\"");
                    }
                }
                case "--store" -> {
                    if (i + 1 >= args.size()) {
                        return error("--store needs demo, redis, dynamodb or consul");
                    }
                    store = args.get(++i);
                    if (!store.matches("demo|redis|dynamodb|consul")) {
                        return error("--store needs demo, redis, dynamodb or consul, not \"" + store + "\"");
                    }
                }
                case "--help", "-h", "-help" -> {
                    return new CommandLine(null, false, false, false, true, false, null, null, null);
                }
                case "--version", "-version" -> {
                    return new CommandLine(null, false, false, false, false, true, null, null, null);
                }
                default -> {
                    if (arg.startsWith("--config=")) {
                        config = Path.of(arg.substring("--config=".length()));
                    } else {
                        return error("unknown argument \"" + arg + "\"");
                    }
                }
            }
        }
        if (scenario == null && !store.equals("demo")) {
            return error("--store only goes with --scenario");
        }
        return new CommandLine(config, allowMissing, fromEnv, simulator, false, false, scenario, store, null);
    }

    private static CommandLine error(String message) {
        return new CommandLine(null, false, false, false, false, false, null, null, message);
    }
}
