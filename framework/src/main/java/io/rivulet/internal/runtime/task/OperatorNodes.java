package io.rivulet.internal.runtime.task;

import io.rivulet.internal.graph.FunctionTransformation;
import io.rivulet.internal.graph.KeyedProcessTransformation;
import io.rivulet.internal.graph.ProcessTransformation;
import io.rivulet.internal.graph.SideOutputTransformation;
import io.rivulet.internal.graph.Transformation;
import io.rivulet.internal.graph.UnionTransformation;
import io.rivulet.internal.graph.WindowTransformation;
import io.rivulet.internal.runtime.node.FunctionCopies;
import io.rivulet.internal.runtime.node.FunctionNode;
import io.rivulet.internal.runtime.node.KeyedProcessNode;
import io.rivulet.internal.runtime.node.PassThroughNode;
import io.rivulet.internal.runtime.node.ProcessFunctionNode;
import io.rivulet.internal.runtime.node.ProcessorNode;
import io.rivulet.internal.runtime.state.TaskServices;
import io.rivulet.internal.runtime.window.WindowNode;

/**
 * Instantiates the operators between a task's source and its sinks, the same way for a task and for the
 * test harnesses: each gets its own copy of the user's functions.
 */
public final class OperatorNodes {

    private OperatorNodes() {}

    @SuppressWarnings("unchecked")
    public static ProcessorNode instantiate(Transformation node, TaskServices services) {
        if (node instanceof FunctionTransformation f) {
            return new FunctionNode(f.name(), f.function());
        }
        if (node instanceof KeyedProcessTransformation p) {
            return new KeyedProcessNode(
                    p.name(),
                    p.uid().orElseThrow(),
                    FunctionCopies.copy(p.function(), p.toString()),
                    p.keyBy().keySerde(),
                    services);
        }
        if (node instanceof WindowTransformation w) {
            return new WindowNode(
                    w.name(),
                    w.uid().orElseThrow(),
                    FunctionCopies.copy(w.spec(), w.toString()),
                    w.keyBy().keySerde(),
                    w.keyBy().valueSerde(),
                    services);
        }
        if (node instanceof SideOutputTransformation side) {
            return new PassThroughNode(side.name());
        }
        if (node instanceof ProcessTransformation p) {
            return new ProcessFunctionNode(
                    p.name(), p.uid().orElse(null), FunctionCopies.copy(p.function(), p.toString()), services);
        }
        if (node instanceof UnionTransformation union) {
            return new PassThroughNode(union.name());
        }
        throw new IllegalStateException("no runtime operator for " + node);
    }

    /** Connects {@code child}, the instance of {@code node}, to its parent: as a side output reader or a child. */
    public static void attach(ProcessorNode parent, Transformation node, ProcessorNode child) {
        if (node instanceof SideOutputTransformation side) {
            parent.addSideChild(side.tag(), child);
        } else {
            parent.addChild(child);
        }
    }
}
