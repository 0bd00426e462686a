package io.rivulet.internal.runtime.state;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

import io.rivulet.api.serde.AvroSerde;
import io.rivulet.api.serde.Serde;
import io.rivulet.internal.serde.WriterSchemas;
import io.rivulet.internal.state.StateNames;

/**
 * The Avro writer schemas a restored savepoint recorded for each state, and the check a state's serde passes
 * when its operator opens it: an Avro serde whose schema cannot read what the state was written with fails the
 * start-up naming the state, rather than the first record that touches an old value.
 */
@FunctionalInterface
public interface StateSchemas {

    StateSchemas NONE = stateName -> List.of();

    /** The fingerprints (16 hex digits) of the writer schemas of the state's restored values. */
    List<String> writerSchemasOf(String stateName);

    /** @throws IllegalStateException naming the state if {@code serde} cannot read one of its writer schemas */
    default void check(String stateName, Serde<?> serde) {
        if (!(serde instanceof AvroSerde<?> avro)) {
            return;
        }
        for (String fingerprint : writerSchemasOf(stateName)) {
            Schema writer = WriterSchemas.find(Long.parseUnsignedLong(fingerprint, 16));
            if (writer == null) {
                continue;
            }
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(avro.schema(), writer);
            if (compatibility.getType() == SchemaCompatibilityType.INCOMPATIBLE) {
                StringBuilder why = new StringBuilder();
                for (SchemaCompatibility.Incompatibility incompatibility :
                        compatibility.getResult().getIncompatibilities()) {
                    SchemaIncompatibilityType type = incompatibility.getType();
                    why.append(why.length() == 0 ? "" : "; ")
                            .append(type)
                            .append(" at ")
                            .append(incompatibility.getLocation())
                            .append(": ")
                            .append(incompatibility.getMessage());
                }
                throw new IllegalStateException("state '" + StateNames.nameOf(stateName) + "' of operator uid '"
                        + StateNames.uidOf(stateName) + "' cannot read the values it was restored with: its Avro"
                        + " schema " + avro.schema().getFullName() + " (" + WriterSchemas.hex(avro.fingerprint())
                        + ") cannot read values written with schema " + fingerprint + " (" + why
                        + "). Give the new field a default, or keep the type compatible");
            }
        }
    }
}
