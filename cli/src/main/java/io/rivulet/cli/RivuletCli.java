package io.rivulet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.rivulet.state.savepoint.SavepointWriter;

/**
 * The {@code rivulet} command: {@code java -jar cli/target/rivulet-cli.jar savepoint inspect <dir>}, {@code …
 * savepoint trigger --service <url> --target-dir <dir> [--stop]}.
 */
@Command(
        name = "rivulet",
        mixinStandardHelpOptions = true,
        version = "rivulet 0.1.0-SNAPSHOT, savepoint format " + SavepointWriter.FORMAT_VERSION,
        description = "Operates Rivulet services and their savepoints.",
        subcommands = {SavepointCommand.class})
public final class RivuletCli {

    private RivuletCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors a user can act on printed as one line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RivuletCli());
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            line.getErr().println("rivulet: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
            return 2;
        });
        return commandLine;
    }
}
