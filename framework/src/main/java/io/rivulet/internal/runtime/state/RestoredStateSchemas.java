package io.rivulet.internal.runtime.state;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.rivulet.api.serde.Serde;

/**
 * The writer schemas a restore recorded, looked up by state name, with each state checked once: window and
 * trigger state is asked for on every record, and a schema compatibility check is not per-record work.
 */
public final class RestoredStateSchemas implements StateSchemas {

    private final Function<String, List<String>> lookup;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();

    public RestoredStateSchemas(Function<String, List<String>> lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<String> writerSchemasOf(String stateName) {
        return lookup.apply(stateName);
    }

    @Override
    public void check(String stateName, Serde<?> serde) {
        if (!checked.contains(stateName)) {
            StateSchemas.super.check(stateName, serde);
            checked.add(stateName);
        }
    }
}
