package io.rivulet.samples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.ServiceProcess;
import io.rivulet.testkit.junit.WithKafkaCluster;

/**
 * The upgrade path of a stateful service: stop with a savepoint while lines arrive, raise the input's partition
 * count, start two instances from the savepoint — one killed during the restore and started again — and go on:
 * every word's counts over the whole run are exactly 1..n.
 */
@WithKafkaCluster
class WordCountSavepointIT {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LOCATION = Pattern.compile("\"location\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path workDir;

    @Test
    void stopWithSavepointRescaleFrom4To8PartitionsAndRestoreThroughACrash(KafkaCluster kafka) throws Exception {
        WordCountFixture fixture = new WordCountFixture(kafka, 4);
        Map<String, String> settings = Map.of("RIVULET_APPLICATION_ID", "wordcount-savepoint");
        String location;
        try (ServiceProcess first = new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start();
                ServiceProcess second = new ServiceProcess(kafka.bootstrapServers(), workDir, settings).start()) {
            first.awaitReady();
            second.awaitReady();
            fixture.produceLines(300);
            Thread producer = new Thread(() -> fixture.produceLines(600));
            producer.start();

            HttpResponse<String> accepted = first.post(
                    "/rivulet/savepoints",
                    "{\"target-directory\": \"" + workDir.resolve("savepoints") + "\", \"stop\": true}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = match(ID, accepted.body());
            // Any instance answers for the savepoint.
            Await.until(Duration.ofSeconds(90), "savepoint " + id + " completed", () -> {
                String status = second.body("/rivulet/savepoints/" + id);
                assertThat(status).doesNotContain("FAILED");
                return status.contains("COMPLETED");
            });
            location = match(LOCATION, second.body("/rivulet/savepoints/" + id));
            producer.join();
            for (ServiceProcess instance : new ServiceProcess[] {first, second}) {
                assertThat(instance.status("/q/health/ready")).isEqualTo(503);
                assertThat(instance.body("/q/health/ready")).contains("stopped at savepoint " + id);
                assertThat(instance.body("/rivulet/savepoints"))
                        .as("the list the web UI shows, on every instance")
                        .startsWith("[{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"requested-at\":\"")
                        .contains("\"location\":\"" + location + "\"", "\"stop\":true}]");
                assertThat(instance.body("/rivulet/api/tasks")).contains("\"stopped-at-savepoint\":\"" + id + "\"");
                assertThat(instance.status("/q/health/live")).isEqualTo(200);
            }
            assertThat(first.stop()).isIn(0, 143);
            assertThat(second.stop()).isIn(0, 143);
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createPartitions(Map.of(WordCountJob.INPUT, NewPartitions.increaseTo(8)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            // The restore re-partitions the state by the input's partition count as the cluster describes it.
            Await.until(
                    Duration.ofSeconds(30),
                    WordCountJob.INPUT + " described with 8 partitions",
                    () -> admin.describeTopics(List.of(WordCountJob.INPUT))
                                    .allTopicNames()
                                    .get()
                                    .get(WordCountJob.INPUT)
                                    .partitions()
                                    .size()
                            == 8);
        }
        Map<String, String> restoring = new HashMap<>(settings);
        restoring.put("RIVULET_SAVEPOINT_RESTORE_FROM", location);
        try (ServiceProcess third = new ServiceProcess(kafka.bootstrapServers(), workDir, restoring).start();
                ServiceProcess fourth = new ServiceProcess(kafka.bootstrapServers(), workDir, restoring).start()) {
            ServiceProcess[] restorer = new ServiceProcess[1];
            Await.until(Duration.ofSeconds(90), "an instance starts restoring the savepoint", () -> {
                for (ServiceProcess instance : new ServiceProcess[] {third, fourth}) {
                    if (instance.log().contains("Restoring savepoint")) {
                        restorer[0] = instance;
                        return true;
                    }
                }
                return false;
            });
            restorer[0].kill();
            restorer[0].start();
            third.awaitReady();
            fourth.awaitReady();
            assertThat(third.log() + fourth.log()).contains("Restored savepoint");
            fixture.produceLines(400);
            fixture.assertExactlyOnceCounts();
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as(body).isTrue();
        return matcher.group(1);
    }
}
