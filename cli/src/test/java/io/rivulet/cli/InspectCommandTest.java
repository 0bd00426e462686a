package io.rivulet.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.rivulet.state.savepoint.SavepointEntry;
import io.rivulet.state.savepoint.SavepointWriter;
import io.rivulet.state.savepoint.TaskPosition;

/** {@code rivulet savepoint inspect}, run as a user runs it, on a savepoint written by the format's writer. */
class InspectCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = RivuletCli.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private Path savepoint() {
        Path directory = temp.resolve("sp");
        try (SavepointWriter writer = SavepointWriter.create(directory, "sp-7", "wordcount")) {
            writer.addTask(new TaskPosition("0_0", Map.of("lines-0", 40L, "lines-2", 3L), "wm1:99:99"));
            try (var counts = writer.state("word-counts", "count")) {
                for (int i = 0; i < 3_000; i++) {
                    byte[] word = ("word" + i).getBytes(UTF_8);
                    counts.write(new SavepointEntry(word, word, new byte[8]));
                }
            }
            writer.complete();
        }
        return directory;
    }

    @Test
    void printsTheVersionTasksAndStates() {
        int exit = run("savepoint", "inspect", savepoint().toString(), "--verify");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("savepoint sp-7 of application wordcount, format version 1, completed ")
                .contains("tasks: 1")
                .contains("0_0      watermark wm1:99:99, next offsets: lines-0=40 lines-2=3")
                .contains("states: 1")
                .containsPattern("word-counts / count: 3000 entries, 10\\d\\.\\d KiB \\(states/00000\\.bin\\)")
                .contains("verified: 3000 entries, every data file matches the manifest");
    }

    @Test
    void aDamagedSavepointFailsVerificationWithItsReason() throws IOException {
        Path directory = savepoint();
        Path file = directory.resolve("states/00000.bin");
        byte[] data = Files.readAllBytes(file);
        data[100] ^= 1;
        Files.write(file, data);
        assertThat(run("savepoint", "inspect", directory.toString())).isZero();
        assertThat(run("savepoint", "inspect", directory.toString(), "--verify"))
                .isEqualTo(2);
        assertThat(err.toString())
                .startsWith("rivulet: the savepoint data file ")
                .contains("is damaged");
    }

    @Test
    void aDirectoryThatIsNoSavepointIsNamed() {
        assertThat(run("savepoint", "inspect", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("holds no _manifest.json");
    }
}
