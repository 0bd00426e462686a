package io.rivulet.samples.sensors;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.rivulet.api.DataStream;
import io.rivulet.api.JobBuilder;
import io.rivulet.api.KeyedStream;
import io.rivulet.api.RivuletJob;
import io.rivulet.api.eventtime.WatermarkStrategy;
import io.rivulet.api.functions.Collector;
import io.rivulet.api.functions.ProcessJoinFunction;
import io.rivulet.api.functions.ProcessWindowFunction;
import io.rivulet.api.kafka.KafkaSink;
import io.rivulet.api.kafka.KafkaSource;
import io.rivulet.api.kafka.KeyValue;
import io.rivulet.api.serde.Serdes;
import io.rivulet.api.windowing.assigners.SlidingEventTimeWindows;
import io.rivulet.api.windowing.assigners.TumblingEventTimeWindows;
import io.rivulet.api.windowing.windows.TimeWindow;
import io.rivulet.samples.sensors.SensorOutputs.Average;
import io.rivulet.samples.sensors.SensorOutputs.MaintenanceReading;
import io.rivulet.samples.sensors.SensorOutputs.Peak;
import io.rivulet.samples.sensors.SensorOutputs.Silent;

/**
 * Readings and maintenance events in (event time {@code ts}, watermarks 5 s behind); out, per sensor: the
 * average of every minute, the maximum of every five minutes sliding by one, silences of five minutes, and
 * the readings within ten minutes of a maintenance event.
 */
@ApplicationScoped
public class SensorMonitoringJob implements RivuletJob {

    public static final String READINGS = "sensor-readings";
    public static final String MAINTENANCE = "maintenance";
    public static final String AVERAGES = "sensor-averages";
    public static final String PEAKS = "sensor-peaks";
    public static final String SILENT = "sensor-silent";
    public static final String MAINTENANCE_READINGS = "maintenance-readings";
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(5);

    @Override
    public void define(JobBuilder job) {
        KeyedStream<Reading, String> readings = job.fromSource(
                        KafkaSource.values(READINGS, Reading.SERDE),
                        WatermarkStrategy.<Reading>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((r, ts) -> r.ts()))
                .keyBy(Reading::sensor, Serdes.string(), Reading.SERDE);
        KeyedStream<Maintenance, String> maintenance = job.fromSource(
                        KafkaSource.values(MAINTENANCE, Maintenance.SERDE),
                        WatermarkStrategy.<Maintenance>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((m, ts) -> m.ts()))
                .keyBy(Maintenance::sensor, Serdes.string(), Maintenance.SERDE);

        averages(readings).sinkTo(KafkaSink.keyValues(AVERAGES, Serdes.string(), Average.SERDE));
        peaks(readings).sinkTo(KafkaSink.keyValues(PEAKS, Serdes.string(), Peak.SERDE));
        readings.process(new SilenceDetector())
                .uid("silence")
                .sinkTo(KafkaSink.keyValues(SILENT, Serdes.string(), Silent.SERDE));
        maintenanceReadings(readings, maintenance)
                .sinkTo(KafkaSink.keyValues(MAINTENANCE_READINGS, Serdes.string(), MaintenanceReading.SERDE));
    }

    /** The average of every tumbling minute. */
    public static DataStream<KeyValue<String, Average>> averages(KeyedStream<Reading, String> readings) {
        return readings.window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(
                        new SumAndCount.Average(),
                        SumAndCount.SERDE,
                        new ProcessWindowFunction<SumAndCount, KeyValue<String, Average>, String, TimeWindow>() {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public void process(
                                    String sensor,
                                    Context context,
                                    Iterable<SumAndCount> totals,
                                    Collector<KeyValue<String, Average>> out) {
                                SumAndCount total = totals.iterator().next();
                                TimeWindow window = context.window();
                                out.collect(KeyValue.of(
                                        sensor,
                                        new Average(
                                                sensor,
                                                window.getStart(),
                                                window.getEnd(),
                                                total.sum() / total.count(),
                                                total.count())));
                            }
                        })
                .uid("averages");
    }

    /** The maximum of five minutes, every minute. */
    public static DataStream<KeyValue<String, Peak>> peaks(KeyedStream<Reading, String> readings) {
        return readings.window(SlidingEventTimeWindows.of(Duration.ofMinutes(5), Duration.ofMinutes(1)))
                .reduce(
                        (a, b) -> a.value() >= b.value() ? a : b,
                        new ProcessWindowFunction<Reading, KeyValue<String, Peak>, String, TimeWindow>() {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public void process(
                                    String sensor,
                                    Context context,
                                    Iterable<Reading> max,
                                    Collector<KeyValue<String, Peak>> out) {
                                TimeWindow window = context.window();
                                out.collect(KeyValue.of(
                                        sensor,
                                        new Peak(
                                                sensor,
                                                window.getStart(),
                                                window.getEnd(),
                                                max.iterator().next().value())));
                            }
                        })
                .uid("peaks");
    }

    /** The readings within ten minutes (either way) of a maintenance event of their sensor. */
    public static DataStream<KeyValue<String, MaintenanceReading>> maintenanceReadings(
            KeyedStream<Reading, String> readings, KeyedStream<Maintenance, String> maintenance) {
        return readings.intervalJoin(maintenance)
                .between(Duration.ofMinutes(-10), Duration.ofMinutes(10))
                .process(new ProcessJoinFunction<Reading, Maintenance, KeyValue<String, MaintenanceReading>>() {
                    private static final long serialVersionUID = 1L;

                    @Override
                    public void processElement(
                            Reading reading,
                            Maintenance event,
                            Context ctx,
                            Collector<KeyValue<String, MaintenanceReading>> out) {
                        out.collect(KeyValue.of(
                                reading.sensor(),
                                new MaintenanceReading(reading.sensor(), reading.ts(), event.ts(), reading.value())));
                    }
                })
                .uid("maintenance-readings");
    }
}
