package io.rivulet.api.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a keyed state of an operator. The name is what the changelog and savepoints match on: keep it stable
 * across versions of the job. Names are unique per operator, whatever the state's kind.
 */
public abstract class StateDescriptor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private StateTtlConfig ttl;

    protected StateDescriptor(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state needs a name");
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException("state name '" + name + "' must not contain '/'");
        }
        this.name = name;
    }

    public final String name() {
        return name;
    }

    /**
     * Gives the state a time to live: values (for list and map state, each entry) expire {@code ttl} after
     * their last write (or access), by the processing-time clock.
     */
    public final void enableTimeToLive(StateTtlConfig config) {
        this.ttl = Objects.requireNonNull(config, "config");
    }

    /** The time-to-live settings, or null if the state never expires. */
    public final StateTtlConfig ttl() {
        return ttl;
    }
}
