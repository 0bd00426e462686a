package io.rivulet.api.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.functions.RuntimeContext;
import io.rivulet.api.state.ValueState;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.serde.WriterSchemas;
import io.rivulet.testing.HarnessSnapshot;
import io.rivulet.testing.KeyedOperatorHarness;

/** Avro in single-object encoding, and Avro's schema resolution between the versions of a type. */
class AvroSerdeTest {

    private static final Schema V1 = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"AvroAccount\",\"namespace\":\"io.rivulet.api.serde\",\"fields\":["
                    + "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"balance\",\"type\":\"long\"}]}");

    private static GenericRecord v1(String owner, long balance) {
        GenericRecord account = new GenericData.Record(V1);
        account.put("owner", owner);
        account.put("balance", balance);
        return account;
    }

    @Test
    void aValueIsReadFromAvrosJsonEncodingAsAnInteractiveQueryGivesAKey() {
        GenericRecord account = Serdes.avro(V1).fromString("{\"owner\": \"ann\", \"balance\": 120}");
        assertThat(account).isEqualTo(v1("ann", 120));
        assertThat(Serdes.avro(AvroAccount.class)
                        .fromString("{\"owner\": \"bob\", \"balance\": 7, \"currency\": \"CHF\"}")
                        .owner)
                .hasToString("bob");
        assertThatThrownBy(() -> Serdes.avro(V1).fromString("{\"owner\": \"ann\"}"))
                .isInstanceOf(SerdeException.class)
                .hasMessageStartingWith("not an Avro io.rivulet.api.serde.AvroAccount in Avro's JSON encoding");
    }

    @Test
    void aValueCarriesItsWriterSchemasFingerprint() {
        byte[] bytes = Serdes.avro(V1).serialize(v1("ann", 120));
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(V1));
        assertThat(Serdes.avro(V1).fingerprint()).isEqualTo(fingerprint);
        GenericRecord back = Serdes.avro(V1).deserialize(bytes);
        assertThat(back.get("owner")).hasToString("ann");
        assertThat(back.get("balance")).isEqualTo(120L);
        assertThat(Serdes.avro(V1).serialize(v1("ann", 120))).isEqualTo(bytes);
    }

    @Test
    void aFieldAddedWithADefaultReadsFromOldValues() {
        byte[] old = Serdes.avro(V1).serialize(v1("ann", 120));
        AvroSerde<AvroAccount> current = Serdes.avro(AvroAccount.class).withWriterSchemas(V1);
        AvroAccount account = current.deserialize(old);
        assertThat(account).hasToString("ann:120 EUR");
        assertThat(current.type()).contains(AvroAccount.class);
        assertThat(current.deserialize(current.serialize(new AvroAccount("bob", 5, "CHF"))))
                .hasToString("bob:5 CHF");
    }

    @Test
    void aRemovedFieldIsSkipped() {
        Schema ownerOnly = new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"AvroAccount\",\"namespace\":\"io.rivulet.api.serde\",\"fields\":["
                                + "{\"name\":\"owner\",\"type\":\"string\"}]}");
        GenericRecord read = Serdes.avro(ownerOnly)
                .withWriterSchemas(V1)
                .deserialize(Serdes.avro(V1).serialize(v1("ann", 1)));
        assertThat(read.get("owner")).hasToString("ann");
        assertThat(read.getSchema().getField("balance")).isNull();
    }

    @Test
    void anIncompatibleChangeFailsNamingTheRecord() {
        Schema needsRegion = new Schema.Parser()
                .parse(
                        "{\"type\":\"record\",\"name\":\"AvroAccount\",\"namespace\":\"io.rivulet.api.serde\",\"fields\":["
                                + "{\"name\":\"owner\",\"type\":\"string\"},{\"name\":\"region\",\"type\":\"string\"}]}");
        AvroSerde<GenericRecord> reader = Serdes.avro(needsRegion).withWriterSchemas(V1);
        byte[] old = Serdes.avro(V1).serialize(v1("ann", 1));
        assertThatThrownBy(() -> reader.deserialize(old))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("not an Avro io.rivulet.api.serde.AvroAccount this schema can read")
                .hasMessageContaining("region");
    }

    @Test
    void aValueOfAnUnknownWriterSchemaFailsWithWhatToDo() {
        byte[] old = Serdes.avro(V1).serialize(v1("ann", 1));
        // A process that never wrote with V1 and was never told of it (by a control topic or a savepoint).
        WriterSchemas.forgetAll();
        assertThatThrownBy(() -> Serdes.avro(AvroAccount.class).deserialize(old))
                .isInstanceOf(SerdeException.class)
                .hasMessageContaining("written with a schema this serde does not know")
                .hasMessageContaining("withWriterSchemas");
    }

    @Test
    void aWriterSchemaThisProcessWroteWithIsFoundWithoutBeingNamed() {
        byte[] old = Serdes.avro(V1).serialize(v1("ann", 1));
        AvroAccount read = Serdes.avro(AvroAccount.class).deserialize(old);
        assertThat(read.owner.toString()).isEqualTo("ann");
    }

    /** Keeps the latest account of each owner and emits what the state held before. */
    static final class Latest<T> extends KeyedProcessFunction<String, T, String> {
        private static final long serialVersionUID = 1L;
        private final Serde<T> serde;
        private transient ValueState<T> latest;

        Latest(Serde<T> serde) {
            this.serde = serde;
        }

        @Override
        public void open(RuntimeContext context) {
            latest = context.getState(new ValueStateDescriptor<>("latest", serde));
        }

        @Override
        public void processElement(T value, Context ctx, Collector<String> out) {
            out.collect(String.valueOf(latest.value()));
            latest.update(value);
        }
    }

    /** State written by one version of a job is read by the next, whose record type gained a field. */
    @Test
    void stateEvolvesAcrossAnUpgrade() throws Exception {
        HarnessSnapshot snapshot;
        try (var v1 = KeyedOperatorHarness.of(
                account -> account.get("owner").toString(),
                Serdes.string(),
                Serdes.avro(V1),
                keyed -> keyed.process(new Latest<>(Serdes.avro(V1))).uid("accounts"))) {
            v1.processElement(v1("ann", 120), 1);
            v1.commit();
            snapshot = v1.snapshot();
        }
        AvroSerde<AvroAccount> current = Serdes.avro(AvroAccount.class).withWriterSchemas(V1);
        try (var v2 = KeyedOperatorHarness.of(
                account -> account.owner.toString(),
                Serdes.string(),
                current,
                keyed -> keyed.process(new Latest<>(current)).uid("accounts"))) {
            v2.restore(snapshot);
            v2.processElement(new AvroAccount("ann", 80, "CHF"), 2);
            assertThat(v2.output()).containsExactly("ann:120 EUR");
        }
    }
}
