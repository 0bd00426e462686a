package io.rivulet.internal.serde;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * The Avro writer schemas this process knows, by their CRC-64-AVRO fingerprint: the ones its serdes write with,
 * the ones its applications' control topics recorded, the ones restored savepoints carry. A fingerprint names
 * one schema wherever it is used, so one registry serves every application in the process. A serde writing
 * with a schema for the first time records it (through the listeners, in the control topic) before its first
 * value leaves, so any later reader of that value — another instance, a restored job — can resolve it.
 */
public final class WriterSchemas {

    private static final Map<Long, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final List<Consumer<Schema>> LISTENERS = new CopyOnWriteArrayList<>();

    /** Avro's resolver interface over this registry, for decoders. */
    public static final SchemaStore STORE = WriterSchemas::find;

    private WriterSchemas() {}

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint as the savepoint format and the control topic spell it: 16 hex digits. */
    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }

    public static Schema find(long fingerprint) {
        return SCHEMAS.get(fingerprint);
    }

    /** Learns a schema (from a control topic, a savepoint) without telling the listeners. */
    public static void learn(Schema schema) {
        SCHEMAS.putIfAbsent(fingerprint(schema), schema);
    }

    /** A serde is about to write with {@code schema}: records it, telling the listeners the first time. */
    public static void writingWith(Schema schema) {
        if (SCHEMAS.putIfAbsent(fingerprint(schema), schema) == null) {
            LISTENERS.forEach(listener -> listener.accept(schema));
        }
    }

    /** Tells {@code listener} of every schema a serde starts writing with, and of those known already. */
    public static void addListener(Consumer<Schema> listener) {
        LISTENERS.add(listener);
        SCHEMAS.values().forEach(listener);
    }

    public static void removeListener(Consumer<Schema> listener) {
        LISTENERS.remove(listener);
    }

    /** Forgets every schema: what a new process knows, for tests that stand in for one. */
    public static void forgetAll() {
        SCHEMAS.clear();
    }
}
