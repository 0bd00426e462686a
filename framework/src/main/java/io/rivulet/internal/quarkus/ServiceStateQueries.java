package io.rivulet.internal.quarkus;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rivulet.api.query.KeyLocation;
import io.rivulet.api.query.KeyQueryResult;
import io.rivulet.api.query.KeyedStateQueries;
import io.rivulet.api.query.WindowedContents;
import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ValueStateDescriptor;
import io.rivulet.internal.runtime.StreamsRuntime;

/**
 * The {@link KeyedStateQueries} a service injects: those of its running job. Before the job runs, a key is
 * {@link KeyQueryResult.Unavailable} and a range fails, rather than looking empty.
 */
@ApplicationScoped
public class ServiceStateQueries implements KeyedStateQueries {

    private static final String NOT_STARTED = "the job has not started";

    @Inject
    RivuletService service;

    /** What the running job's queries are, of these: all of them, or the ones that allow stale answers. */
    private final Function<StreamsRuntime, KeyedStateQueries> select;

    public ServiceStateQueries() {
        this.select = StreamsRuntime::stateQueries;
    }

    private ServiceStateQueries(RivuletService service, Function<StreamsRuntime, KeyedStateQueries> select) {
        this.service = service;
        this.select = select;
    }

    @Override
    public KeyedStateQueries allowingStale() {
        return new ServiceStateQueries(service, runtime -> select.apply(runtime).allowingStale());
    }

    @Override
    public <K> KeyLocation locate(String uid, K key) {
        StreamsRuntime runtime = service.runtime();
        return runtime == null
                ? new KeyLocation.Unknown(NOT_STARTED)
                : select.apply(runtime).locate(uid, key);
    }

    @Override
    public <K, V> KeyQueryResult<V> value(String uid, ValueStateDescriptor<V> state, K key) {
        StreamsRuntime runtime = service.runtime();
        return runtime == null
                ? new KeyQueryResult.Unavailable<>(NOT_STARTED)
                : select.apply(runtime).value(uid, state, key);
    }

    @Override
    public <K, MK, MV> KeyQueryResult<Map<MK, MV>> map(String uid, MapStateDescriptor<MK, MV> state, K key) {
        StreamsRuntime runtime = service.runtime();
        return runtime == null
                ? new KeyQueryResult.Unavailable<>(NOT_STARTED)
                : select.apply(runtime).map(uid, state, key);
    }

    @Override
    public <K, C> KeyQueryResult<List<WindowedContents<C>>> windows(String uid, K key) {
        StreamsRuntime runtime = service.runtime();
        return runtime == null
                ? new KeyQueryResult.Unavailable<>(NOT_STARTED)
                : select.apply(runtime).windows(uid, key);
    }

    @Override
    public <K extends Comparable<K>, V> SortedMap<K, V> range(String uid, ValueStateDescriptor<V> state, K from, K to) {
        return select.apply(running()).range(uid, state, from, to);
    }

    @Override
    public <K extends Comparable<K>, MK, MV> SortedMap<K, Map<MK, MV>> rangeOfMaps(
            String uid, MapStateDescriptor<MK, MV> state, K from, K to) {
        return select.apply(running()).rangeOfMaps(uid, state, from, to);
    }

    private StreamsRuntime running() {
        StreamsRuntime runtime = service.runtime();
        if (runtime == null) {
            throw new IllegalStateException(NOT_STARTED);
        }
        return runtime;
    }
}
