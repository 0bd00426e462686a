package ${package};

import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;

/** A real Kafka broker from the Rivulet testkit for the service under test, with its topics. */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {

    private KafkaCluster kafka;

    @Override
    public Map<String, String> start() {
        kafka = KafkaClusters.start(ClusterSpec.singleNode());
        OrderTotalsJob.TOPICS.forEach(topic -> kafka.createTopic(topic, 2));
        try {
            return Map.of(
                    "rivulet.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "rivulet.state-dir", Files.createTempDirectory("rivulet-state").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
