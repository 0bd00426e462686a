package io.rivulet.state.savepoint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The manifest as JSON, with the documented field names spelled out here rather than derived from Java names,
 * so that renaming a Java field can never change the format.
 */
final class ManifestJson {

    static final String FILE = "_manifest.json";
    private static final String FORMAT = "rivulet-savepoint";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestJson() {}

    static byte[] write(SavepointManifest manifest) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", manifest.version());
        root.put("id", manifest.id());
        root.put("application-id", manifest.applicationId());
        root.put("created", manifest.created().toString());
        ArrayNode tasks = root.putArray("tasks");
        for (TaskPosition task : manifest.tasks()) {
            ObjectNode node = tasks.addObject();
            node.put("task", task.task());
            ObjectNode offsets = node.putObject("input-offsets");
            task.inputOffsets().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(offset -> offsets.put(offset.getKey(), offset.getValue()));
            node.put("watermark", task.watermark());
        }
        ArrayNode states = root.putArray("states");
        for (SavepointManifest.State state : manifest.states()) {
            ObjectNode node = states.addObject();
            node.put("operator-uid", state.operatorUid());
            node.put("state", state.name());
            node.put("file", state.file());
            node.put("entries", state.entries());
            node.put("bytes", state.bytes());
            node.put("crc32c", state.crc32c());
            ArrayNode writers = node.putArray("writer-schemas");
            state.writerSchemas().forEach(writers::add);
        }
        ObjectNode schemas = root.putObject("schemas");
        new TreeMap<>(manifest.schemas()).forEach(schemas::put);
        return MAPPER.writeValueAsBytes(root);
    }

    static SavepointManifest read(Path directory, byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new SavepointFormatException(directory.resolve(FILE) + " is not a Rivulet savepoint manifest");
            }
            int version = required(root, "version").asInt();
            if (version < 1 || version > SavepointWriter.FORMAT_VERSION) {
                throw new SavepointFormatException("the savepoint " + directory + " has format version " + version
                        + "; this version of Rivulet reads versions 1 to " + SavepointWriter.FORMAT_VERSION);
            }
            List<TaskPosition> tasks = new ArrayList<>();
            for (JsonNode task : required(root, "tasks")) {
                Map<String, Long> offsets = new LinkedHashMap<>();
                required(task, "input-offsets")
                        .fields()
                        .forEachRemaining(offset ->
                                offsets.put(offset.getKey(), offset.getValue().asLong()));
                JsonNode watermark = task.path("watermark");
                tasks.add(new TaskPosition(
                        required(task, "task").asText(), offsets, watermark.isNull() ? null : watermark.asText()));
            }
            List<SavepointManifest.State> states = new ArrayList<>();
            for (JsonNode state : required(root, "states")) {
                states.add(new SavepointManifest.State(
                        required(state, "operator-uid").asText(),
                        required(state, "state").asText(),
                        required(state, "file").asText(),
                        required(state, "entries").asLong(),
                        required(state, "bytes").asLong(),
                        required(state, "crc32c").asLong(),
                        strings(state.path("writer-schemas"))));
            }
            Map<String, String> schemas = new LinkedHashMap<>();
            root.path("schemas")
                    .fields()
                    .forEachRemaining(schema ->
                            schemas.put(schema.getKey(), schema.getValue().asText()));
            return new SavepointManifest(
                    version,
                    required(root, "id").asText(),
                    required(root, "application-id").asText(),
                    Instant.parse(required(root, "created").asText()),
                    tasks,
                    states,
                    schemas);
        } catch (IOException | DateTimeParseException e) {
            throw new SavepointFormatException("the manifest of the savepoint " + directory + " cannot be read", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isMissingNode()) {
            throw new SavepointFormatException("a savepoint manifest lacks the field \"" + field + "\"");
        }
        return value;
    }
}
