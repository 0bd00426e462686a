package io.rivulet.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.internal.graph.Transformation;

/**
 * A stream whose every element reaches every task of the operator it is connected to, with the broadcast
 * states it declares: {@code keyedStream.connect(rules.broadcast(serde, descriptor)).process(...)}. As in
 * Flink, the connected function can use only the broadcast states declared here; asking for another one fails.
 */
public final class BroadcastStream<T> {

    final Transformation transformation;
    final Serde<T> serde;
    final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(Transformation transformation, Serde<T> serde, List<MapStateDescriptor<?, ?>> descriptors) {
        this.transformation = transformation;
        this.serde = serde;
        this.descriptors = descriptors;
    }

    /** The names of the broadcast states the connected function may use. */
    Set<String> stateNames() {
        Set<String> names = new LinkedHashSet<>();
        descriptors.forEach(descriptor -> names.add(descriptor.name()));
        return names;
    }
}
