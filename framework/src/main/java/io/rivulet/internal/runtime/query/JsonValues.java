package io.rivulet.internal.runtime.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.apache.avro.generic.GenericContainer;

/** Values of state as JSON: Avro records as Avro renders them, everything else as Jackson does. */
final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValues() {}

    static JsonNode of(Object value) {
        if (value instanceof GenericContainer avro) {
            try {
                return JSON.readTree(avro.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (value instanceof byte[] bytes) {
            return TextNode.valueOf(Base64.getEncoder().encodeToString(bytes));
        }
        return JSON.valueToTree(value);
    }
}
