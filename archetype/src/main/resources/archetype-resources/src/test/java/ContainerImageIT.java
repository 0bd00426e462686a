package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.rivulet.testkit.Await;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.Container;
import io.rivulet.testkit.ContainerEngine;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;
import io.rivulet.testkit.TestRecords;

/**
 * The real image, built from {@code src/main/docker/Dockerfile} by docker or podman, run against the testkit
 * broker: it processes orders and answers health, {@code stop} (SIGTERM) ends it within the grace period after
 * it left the group, and a new container on the same state volume restores nothing it already had. Skips, saying
 * so, where no container engine answers. Without a reachable registry the base image is made from Debian
 * packages (see {@link ContainerEngine#jreBaseImage()}).
 */
class ContainerImageIT {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile");
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(60);
    private static final String STATE_VOLUME_PATH = "/var/lib/rivulet";

    private static ContainerEngine engine;
    private static KafkaCluster kafka;

    @BeforeAll
    static void findEngineAndStartBroker() {
        engine = ContainerEngine.find().orElse(null);
        Assumptions.assumeTrue(engine != null, "neither `docker info` nor `podman info` answers here: the image is"
                + " not built or run (install podman, and runc and mmdebstrap where no registry is reachable)");
        kafka = KafkaClusters.start(ClusterSpec.singleNode());
        OrderTotalsJob.TOPICS.forEach(topic -> kafka.createTopic(topic, 2));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theImageProcessesOrdersStopsCleanlyAndRestartsOnItsStateVolume() throws Exception {
        String applicationId = ContainerContractIT.applicationId();
        String image = applicationId + ":contract-test";
        engine.build(Path.of("."), DOCKERFILE, image, engine.jreBaseImage(), Path.of("target/image-build.log"));
        String volume = applicationId + "-contract-state";
        engine.removeVolume(volume);
        engine.createVolume(volume);
        int port = ContainerContractIT.freePort();
        Map<String, String> env = Map.of(
                "RIVULET_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "JAVA_OPTS", "-Xmx256m");
        try {
            try (Container first = engine.start(image, applicationId + "-contract-1", env, Map.of(volume, STATE_VOLUME_PATH))) {
                awaitReady(first, port);
                TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, List.of(
                        Map.entry("carol", "{\"customer\": \"carol\", \"amountCents\": 250}")));
                assertThat(values(1)).containsExactly("250");
                assertThat(groupMembers(applicationId)).as("the container's consumer in the group").isNotEmpty();

                Duration stopping = first.stop(GRACE_PERIOD);
                assertThat(stopping).as("stop took").isLessThan(GRACE_PERIOD);
                assertThat(first.exitCode()).as("exit code after SIGTERM (128 + 15: shutdown hooks ran)").isEqualTo(143);
                assertThat(groupMembers(applicationId)).as("members left once the container stopped").isEmpty();
                assertThat(first.logs()).contains("(clean)", "Application " + applicationId + " stopped");
            }
            try (Container second = engine.start(image, applicationId + "-contract-2", env, Map.of(volume, STATE_VOLUME_PATH))) {
                awaitReady(second, port);
                assertThat(ContainerContractIT.restoredRecords(port)).as("changelog records restored from the state volume").isZero();
                TestRecords.produce(kafka.bootstrapServers(), OrderTotalsJob.INPUT, List.of(
                        Map.entry("carol", "{\"customer\": \"carol\", \"amountCents\": 50}")));
                assertThat(values(2)).containsExactly("250", "300");
                second.stop(GRACE_PERIOD);
            }
        } finally {
            engine.removeVolume(volume);
        }
    }

    private static void awaitReady(Container container, int port) {
        Await.until(Duration.ofSeconds(90), "readiness UP of container " + container.name() + " on port " + port, () -> {
            if (!container.running()) {
                throw new AssertionError("container " + container.name() + " exited:\n" + container.logs());
            }
            return ContainerContractIT.status(port, "/q/health/ready") == 200;
        });
    }

    private static Collection<MemberDescription> groupMembers(String groupId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members();
        }
    }

    private static List<String> values(int count) {
        return TestRecords.readCommitted(kafka.bootstrapServers(), OrderTotalsJob.OUTPUT, count, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::value).toList();
    }
}
