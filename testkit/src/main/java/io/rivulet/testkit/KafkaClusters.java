package io.rivulet.testkit;

import io.rivulet.testkit.internal.InJvmKafkaCluster;
import io.rivulet.testkit.internal.ProcessKafkaCluster;
import io.rivulet.testkit.internal.SecuredProcessKafkaCluster;
import io.rivulet.testkit.internal.TestcontainersKafkaCluster;

/** Starts {@link KafkaCluster}s. */
public final class KafkaClusters {

    private KafkaClusters() {}

    /**
     * Starts a cluster as specified and returns once every node serves clients.
     *
     * @throws DockerUnavailableException for {@link BrokerMode#TESTCONTAINERS} when no Docker engine answers
     */
    public static KafkaCluster start(ClusterSpec spec) {
        return switch (spec.mode()) {
            case IN_JVM -> InJvmKafkaCluster.start(spec.nodes());
            case PROCESS -> ProcessKafkaCluster.start(spec.nodes());
            case TESTCONTAINERS -> TestcontainersKafkaCluster.start(spec.nodes());
        };
    }

    /**
     * Starts a single-node broker, as a child process, that demands SASL/SCRAM-SHA-512 over TLS and authorizes
     * every request by ACLs; returns once it serves its super user.
     */
    public static SecuredKafkaCluster startSecured() {
        return SecuredProcessKafkaCluster.start();
    }

    /** Thrown when a Testcontainers cluster is asked for on a machine without a Docker engine. */
    public static final class DockerUnavailableException extends IllegalStateException {
        public DockerUnavailableException(String message) {
            super(message);
        }
    }
}
