package io.rivulet.state.savepoint;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The savepoint directory format: what is written reads back, and whatever is not intact is refused. */
class SavepointFormatTest {

    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static byte[] count(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** A savepoint with a keyed state of {@code words} entries and an operator state, completed. */
    private Path savepoint(int words) {
        Path directory = temp.resolve("sp");
        try (SavepointWriter writer = SavepointWriter.create(directory, "sp-1", "wordcount")) {
            writer.addTask(new TaskPosition("0_0", Map.of("lines-0", 40L), "wm1:99:99"));
            writer.addTask(new TaskPosition("0_1", Map.of("lines-1", 2L), null));
            try (var counts = writer.state("word-counts", "count")) {
                for (int i = 0; i < words; i++) {
                    counts.write(new SavepointEntry(bytes("word" + i), bytes("word" + i), count(i)));
                }
            }
            try (var offsets = writer.state("reader", "operator-list")) {
                offsets.write(new SavepointEntry(null, bytes("0"), bytes("a")));
            }
            writer.complete();
        }
        return directory;
    }

    private static List<SavepointEntry> entries(SavepointReader reader, String uid, String name) {
        List<SavepointEntry> entries = new ArrayList<>();
        reader.forEach(reader.state(uid, name).orElseThrow(), entries::add);
        return entries;
    }

    @Test
    void whatIsWrittenReadsBack() {
        SavepointReader reader = SavepointReader.open(savepoint(1_000));
        SavepointManifest manifest = reader.manifest();
        assertThat(manifest.version()).isEqualTo(SavepointWriter.FORMAT_VERSION);
        assertThat(manifest.id()).isEqualTo("sp-1");
        assertThat(manifest.applicationId()).isEqualTo("wordcount");
        assertThat(manifest.tasks())
                .containsExactly(
                        new TaskPosition("0_0", Map.of("lines-0", 40L), "wm1:99:99"),
                        new TaskPosition("0_1", Map.of("lines-1", 2L), null));
        assertThat(manifest.states())
                .extracting(SavepointManifest.State::operatorUid, SavepointManifest.State::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("word-counts", "count"),
                        org.assertj.core.groups.Tuple.tuple("reader", "operator-list"));
        List<SavepointEntry> counts = entries(reader, "word-counts", "count");
        assertThat(counts).hasSize(1_000);
        assertThat(counts.get(7).partitionKey()).isEqualTo(bytes("word7"));
        assertThat(counts.get(7).key()).isEqualTo(bytes("word7"));
        assertThat(counts.get(7).value()).isEqualTo(count(7));
        List<SavepointEntry> operatorState = entries(reader, "reader", "operator-list");
        assertThat(operatorState).singleElement().satisfies(entry -> {
            assertThat(entry.partitionKey()).isNull();
            assertThat(entry.value()).isEqualTo(bytes("a"));
        });
        assertThat(reader.state("word-counts", "gone")).isEmpty();
    }

    @Test
    void theManifestIsDocumentedJson() throws IOException {
        String json = Files.readString(savepoint(1).resolve("_manifest.json"));
        assertThat(json)
                .contains("\"format\" : \"rivulet-savepoint\"", "\"version\" : 1", "\"application-id\" : \"wordcount\"")
                .contains("\"input-offsets\" : {", "\"lines-0\" : 40", "\"operator-uid\" : \"word-counts\"")
                .contains("\"file\" : \"states/00000.bin\"", "\"crc32c\"");
    }

    @Test
    void aSavepointThatNeverCompletedIsRefused() {
        Path directory = temp.resolve("half");
        try (SavepointWriter writer = SavepointWriter.create(directory, "sp-2", "wordcount")) {
            writer.state("word-counts", "count").write(new SavepointEntry(bytes("a"), bytes("a"), count(1)));
        }
        assertThatThrownBy(() -> SavepointReader.open(directory))
                .isInstanceOf(SavepointFormatException.class)
                .hasMessageContaining("holds no _manifest.json")
                .hasMessageContaining("never completed");
    }

    @Test
    void aDamagedDataFileIsRefusedNamingIt() throws IOException {
        Path directory = savepoint(100);
        Path file = directory.resolve("states/00000.bin");
        byte[] data = Files.readAllBytes(file);
        data[data.length - 3] ^= 0x5a;
        Files.write(file, data);
        SavepointReader reader = SavepointReader.open(directory);
        assertThatThrownBy(() -> entries(reader, "word-counts", "count"))
                .isInstanceOf(SavepointFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("CRC-32C");
    }

    @Test
    void aTruncatedDataFileIsRefused() throws IOException {
        Path directory = savepoint(100);
        Path file = directory.resolve("states/00000.bin");
        byte[] data = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(data, data.length - 5));
        SavepointReader reader = SavepointReader.open(directory);
        assertThatThrownBy(() -> entries(reader, "word-counts", "count"))
                .isInstanceOf(SavepointFormatException.class)
                .hasMessageContaining("ends inside entry 99");
    }

    @Test
    void aNewerFormatVersionIsRefusedNamingTheVersions() throws IOException {
        Path directory = savepoint(1);
        Path manifest = directory.resolve("_manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"version\" : 1", "\"version\" : 7"));
        assertThatThrownBy(() -> SavepointReader.open(directory))
                .isInstanceOf(SavepointFormatException.class)
                .hasMessageContaining("format version 7")
                .hasMessageContaining("reads versions 1 to 1");
    }

    @Test
    void aSavepointGoesIntoANewOrEmptyDirectoryOnly() {
        Path directory = savepoint(1);
        assertThatThrownBy(() -> SavepointWriter.create(directory, "sp-3", "wordcount"))
                .isInstanceOf(SavepointFormatException.class)
                .hasMessageContaining("is not empty");
    }

    @Test
    void eachStateIsWrittenOnceAndOneAtATime() {
        try (SavepointWriter writer = SavepointWriter.create(temp.resolve("twice"), "sp-4", "wordcount")) {
            var first = writer.state("word-counts", "count");
            assertThatThrownBy(() -> writer.state("other", "state"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("close the state word-counts/count");
            first.close();
            assertThatThrownBy(() -> writer.state("word-counts", "count"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("in the savepoint already");
        }
    }
}
