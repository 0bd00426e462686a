package io.rivulet.internal.runtime.window;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rivulet.api.serde.Serde;
import io.rivulet.api.windowing.assigners.MergingWindowAssigner;
import io.rivulet.api.windowing.windows.Window;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.state.StateKeys;

/**
 * The windows of one key of a merging assigner (sessions), as keyed state. Unlike Flink, which keeps a
 * mapping to the state window of a merge, merged windows here move their contents into the merge result, so
 * a window's state is always under its own namespace.
 */
public final class MergingWindowSet {

    /** Told when windows merge, before their contents move. */
    @FunctionalInterface
    public interface MergeFunction {
        void merge(Window mergeResult, Collection<Window> mergedWindows) throws Exception;
    }

    private final TaskServices services;
    private final String stateName;
    private final MergingWindowAssigner<Object, Window> assigner;
    private final Serde<Window> windowSerde;

    public MergingWindowSet(
            TaskServices services,
            String stateName,
            MergingWindowAssigner<Object, Window> assigner,
            Serde<Window> windowSerde) {
        this.services = services;
        this.stateName = stateName;
        this.assigner = assigner;
        this.windowSerde = windowSerde;
    }

    /** The windows of {@code key}, as a list to update and {@link #store}. */
    public List<Window> load(byte[] key) {
        List<Window> windows = new ArrayList<>();
        byte[] bytes = services.state().get(stateName, StateKeys.keyed(key));
        if (bytes != null) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                byte[] window = new byte[buffer.getInt()];
                buffer.get(window);
                windows.add(windowSerde.deserialize(window));
            }
        }
        return windows;
    }

    public void store(byte[] key, List<Window> windows) {
        if (windows.isEmpty()) {
            services.state().delete(stateName, StateKeys.keyed(key));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Window window : windows) {
            byte[] bytes = windowSerde.serialize(window);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        services.state().put(stateName, StateKeys.keyed(key), out.toByteArray());
    }

    /**
     * Adds {@code newWindow} to {@code windows}, merging as the assigner says, and returns the window the
     * new one ended up in: itself, or the result of a merge. {@code onMerge} hears of every merge that
     * involves an existing window (the new window has no state yet).
     */
    public Window add(List<Window> windows, Window newWindow, MergeFunction onMerge) throws Exception {
        List<Window> all = new ArrayList<>(windows);
        all.add(newWindow);
        Map<Window, List<Window>> merges = new LinkedHashMap<>();
        assigner.mergeWindows(all, (toBeMerged, mergeResult) -> merges.put(mergeResult, new ArrayList<>(toBeMerged)));
        Window result = newWindow;
        boolean mergedNew = false;
        for (Map.Entry<Window, List<Window>> merge : merges.entrySet()) {
            Window mergeResult = merge.getKey();
            List<Window> merged = merge.getValue();
            if (merged.remove(newWindow)) {
                mergedNew = true;
                result = mergeResult;
            }
            windows.removeAll(merged);
            if (!windows.contains(mergeResult)) {
                windows.add(mergeResult);
            }
            boolean onlyGrewIntoItself = merged.size() == 1 && merged.contains(mergeResult);
            if (!onlyGrewIntoItself) {
                onMerge.merge(mergeResult, merged);
            }
        }
        if (!mergedNew && !windows.contains(newWindow)) {
            windows.add(newWindow);
        }
        return result;
    }
}
