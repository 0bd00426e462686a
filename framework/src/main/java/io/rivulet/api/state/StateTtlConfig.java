package io.rivulet.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time to live of a keyed state, as in Flink: a value expires {@code ttl} after it was last written (or also
 * read, with {@link UpdateType#OnReadAndWrite}), by the processing-time clock. Expired values are removed when
 * read, and by a periodic sweep with {@link Builder#cleanupInBackground(Duration)}; the removals are state
 * changes like any other, committed and in the changelog.
 */
public final class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What refreshes a value's time to live. */
    public enum UpdateType {
        /** Creating and writing the value. */
        OnCreateAndWrite,
        /** Writing and reading the value. */
        OnReadAndWrite
    }

    /** Whether an expired value that is still stored may be returned. */
    public enum StateVisibility {
        /** Never: an expired value reads as absent. */
        NeverReturnExpired,
        /** Returned once, by the read that finds it expired and removes it. */
        ReturnExpiredIfNotCleanedUp
    }

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility visibility;
    private final Duration cleanupInterval;

    private StateTtlConfig(Builder builder) {
        this.ttl = builder.ttl;
        this.updateType = builder.updateType;
        this.visibility = builder.visibility;
        this.cleanupInterval = builder.cleanupInterval;
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public Duration ttl() {
        return ttl;
    }

    public UpdateType updateType() {
        return updateType;
    }

    public StateVisibility stateVisibility() {
        return visibility;
    }

    /** How often expired values are swept out, or null for cleanup on read only. */
    public Duration cleanupInterval() {
        return cleanupInterval;
    }

    /** Builds a {@link StateTtlConfig}; defaults: {@code OnCreateAndWrite}, {@code NeverReturnExpired}. */
    public static final class Builder {

        private final Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility visibility = StateVisibility.NeverReturnExpired;
        private Duration cleanupInterval;

        private Builder(Duration ttl) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("a time to live must be positive, got " + ttl);
            }
            this.ttl = ttl;
        }

        public Builder setUpdateType(UpdateType type) {
            this.updateType = Objects.requireNonNull(type, "type");
            return this;
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.visibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        /** Sweeps expired values out of the whole state every {@code interval} of processing time. */
        public Builder cleanupInBackground(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a cleanup interval must be positive, got " + interval);
            }
            this.cleanupInterval = interval;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(this);
        }
    }
}
