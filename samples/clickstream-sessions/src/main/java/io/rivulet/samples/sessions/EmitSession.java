package io.rivulet.samples.sessions;

import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.windowing.windows.TimeWindow;

/** Turns a fired session window and its click count into the user's session record, keyed by user. */
public final class EmitSession extends ProcessWindowFunction<Long, KeyValue<String, UserSession>, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(
            String user, Context context, Iterable<Long> counts, Collector<KeyValue<String, UserSession>> out) {
        TimeWindow session = context.window();
        out.collect(KeyValue.of(
                user,
                new UserSession(
                        user,
                        session.getStart(),
                        session.getEnd(),
                        counts.iterator().next())));
    }
}
