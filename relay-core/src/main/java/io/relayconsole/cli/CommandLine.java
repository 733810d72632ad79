package io.relayconsole.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The headless relay's arguments, ld-relay's flags plus {@code --simulator}. {@code error} is set when the
 * arguments cannot be understood.
 */
record CommandLine(Path configFile, boolean allowMissingFile, boolean fromEnv, boolean simulator, boolean help,
                   boolean version, String error) {

    static final String USAGE = String.join("\n",
            "Usage: relay-console-relay [--config FILE] [--allow-missing-file] [--from-env] [--simulator]",
            "",
            "  --config FILE          read an ld-relay configuration file (default /etc/ld-relay.conf when no",
            "                         other source is given)",
            "  --allow-missing-file   do not fail when the --config file does not exist",
            "  --from-env             read ld-relay's environment variables (they override the file)",
            "  --simulator            run the built-in upstream with sample flags and connect to it",
            "  --version              print the version and exit",
            "  --help                 print this help and exit");

    static CommandLine parse(List<String> args) {
        Path config = null;
        boolean allowMissing = false;
        boolean fromEnv = false;
        boolean simulator = false;
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
                case "--help", "-h", "-help" -> {
                    return new CommandLine(null, false, false, false, true, false, null);
                }
                case "--version", "-version" -> {
                    return new CommandLine(null, false, false, false, false, true, null);
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
        return new CommandLine(config, allowMissing, fromEnv, simulator, false, false, null);
    }

    private static CommandLine error(String message) {
        return new CommandLine(null, false, false, false, false, false, message);
    }
}
