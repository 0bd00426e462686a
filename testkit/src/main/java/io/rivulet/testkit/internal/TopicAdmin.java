package io.rivulet.testkit.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

import io.rivulet.testkit.Await;

/** Topic creation through the Admin client, shared by every cluster implementation. */
final class TopicAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicAdmin() {}

    static void createTopic(
            String bootstrapServers,
            String name,
            int partitions,
            short replicationFactor,
            Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, replicationFactor).configs(configs)))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Await.until(TIMEOUT, "every partition of " + name + " has a leader", () -> allPartitionsLed(admin, name));
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topic " + name + " was not created within " + TIMEOUT, e);
        }
    }

    /** Polls until the cluster reports {@code nodes} live brokers. */
    static void awaitBrokers(String bootstrapServers, int nodes) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Await.until(TIMEOUT, nodes + " brokers serving at " + bootstrapServers, () -> {
                try {
                    return admin.describeCluster()
                                    .nodes()
                                    .get(5, TimeUnit.SECONDS)
                                    .size()
                            == nodes;
                } catch (ExecutionException | TimeoutException e) {
                    return false;
                }
            });
        }
    }

    private static boolean allPartitionsLed(Admin admin, String topic) throws Exception {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(5, TimeUnit.SECONDS)
                    .get(topic);
            return description.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
