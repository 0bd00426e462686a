package io.rivulet.internal.runtime.window;

import io.rivulet.api.serde.Serde;
import io.rivulet.internal.runtime.state.TaskServices;

/** Window contents stored as one value per namespace, encoded by a serde. */
public abstract class StoredWindowContents<C> implements WindowContents {

    private final TaskServices services;
    private final String stateName;
    private final Serde<C> serde;

    public StoredWindowContents(TaskServices services, String stateName, Serde<C> serde) {
        this.services = services;
        this.stateName = stateName;
        this.serde = serde;
    }

    /** Reads a stored value: what interactive queries of the window's contents decode with. */
    public final Serde<C> serde() {
        return serde;
    }

    @Override
    public final C get(byte[] namespace) {
        byte[] bytes = services.state().get(stateName, namespace);
        return bytes == null ? null : serde.deserialize(bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final void put(byte[] namespace, Object contents) {
        services.state().put(stateName, namespace, serde.serialize((C) contents));
    }

    @Override
    public final void clear(byte[] namespace) {
        services.state().delete(stateName, namespace);
    }
}
