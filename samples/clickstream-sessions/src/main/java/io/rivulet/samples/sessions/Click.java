package io.rivulet.samples.sessions;

import java.nio.charset.StandardCharsets;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.serde.SerdeException;
import io.rivulet.api.serde.Serdes;

/**
 * A click as read from {@code clicks}: {@code {"user": "...", "url": "...", "ts": <epoch ms>}}. The click keeps
 * the exact bytes it was read from, so that a late click reaches {@code late-clicks} unchanged.
 */
public record Click(String user, String url, long ts, byte[] json) {

    /** Reads and writes a click as its original JSON bytes. */
    public static final Serde<Click> SERDE = new ClickSerde();

    /** Parses {@code json}; a click without user or timestamp is rejected, naming what is missing. */
    public static Click parse(byte[] json) {
        Fields fields = Fields.SERDE.deserialize(json);
        if (fields.user() == null || fields.user().isBlank()) {
            throw new SerdeException("a click needs a \"user\": " + new String(json, StandardCharsets.UTF_8));
        }
        if (fields.ts() == null) {
            throw new SerdeException(
                    "a click needs a \"ts\" (epoch milliseconds): " + new String(json, StandardCharsets.UTF_8));
        }
        return new Click(fields.user(), fields.url(), fields.ts(), json);
    }

    /** The JSON fields of a click. */
    public record Fields(String user, String url, Long ts) {
        static final Serde<Fields> SERDE = Serdes.json(Fields.class);
    }

    private static final class ClickSerde implements Serde<Click> {

        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Click click) {
            return click == null ? null : click.json();
        }

        @Override
        public Click deserialize(byte[] bytes) {
            return bytes == null ? null : parse(bytes);
        }
    }
}
