package io.rivulet.samples.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.api.serde.Serde;
import io.rivulet.samples.sensors.SensorOutputs.Average;
import io.rivulet.samples.sensors.SensorOutputs.MaintenanceReading;
import io.rivulet.samples.sensors.SensorOutputs.Peak;
import io.rivulet.samples.sensors.SensorOutputs.Silent;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The service on the real broker, killed mid-stream and restarted: its four outputs equal those of a
 * straightforward calculation on the generated readings and maintenance events, each result once.
 */
@WithKafkaCluster
class SensorMonitoringIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path workDir;

    private static <T> String json(Serde<T> serde, T value) {
        return new String(serde.serialize(value), StandardCharsets.UTF_8);
    }

    private static <T> List<T> read(KafkaCluster kafka, String topic, Serde<T> serde) {
        return TestRecords.readAllCommitted(kafka.bootstrapServers(), topic, Duration.ofSeconds(30)).stream()
                .map(r -> serde.deserialize(r.value().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }

    @Test
    void everyOutputEqualsTheReferenceAcrossAKill(KafkaCluster kafka) {
        for (String topic : List.of(SensorMonitoringJob.READINGS, SensorMonitoringJob.MAINTENANCE)) {
            kafka.createTopic(topic, PARTITIONS);
        }
        for (String topic : List.of(
                SensorMonitoringJob.AVERAGES,
                SensorMonitoringJob.PEAKS,
                SensorMonitoringJob.SILENT,
                SensorMonitoringJob.MAINTENANCE_READINGS)) {
            kafka.createTopic(topic, 1);
        }
        SensorStream stream = new SensorStream(12, 11);
        Map<String, String> settings =
                Map.of("RIVULET_APPLICATION_ID", "sensors-it", "RIVULET_GROUP_INSTANCE_ID", "sensors-it-0");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)
                        .start()
                        .awaitReady();
                KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            for (Maintenance event : stream.maintenance) {
                producer.send(new ProducerRecord<>(
                        SensorMonitoringJob.MAINTENANCE, event.sensor(), json(Maintenance.SERDE, event)));
            }
            int half = stream.readings.size() / 2;
            for (Reading reading : stream.readings.subList(0, half)) {
                producer.send(new ProducerRecord<>(
                        SensorMonitoringJob.READINGS, reading.sensor(), json(Reading.SERDE, reading)));
            }
            producer.flush();
            Await.until(
                    Duration.ofSeconds(90),
                    "the first averages",
                    () -> !read(kafka, SensorMonitoringJob.AVERAGES, Average.SERDE)
                            .isEmpty());
            service.kill();
            service.start().awaitReady();
            for (Reading reading : stream.readings.subList(half, stream.readings.size())) {
                producer.send(new ProducerRecord<>(
                        SensorMonitoringJob.READINGS, reading.sensor(), json(Reading.SERDE, reading)));
            }
            // Far ahead on every partition of both inputs: event time passes every window, silence and join.
            long future = SensorStream.BASE + 24 * 60 * SensorStream.MINUTE;
            for (int partition = 0; partition < PARTITIONS; partition++) {
                producer.send(new ProducerRecord<>(
                        SensorMonitoringJob.READINGS,
                        partition,
                        "clock",
                        json(Reading.SERDE, new Reading("clock-" + partition, 0, future))));
                producer.send(new ProducerRecord<>(
                        SensorMonitoringJob.MAINTENANCE,
                        partition,
                        "clock",
                        json(Maintenance.SERDE, new Maintenance("clock-" + partition, future))));
            }
            producer.flush();

            List<Average> averages = stream.averages();
            Await.until(
                    Duration.ofSeconds(120),
                    averages.size() + " averages",
                    () -> sensors(read(kafka, SensorMonitoringJob.AVERAGES, Average.SERDE), Average::sensor)
                                    .size()
                            >= averages.size());
            List<Silent> silences = stream.silences();
            Await.until(
                    Duration.ofSeconds(60),
                    silences.size() + " silences",
                    () -> sensors(read(kafka, SensorMonitoringJob.SILENT, Silent.SERDE), Silent::sensor)
                                    .size()
                            >= silences.size());
            assertThat(sensors(read(kafka, SensorMonitoringJob.AVERAGES, Average.SERDE), Average::sensor))
                    .containsExactlyInAnyOrderElementsOf(averages);
            assertThat(sensors(read(kafka, SensorMonitoringJob.PEAKS, Peak.SERDE), Peak::sensor))
                    .containsExactlyInAnyOrderElementsOf(stream.peaks());
            assertThat(sensors(read(kafka, SensorMonitoringJob.SILENT, Silent.SERDE), Silent::sensor))
                    .containsExactlyInAnyOrderElementsOf(silences);
            assertThat(sensors(
                            read(kafka, SensorMonitoringJob.MAINTENANCE_READINGS, MaintenanceReading.SERDE),
                            MaintenanceReading::sensor))
                    .containsExactlyInAnyOrderElementsOf(stream.maintenanceReadings());
        }
    }

    /** The results of the generated sensors, without those of the clock records. */
    private static <T> List<T> sensors(List<T> results, java.util.function.Function<T, String> sensor) {
        return results.stream()
                .filter(result -> !sensor.apply(result).startsWith("clock-"))
                .toList();
    }
}
