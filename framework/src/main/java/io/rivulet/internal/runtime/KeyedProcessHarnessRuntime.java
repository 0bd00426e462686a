package io.rivulet.internal.runtime;

import java.util.ArrayList;
import java.util.List;

import io.rivulet.api.functions.KeyedProcessFunction;
import io.rivulet.api.serde.Serde;
import io.rivulet.state.InMemoryStateBackend;
import io.rivulet.state.TaskStateStore;

/**
 * Runs one keyed process function the way a task does — a copy per task, staged state per element, the
 * transactional store underneath — without Kafka, for {@code io.rivulet.testing}.
 */
public final class KeyedProcessHarnessRuntime<K, I, O> implements AutoCloseable {

    private static final String TASK = "0_0";

    private final KeyedProcessFunction<Object, Object, Object> function;
    private final Serde<K> keySerde;
    private final InMemoryStateBackend backend = new InMemoryStateBackend();
    private final List<O> output = new ArrayList<>();
    private TaskStateStore store;
    private TaskContext context;
    private KeyedProcessNode node;

    @SuppressWarnings("unchecked")
    public KeyedProcessHarnessRuntime(KeyedProcessFunction<K, I, O> function, Serde<K> keySerde) throws Exception {
        this.function = (KeyedProcessFunction<Object, Object, Object>) (KeyedProcessFunction<?, ?, ?>) function;
        this.keySerde = keySerde;
        open();
    }

    private void open() throws Exception {
        store = backend.open(TASK);
        context = new TaskContext(new TaskId(0, 0), new RecordState(store));
        node = new KeyedProcessNode("harness", "harness", FunctionCopies.copy(function, "harness"), context);
        node.addChild(new ProcessorNode("collector") {
            @Override
            @SuppressWarnings("unchecked")
            void process(Object element) {
                output.add((O) element);
            }
        });
        node.open();
    }

    /** Processes one element; its state changes and output are discarded if the function throws. */
    public List<O> processElement(K key, I value, long timestamp) throws Exception {
        int before = output.size();
        context.timestamp(timestamp);
        context.currentKey(key, keySerde.serialize(key));
        try {
            node.process(value);
        } catch (Exception e) {
            context.state().discardRecord();
            output.subList(before, output.size()).clear();
            throw e instanceof DownstreamException && e.getCause() instanceof Exception cause ? cause : e;
        }
        context.state().commitRecord();
        return List.copyOf(output.subList(before, output.size()));
    }

    public List<O> output() {
        return List.copyOf(output);
    }

    /** Commits the state of the elements processed so far, as a transaction commit does. */
    public void commit() {
        store.commit(java.util.Map.of());
    }

    /**
     * Closes the function and opens a fresh copy over the committed state, dropping what was not committed:
     * what a crash and restore looks like to the function.
     */
    public void restart() throws Exception {
        node.close();
        store.close();
        open();
    }

    @Override
    public void close() throws Exception {
        node.close();
        store.close();
        backend.close();
    }
}
