package io.rivulet.internal.runtime.node;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.rivulet.internal.runtime.state.TaskId;
import io.rivulet.internal.runtime.state.TaskServices;

/**
 * The operator instances of one task in topological order, and how an element or a round of timers runs
 * through them: all or nothing, with every staged effect committed to the open transaction or dropped. The
 * task and the test harnesses both run their operators through this, so the two cannot drift apart.
 */
public final class OperatorChain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorChain.class);

    private final List<ProcessorNode> nodes;
    private final TaskServices services;

    public OperatorChain(List<ProcessorNode> nodes, TaskServices services) {
        this.nodes = List.copyOf(nodes);
        this.services = services;
    }

    public TaskServices services() {
        return services;
    }

    public void open() throws Exception {
        for (ProcessorNode node : nodes) {
            node.open();
        }
    }

    /**
     * Runs {@code record} through {@code root} and what follows it. If any operator throws, every effect of the
     * record is dropped and the operator's exception (not the runtime's wrapper) is rethrown.
     */
    public void process(ProcessorNode root, StreamRecord record) throws Exception {
        try {
            root.process(record);
        } catch (Exception e) {
            services.effects().discardRecord();
            throw unwrap(e);
        }
        services.effects().commitRecord();
    }

    /**
     * Fires, operator by operator in topological order, the event-time timers up to {@code watermark} (when
     * {@code eventTimeAdvanced}) and, when {@code processingTimeAdvanced}, the processing-time timers up to
     * {@code now}, then sweeps the expired state of every keyed operator; the effects join the open transaction.
     */
    public void advanceTime(long watermark, boolean eventTimeAdvanced, long now, boolean processingTimeAdvanced)
            throws Exception {
        try {
            for (ProcessorNode node : nodes) {
                if (eventTimeAdvanced) {
                    node.onWatermark(watermark);
                }
                if (processingTimeAdvanced) {
                    node.onProcessingTime(now);
                }
            }
            if (processingTimeAdvanced) {
                services.sweeper().sweep(now);
            }
        } catch (Exception e) {
            services.effects().discardRecord();
            throw unwrap(e);
        }
        services.effects().commitRecord();
    }

    /** Drops the staged effects of a record that will not be committed. */
    public void discardRecord() {
        services.effects().discardRecord();
    }

    public void close(TaskId task) {
        for (ProcessorNode node : nodes) {
            try {
                node.close();
            } catch (Exception e) {
                LOG.warn("Closing operator {} of task {} failed", node.name(), task, e);
            }
        }
    }

    /** A collector cannot throw checked exceptions, so operators wrap them on the way up; this takes the wrapper off. */
    private static Exception unwrap(Exception e) {
        return e instanceof DownstreamException && e.getCause() instanceof Exception cause ? cause : e;
    }
}
