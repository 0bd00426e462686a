package io.rivulet.api.serde;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/** The built-in serdes. */
public final class Serdes {

    private Serdes() {}

    /** UTF-8 strings. Bytes that are not valid UTF-8 fail with a {@link SerdeException} instead of turning into U+FFFD. */
    public static Serde<String> string() {
        return StringSerde.INSTANCE;
    }

    /** 8-byte big-endian longs, as Kafka's {@code LongSerializer}. */
    public static Serde<Long> longs() {
        return LongSerde.INSTANCE;
    }

    /** 4-byte big-endian integers, as Kafka's {@code IntegerSerializer}. */
    public static Serde<Integer> integers() {
        return IntegerSerde.INSTANCE;
    }

    /** Bytes as they are. */
    public static Serde<byte[]> bytes() {
        return BytesSerde.INSTANCE;
    }

    /** JSON through Jackson for a user type (a record or a bean). */
    public static <T> Serde<T> json(Class<T> type) {
        return new JsonSerde<>(type);
    }

    /** Avro specific records of {@code type}, in Avro's single-object encoding: see {@link AvroSerde}. */
    public static <T extends SpecificRecord> AvroSerde<T> avro(Class<T> type) {
        return AvroSerde.specific(type);
    }

    /** Avro generic records read with {@code schema}, in Avro's single-object encoding: see {@link AvroSerde}. */
    public static AvroSerde<GenericRecord> avro(Schema schema) {
        return AvroSerde.generic(schema);
    }

    private enum StringSerde implements Serde<String> {
        INSTANCE;

        @Override
        public Optional<Class<String>> type() {
            return Optional.of(String.class);
        }

        // A strict decoder is costly to create; each thread keeps one (decode() resets it).
        private static final ThreadLocal<CharsetDecoder> DECODERS = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));

        @Override
        public byte[] serialize(String value) {
            return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                CharBuffer chars = DECODERS.get().decode(ByteBuffer.wrap(bytes));
                return chars.toString();
            } catch (CharacterCodingException e) {
                throw new SerdeException("not valid UTF-8: " + bytes.length + " bytes", e);
            }
        }
    }

    private enum LongSerde implements Serde<Long> {
        INSTANCE;

        @Override
        public Optional<Class<Long>> type() {
            return Optional.of(Long.class);
        }

        @Override
        public byte[] serialize(Long value) {
            return value == null
                    ? null
                    : ByteBuffer.allocate(Long.BYTES).putLong(value).array();
        }

        @Override
        public Long deserialize(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != Long.BYTES) {
                throw new SerdeException("a long takes 8 bytes, not " + bytes.length);
            }
            return ByteBuffer.wrap(bytes).getLong();
        }

        @Override
        public Long fromString(String text) {
            try {
                return Long.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new SerdeException("'" + text + "' is not a long");
            }
        }
    }

    private enum IntegerSerde implements Serde<Integer> {
        INSTANCE;

        @Override
        public Optional<Class<Integer>> type() {
            return Optional.of(Integer.class);
        }

        @Override
        public byte[] serialize(Integer value) {
            return value == null
                    ? null
                    : ByteBuffer.allocate(Integer.BYTES).putInt(value).array();
        }

        @Override
        public Integer deserialize(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            if (bytes.length != Integer.BYTES) {
                throw new SerdeException("an integer takes 4 bytes, not " + bytes.length);
            }
            return ByteBuffer.wrap(bytes).getInt();
        }

        @Override
        public Integer fromString(String text) {
            try {
                return Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new SerdeException("'" + text + "' is not an integer");
            }
        }
    }

    private enum BytesSerde implements Serde<byte[]> {
        INSTANCE;

        @Override
        public Optional<Class<byte[]>> type() {
            return Optional.of(byte[].class);
        }

        @Override
        public byte[] serialize(byte[] value) {
            return value;
        }

        @Override
        public byte[] deserialize(byte[] bytes) {
            return bytes;
        }
    }
}
