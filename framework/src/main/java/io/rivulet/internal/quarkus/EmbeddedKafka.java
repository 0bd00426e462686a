package io.rivulet.internal.quarkus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: in the dev profile, with no bootstrap servers configured, a single-node testkit
 * broker starts inside the service. The testkit is an optional dependency, looked up only here.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final AutoCloseable cluster;
    private final String bootstrapServers;

    private EmbeddedKafka(AutoCloseable cluster, String bootstrapServers) {
        this.cluster = cluster;
        this.bootstrapServers = bootstrapServers;
    }

    static EmbeddedKafka start() {
        try {
            Class.forName("io.rivulet.testkit.KafkaClusters");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    RivuletConfigReader.BOOTSTRAP + " is not set and the embedded default broker"
                            + " needs io.rivulet:rivulet-testkit on the classpath: add it, or configure a broker");
        }
        var cluster = io.rivulet.testkit.KafkaClusters.start(
                new io.rivulet.testkit.ClusterSpec(1, io.rivulet.testkit.BrokerMode.IN_JVM));
        LOG.info(
                "Dev profile without {}: started the embedded Kafka broker at {}",
                RivuletConfigReader.BOOTSTRAP,
                cluster.bootstrapServers());
        return new EmbeddedKafka(cluster, cluster.bootstrapServers());
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
