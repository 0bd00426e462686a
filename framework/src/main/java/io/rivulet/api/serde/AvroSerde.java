package io.rivulet.api.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import io.rivulet.internal.serde.WriterSchemas;

/**
 * Avro records in Avro's single-object encoding: the marker {@code C3 01}, the 8-byte CRC-64-AVRO fingerprint of
 * the writer's schema, then the binary data. Every value so says which schema wrote it, and is read with the
 * reader's schema by Avro's schema resolution: fields added with a default, or removed, read fine; a change
 * Avro cannot resolve fails with a {@link SerdeException} naming both schemas' records and Avro's reason.
 *
 * <p>A value written with another schema than the reader's needs that writer schema. In a running job the serde
 * finds it by itself: every schema a serde writes with is recorded in the application's control topic before its
 * first value is written, and carried by savepoints, so a job upgraded to a new schema reads what the old one
 * wrote. Outside a job, pass the schemas earlier versions wrote with {@link #withWriterSchemas}. A value whose
 * writer schema cannot be found fails with its fingerprint.
 *
 * @param <T> a generated {@link SpecificRecord} class, or {@link GenericRecord}
 */
public final class AvroSerde<T> implements Serde<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> specificType;
    private final String readerSchema;
    private final List<String> writerSchemas;
    private transient volatile Codec<T> codec;

    private AvroSerde(Class<T> specificType, String readerSchema, List<String> writerSchemas) {
        this.specificType = specificType;
        this.readerSchema = readerSchema;
        this.writerSchemas = List.copyOf(writerSchemas);
    }

    static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new AvroSerde<>(type, SpecificData.get().getSchema(type).toString(), List.of());
    }

    static AvroSerde<GenericRecord> generic(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        return new AvroSerde<>(null, schema.toString(), List.of());
    }

    /**
     * This serde, also reading values written with {@code schemas} (those of earlier versions of the type),
     * resolved into the reader's schema.
     */
    public AvroSerde<T> withWriterSchemas(Schema... schemas) {
        List<String> all = new ArrayList<>(writerSchemas);
        for (Schema schema : schemas) {
            all.add(schema.toString());
        }
        return new AvroSerde<>(specificType, readerSchema, all);
    }

    /** The schema this serde writes with and reads into. */
    public Schema schema() {
        return codec().schema;
    }

    /** The CRC-64-AVRO fingerprint every value this serde writes starts with (after the marker). */
    public long fingerprint() {
        return SchemaNormalization.parsingFingerprint64(schema());
    }

    @Override
    public Optional<Class<T>> type() {
        return Optional.ofNullable(specificType);
    }

    @Override
    public byte[] serialize(T value) {
        if (value == null) {
            return null;
        }
        Codec<T> current = codec();
        if (!current.recorded) {
            WriterSchemas.writingWith(current.schema);
            current.recorded = true;
        }
        try {
            ByteBuffer encoded = current.encoder.encode(value);
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException e) {
            throw new SerdeException(
                    "cannot write " + value.getClass().getName() + " as Avro "
                            + codec().schema.getFullName() + ": " + e.getMessage(),
                    e);
        }
    }

    @Override
    public T deserialize(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return codec().decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new SerdeException(
                    "an Avro value for " + codec().schema.getFullName()
                            + " was written with a schema this serde does not know (" + e.getMessage()
                            + "): give the writer's schema to withWriterSchemas(...)",
                    e);
        } catch (IOException | AvroRuntimeException e) {
            throw new SerdeException(
                    "not an Avro " + codec().schema.getFullName() + " this schema can read: " + e.getMessage(), e);
        }
    }

    /**
     * A value from Avro's JSON encoding in this serde's schema, such as {@code {"owner": "ann", "balance": 120}} for
     * a record (a union's branch is named, as Avro's JSON encoding does: {@code {"string": "x"}}).
     */
    @Override
    @SuppressWarnings("unchecked")
    public T fromString(String text) {
        Codec<T> current = codec();
        try {
            return (T) current.model
                    .createDatumReader(current.schema)
                    .read(null, DecoderFactory.get().jsonDecoder(current.schema, text));
        } catch (IOException | AvroRuntimeException e) {
            throw new SerdeException(
                    "not an Avro " + current.schema.getFullName() + " in Avro's JSON encoding: " + e.getMessage(), e);
        }
    }

    private Codec<T> codec() {
        Codec<T> current = codec;
        if (current == null) {
            current = new Codec<>(specificType, readerSchema, writerSchemas);
            codec = current;
        }
        return current;
    }

    /** The parsed schemas and Avro's encoder and decoder, both thread-safe, made once per copy of the serde. */
    private static final class Codec<T> {
        private final Schema schema;
        private final GenericData model;
        private final BinaryMessageEncoder<T> encoder;
        private final BinaryMessageDecoder<T> decoder;
        private volatile boolean recorded;

        Codec(Class<T> specificType, String readerSchema, List<String> writerSchemas) {
            this.model = specificType == null ? GenericData.get() : new SpecificData(specificType.getClassLoader());
            this.schema = new Schema.Parser().parse(readerSchema);
            this.encoder = new BinaryMessageEncoder<>(model, schema);
            this.decoder = new BinaryMessageDecoder<>(model, schema, WriterSchemas.STORE);
            for (String writer : writerSchemas) {
                decoder.addSchema(new Schema.Parser().parse(writer));
            }
        }
    }
}
