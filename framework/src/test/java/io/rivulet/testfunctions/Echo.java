package io.rivulet.testfunctions;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.KeyedProcessFunction;

/** Emits each element unchanged: the smallest stateful operator, for tests of the runtime around it. */
public final class Echo extends KeyedProcessFunction<String, String, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {
        out.collect(value);
    }
}
