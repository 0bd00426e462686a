package io.rivulet.internal.runtime;

import io.rivulet.api.serde.Serde;

/** Window contents stored as one value per namespace, encoded by a serde. */
abstract class StoredWindowContents<C> implements WindowContents {

    private final TaskContext context;
    private final String stateName;
    private final Serde<C> serde;

    StoredWindowContents(TaskContext context, String stateName, Serde<C> serde) {
        this.context = context;
        this.stateName = stateName;
        this.serde = serde;
    }

    @Override
    public final C get(byte[] namespace) {
        byte[] bytes = context.state().get(stateName, namespace);
        return bytes == null ? null : serde.deserialize(bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final void put(byte[] namespace, Object contents) {
        context.state().put(stateName, namespace, serde.serialize((C) contents));
    }

    @Override
    public final void clear(byte[] namespace) {
        context.state().delete(stateName, namespace);
    }
}
