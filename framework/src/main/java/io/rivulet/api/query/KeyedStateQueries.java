package io.rivulet.api.query;

import java.util.Map;
import java.util.SortedMap;

import io.rivulet.api.state.MapStateDescriptor;
import io.rivulet.api.state.ValueStateDescriptor;

/**
 * Interactive queries of a running job's keyed state, from the service's own code: inject it into a REST resource
 * ({@code @Inject KeyedStateQueries queries}) or take it from {@code RunningJob#stateQueries()}. A state is named by
 * the uid of its operator and the descriptor the operator registered it with (the same name and serdes); keys are
 * the keys of the operator's keyed stream.
 *
 * <p>Every answer is read from committed state: the state as of the owning task's last commit, a whole commit or
 * none of it, never the open transaction — so it never shows a change that could still be aborted, and lags the
 * task by at most the commit interval. This instance answers for the keys it holds; for the others it says where
 * they are ({@link KeyQueryResult.HeldElsewhere}), and {@code GET /rivulet/api/state/<uid>/<state>?key=} on any
 * instance forwards there. During a rebalance an answer is the exact committed value or
 * {@link KeyQueryResult.Unavailable}, never the value of a task that already moved on. Safe to call from any
 * thread.
 */
public interface KeyedStateQueries {

    /** Where {@code key} of the operator with uid {@code uid} lives now. */
    <K> KeyLocation locate(String uid, K key);

    /** The committed value of {@code key} in a value state. */
    <K, V> KeyQueryResult<V> value(String uid, ValueStateDescriptor<V> state, K key);

    /** The committed entries of {@code key} in a map state, in map-key byte order; {@code Absent} if none. */
    <K, MK, MV> KeyQueryResult<Map<MK, MV>> map(String uid, MapStateDescriptor<MK, MV> state, K key);

    /**
     * The committed contents of {@code key}'s windows in the window operator with uid {@code uid}, in window order:
     * the windows that have not fired and been purged yet. {@code Absent} if the key has none.
     *
     * @param <C> what the operator keeps per window (see {@link WindowedContents#contents()})
     */
    <K, C> KeyQueryResult<java.util.List<WindowedContents<C>>> windows(String uid, K key);

    /**
     * The committed values of the keys in {@code [from, to)} that this instance holds, in key order: a range over
     * this instance's part of the state (ask every instance to cover all of it, as with Kafka Streams' local
     * stores). Tasks that restore or move are left out.
     */
    <K extends Comparable<K>, V> SortedMap<K, V> range(String uid, ValueStateDescriptor<V> state, K from, K to);

    /** The committed map entries of the keys in {@code [from, to)} that this instance holds, as {@link #range}. */
    <K extends Comparable<K>, MK, MV> SortedMap<K, Map<MK, MV>> rangeOfMaps(
            String uid, MapStateDescriptor<MK, MV> state, K from, K to);

    /**
     * These queries, also answered by a standby or warm-up replica on this instance when the key's task does not run
     * here ({@code ?allow-stale=true} over HTTP): such an answer is {@link KeyQueryResult.FoundOnReplica}, the key's
     * value as of some committed transaction of the task, behind its latest commit by the lag it reports. The task
     * answers where it runs here, as before. Ranges still read the tasks that run here only, so that asking every
     * instance covers each key once.
     */
    KeyedStateQueries allowingStale();
}
