package io.rivulet.cli;

import picocli.CommandLine.Command;

/** {@code rivulet savepoint …}. */
@Command(
        name = "savepoint",
        mixinStandardHelpOptions = true,
        description = "Works with savepoints.",
        subcommands = {InspectCommand.class, TriggerCommand.class})
final class SavepointCommand {}
