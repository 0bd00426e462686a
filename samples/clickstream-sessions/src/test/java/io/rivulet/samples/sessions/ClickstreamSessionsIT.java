package io.rivulet.samples.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.samples.sessions.ClickStream.GeneratedClick;
import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.TestRecords;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The sessions service as its contract says, on the real broker: a generated, shuffled click stream gives
 * exactly the sessions of a reference calculation, each once, although the service is killed (SIGKILL)
 * mid-stream and restarted; clicks too late for any session land in {@code late-clicks} byte for byte.
 */
@WithKafkaCluster
class ClickstreamSessionsIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path workDir;

    @Test
    void sessionsEqualTheReferenceAcrossAKillAndLateClicksAreRoutedAside(KafkaCluster kafka) {
        kafka.createTopic(ClickstreamSessionsJob.INPUT, PARTITIONS);
        kafka.createTopic(ClickstreamSessionsJob.SESSIONS, 1);
        kafka.createTopic(ClickstreamSessionsJob.LATE_CLICKS, 1);
        List<GeneratedClick> clicks = ClickStream.generate(60, 42);
        List<UserSession> expected = ClickStream.referenceSessions(clicks);
        Map<String, String> settings = Map.of(
                "RIVULET_APPLICATION_ID",
                "clickstream-sessions-it",
                "RIVULET_GROUP_INSTANCE_ID",
                "clickstream-sessions-it-0");
        try (ServiceProcess service = new ServiceProcess(kafka.bootstrapServers(), workDir, settings)
                        .start()
                        .awaitReady();
                KafkaProducer<String, String> producer = TestRecords.stringProducer(kafka.bootstrapServers())) {
            int half = clicks.size() / 2;
            send(producer, clicks.subList(0, half));
            Await.until(
                    Duration.ofSeconds(90),
                    "the first sessions",
                    () -> !sessions(kafka).isEmpty());
            service.kill();
            service.start().awaitReady();
            send(producer, clicks.subList(half, clicks.size()));
            // A click far ahead on every partition moves event time past every session's end.
            long future = clicks.stream().mapToLong(GeneratedClick::ts).max().orElseThrow() + 10 * ClickStream.GAP;
            for (int partition = 0; partition < PARTITIONS; partition++) {
                GeneratedClick flush = new GeneratedClick("flush-" + partition, "/", future);
                producer.send(
                        new ProducerRecord<>(ClickstreamSessionsJob.INPUT, partition, flush.user(), flush.json()));
            }
            producer.flush();
            Await.until(
                    Duration.ofSeconds(90),
                    expected.size() + " sessions",
                    () -> sessions(kafka).size() >= expected.size());
            List<UserSession> emitted = new ArrayList<>(sessions(kafka));
            emitted.sort(Comparator.comparing(UserSession::user).thenComparingLong(UserSession::start));
            assertThat(emitted).containsExactlyElementsOf(expected);
            // Nothing moves event time past the flush clicks: each one's session is still open, and shows so.
            assertThat(service.body("/rivulet/api/windows/user-sessions?key=flush-0"))
                    .isEqualTo("{\"key\":\"flush-0\",\"windows\":[{\"window\":{\"start\":" + future + ",\"end\":"
                            + (future + ClickStream.GAP) + "},\"contents\":1}]}");

            // Behind every session and the watermark: no session takes these clicks.
            List<String> late = new ArrayList<>();
            for (int u = 0; u < 5; u++) {
                String json =
                        new GeneratedClick("user-" + u, "/late", ClickStream.BASE - ClickStream.GAP * (u + 2)).json();
                late.add(json);
                producer.send(new ProducerRecord<>(ClickstreamSessionsJob.INPUT, "user-" + u, json));
            }
            producer.flush();
            List<ConsumerRecord<String, String>> routed = TestRecords.readCommitted(
                    kafka.bootstrapServers(), ClickstreamSessionsJob.LATE_CLICKS, late.size(), Duration.ofSeconds(60));
            assertThat(routed).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(late);
            assertThat(sessions(kafka)).hasSize(expected.size());
        }
    }

    private static void send(KafkaProducer<String, String> producer, List<GeneratedClick> clicks) {
        for (GeneratedClick click : clicks) {
            producer.send(new ProducerRecord<>(ClickstreamSessionsJob.INPUT, click.user(), click.json()));
        }
        producer.flush();
    }

    private static List<UserSession> sessions(KafkaCluster kafka) {
        return TestRecords.readAllCommitted(
                        kafka.bootstrapServers(), ClickstreamSessionsJob.SESSIONS, Duration.ofSeconds(30))
                .stream()
                .map(r -> UserSession.SERDE.deserialize(r.value().getBytes(StandardCharsets.UTF_8)))
                .filter(session -> !session.user().startsWith("flush-"))
                .toList();
    }
}
