package io.rivulet.internal.operators;

import io.rivulet.api.functions.CoProcessFunction;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.OutputTag;
import io.rivulet.api.functions.ProcessFunction;
import io.rivulet.api.functions.RuntimeContext;

/** Runs a {@link CoProcessFunction} over the union of its two tagged inputs. */
public final class CoProcessAdapter extends ProcessFunction<TwoInputElement, Object> {

    private static final long serialVersionUID = 1L;

    private final CoProcessFunction<Object, Object, Object> function;
    private transient Context current;
    private transient CoProcessFunction<Object, Object, Object>.Context context;

    public CoProcessAdapter(CoProcessFunction<Object, Object, Object> function) {
        this.function = function;
    }

    @Override
    public void open(RuntimeContext runtimeContext) throws Exception {
        context = function.new Context() {
            @Override
            public long timestamp() {
                return current.timestamp();
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                current.output(tag, value);
            }
        };
        function.open(runtimeContext);
    }

    @Override
    public void processElement(TwoInputElement element, Context ctx, Collector<Object> out) throws Exception {
        current = ctx;
        if (element.isFirst()) {
            function.processElement1(element.value(), context, out);
        } else {
            function.processElement2(element.value(), context, out);
        }
    }

    @Override
    public void close() throws Exception {
        function.close();
    }
}
