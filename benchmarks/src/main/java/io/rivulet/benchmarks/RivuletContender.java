package io.rivulet.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.rivulet.api.JobBuilder;
import io.rivulet.api.KafkaSink;
import io.rivulet.api.KafkaSource;
import io.rivulet.api.serde.Serdes;
import io.rivulet.internal.runtime.ErrorPolicy;
import io.rivulet.internal.runtime.RuntimeConfig;
import io.rivulet.internal.runtime.StreamsRuntime;
import io.rivulet.samples.wordcount.CountPerWord;
import io.rivulet.sink.ProcessingGuarantee;

/** Rivulet's runtime started from plain Java, without Quarkus, on the same topics. */
final class RivuletContender {

    private final JobBuilder job = new JobBuilder();
    private final RuntimeConfig config;
    private StreamsRuntime runtime;

    RivuletContender(Workload workload, ContenderSettings settings) {
        var input = job.fromSource(KafkaSource.values(settings.input(), Serdes.string()));
        switch (workload) {
            case STATELESS -> input.map(Transforms::toEuros).filter(Transforms::evenAuction)
                    .sinkTo(KafkaSink.values(settings.output(), Serdes.string()));
            case WORDCOUNT -> input.<String>flatMap((line, out) -> {
                        for (String word : Transforms.words(line)) {
                            out.collect(word);
                        }
                    })
                    .keyBy(word -> word, Serdes.string(), Serdes.string())
                    .process(new CountPerWord()).uid("count")
                    .sinkTo(KafkaSink.keyValues(settings.output(), Serdes.string(), Serdes.string()));
        }
        Map<String, Object> kafka = new HashMap<>(settings.clientConfigs());
        kafka.putAll(ContenderSettings.PRODUCER_TUNING);
        config = new RuntimeConfig(settings.applicationId(), kafka, settings.stateDir(), ProcessingGuarantee.EXACTLY_ONCE,
                ContenderSettings.COMMIT_INTERVAL, 1, ErrorPolicy.FAIL, ErrorPolicy.FAIL,
                Optional.of(settings.groupInstanceId()), false);
    }

    void start() {
        runtime = StreamsRuntime.start(config, job.graph(), error -> Runtime.getRuntime().halt(3));
    }

    void stop() {
        runtime.close();
    }
}
