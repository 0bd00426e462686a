package io.rivulet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.rivulet.state.savepoint.SavepointManifest;
import io.rivulet.state.savepoint.SavepointReader;
import io.rivulet.state.savepoint.TaskPosition;

/** {@code rivulet savepoint inspect <dir> [--verify]}: what a savepoint holds, read from its manifest. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Prints a savepoint's format version, tasks (input offsets, watermarks) and states"
                + " (entry counts, sizes).")
final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<dir>", description = "the savepoint directory")
    Path directory;

    @Option(
            names = "--verify",
            description = "also read every data file and check it against the manifest's counts and checksums")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SavepointReader reader = SavepointReader.open(directory);
        SavepointManifest manifest = reader.manifest();
        out.printf(
                "savepoint %s of application %s, format version %d, completed %s%n",
                manifest.id(), manifest.applicationId(), manifest.version(), manifest.created());
        out.printf("tasks: %d%n", manifest.tasks().size());
        for (TaskPosition task : manifest.tasks()) {
            StringBuilder offsets = new StringBuilder();
            new TreeMap<>(task.inputOffsets())
                    .forEach((partition, offset) ->
                            offsets.append(' ').append(partition).append('=').append(offset));
            out.printf(
                    "  %-8s watermark %s, next offsets:%s%n",
                    task.task(), task.watermark() == null ? "none" : task.watermark(), offsets);
        }
        out.printf("states: %d%n", manifest.states().size());
        for (SavepointManifest.State state : manifest.states()) {
            out.printf(
                    "  %s / %s: %d entries, %s (%s)%n",
                    state.operatorUid(), state.name(), state.entries(), size(state.bytes()), state.file());
        }
        if (verify) {
            long entries = 0;
            for (SavepointManifest.State state : manifest.states()) {
                long[] counted = {0};
                reader.forEach(state, entry -> counted[0]++);
                entries += counted[0];
            }
            out.printf("verified: %d entries, every data file matches the manifest%n", entries);
        }
        out.flush();
        return 0;
    }

    private static String size(long bytes) {
        Map.Entry<Long, String> unit = bytes >= 1L << 30
                ? Map.entry(1L << 30, "GiB")
                : bytes >= 1L << 20
                        ? Map.entry(1L << 20, "MiB")
                        : bytes >= 1L << 10 ? Map.entry(1L << 10, "KiB") : null;
        return unit == null ? bytes + " B" : String.format("%.1f %s", (double) bytes / unit.getKey(), unit.getValue());
    }
}
