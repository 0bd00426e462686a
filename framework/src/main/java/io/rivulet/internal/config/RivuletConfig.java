package io.rivulet.internal.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import io.rivulet.internal.runtime.task.ErrorPolicy;
import io.rivulet.sink.ProcessingGuarantee;

/**
 * The {@code rivulet.*} keys, typed and with their defaults: this interface is where each key is defined and
 * documented. A Quarkus service reads it from its configuration ({@code application.properties}, environment
 * variables such as {@code RIVULET_COMMIT_INTERVAL}, system properties, profiles); the plain-Java entry point
 * ({@code io.rivulet.api.Rivulet}) reads it from the map it is given, and nothing else. A value that does not
 * convert fails start-up with a message that names the key and what it accepts; {@link RivuletSettings}
 * checks what needs more than one key.
 */
@ConfigMapping(prefix = "rivulet")
public interface RivuletConfig {

    /**
     * {@code rivulet.application-id}: the consumer group, the prefix of transactional ids and of the internal
     * topics ({@code <application-id>-repartition-<n>}, {@code <application-id>-<uid>-changelog},
     * {@code <application-id>-dlq}). Letters, digits, '.', '_' and '-'. Required to run a job.
     */
    @WithConverter(ConfigConverters.ApplicationId.class)
    Optional<String> applicationId();

    /** {@code rivulet.kafka.*}: the Kafka cluster and the settings of the clients. */
    Kafka kafka();

    /**
     * {@code rivulet.state-dir}: where RocksDB keeps local state, one directory per task under
     * {@code <state-dir>/<application-id>/}. Default {@code ${java.io.tmpdir}/rivulet}; keep it on a persistent
     * volume, so that a restart restores only the changelog tail.
     */
    @WithConverter(ConfigConverters.FilePath.class)
    Optional<Path> stateDir();

    /**
     * {@code rivulet.processing-guarantee}: {@code exactly_once} (default: output, state and offsets commit in
     * one Kafka transaction), {@code at_least_once} or {@code at_most_once}.
     */
    @WithDefault("exactly_once")
    @WithConverter(ConfigConverters.Guarantee.class)
    ProcessingGuarantee processingGuarantee();

    /**
     * {@code rivulet.commit-interval}: how often output, state and offsets commit together. Default
     * {@code 100ms}; a positive duration such as {@code 100ms}, {@code 1s} or {@code PT0.1S}.
     */
    @WithDefault("100ms")
    @WithConverter(ConfigConverters.PositiveDuration.class)
    Duration commitInterval();

    /**
     * {@code rivulet.auto-watermark-interval}: how often periodic watermark generators emit and watermark
     * markers cross repartition topics (Flink's auto-watermark interval). Default {@code 200ms}.
     */
    @WithDefault("200ms")
    @WithConverter(ConfigConverters.PositiveDuration.class)
    Duration autoWatermarkInterval();

    /**
     * {@code rivulet.num-threads}: stream threads in this instance, each with its own consumer and producer.
     * Default {@code 1}.
     */
    @WithDefault("1")
    @WithConverter(ConfigConverters.PositiveInt.class)
    int numThreads();

    /** {@code rivulet.errors.*}: what happens to a record that cannot be deserialized or whose processing throws. */
    Errors errors();

    /**
     * {@code rivulet.group-instance-id}: static group membership; a restarted instance takes its old place
     * without a rebalance. Stream threads after the first add {@code -2}, {@code -3}, … Default: none.
     */
    Optional<String> groupInstanceId();

    /**
     * {@code rivulet.advertised-url}: the base URL the other instances of the group reach this instance's HTTP
     * endpoints at (Kafka Streams' {@code application.server}), such as {@code http://orders-0.orders:8080}; it
     * travels in the group's assignment, and an instance that receives an interactive query for a key another
     * instance holds forwards it there. Default: {@code http://<quarkus.http.host>:<quarkus.http.port>}, the
     * machine's host name when the HTTP host is {@code 0.0.0.0}.
     */
    @WithConverter(ConfigConverters.Url.class)
    Optional<String> advertisedUrl();

    /**
     * {@code rivulet.num-standby-replicas}: how many standby replicas of every stateful task the group keeps on
     * other instances, each tailing the task's changelogs into its own local store; when the task's instance fails,
     * the task moves to the most caught-up replica and restores only what it had not applied yet (Kafka Streams'
     * {@code num.standby.replicas}). Default {@code 0}.
     */
    @WithDefault("0")
    @WithConverter(ConfigConverters.NonNegativeInt.class)
    int numStandbyReplicas();

    /**
     * {@code rivulet.acceptable-recovery-lag}: an instance whose local copy of a task is at most this many changelog
     * records behind counts as caught up: the task may move there at once. A task that is to move to an instance
     * further behind stays where it runs while a warm-up replica catches up there. Default {@code 10000}.
     */
    @WithDefault("10000")
    @WithConverter(ConfigConverters.NonNegativeLong.class)
    long acceptableRecoveryLag();

    /**
     * {@code rivulet.max-warmup-replicas}: how many warm-up replicas the group runs at once, across all instances; a
     * larger value balances a scaled-out group sooner, at the cost of more restore traffic. Default {@code 2}.
     */
    @WithDefault("2")
    @WithConverter(ConfigConverters.NonNegativeInt.class)
    int maxWarmupReplicas();

    /**
     * {@code rivulet.probing-rebalance-interval}: while warm-up replicas run, how often the group rebalances to
     * look at them even if none reported that it caught up (a warm-up that catches up asks at once). Default
     * {@code 10m}.
     */
    @WithDefault("10m")
    @WithConverter(ConfigConverters.PositiveDuration.class)
    Duration probingRebalanceInterval();

    /**
     * {@code rivulet.test.*} (such as {@code rivulet.test.broker}): read by the testkit in test JVMs, never by a job.
     * Declared so that a test JVM's system properties do not count as unknown {@code rivulet.*} keys, which fail
     * start-up as the likely typos they are.
     */
    @WithName("test")
    Map<String, String> testkitSettings();

    /** {@code rivulet.testkit.*}: read by the testkit's broker processes, never by a job; declared as {@code rivulet.test.*} is. */
    @WithName("testkit")
    Map<String, String> testkitProcessSettings();

    /** {@code rivulet.savepoint.*}. */
    Savepoint savepoint();

    /** {@code rivulet.internal-topics.*}. */
    InternalTopics internalTopics();

    /**
     * {@code rivulet.internal-topics.*}: how the framework creates the repartition, changelog, dead-letter and
     * control topics (existing topics are left as they are).
     */
    interface InternalTopics {

        /**
         * {@code rivulet.internal-topics.replication-factor}: replicas of every internal topic. Default: as many as
         * the cluster has brokers at start, at most 3; {@code -1} takes the broker's
         * {@code default.replication.factor}.
         */
        @WithConverter(ConfigConverters.ReplicationFactor.class)
        Optional<Short> replicationFactor();

        /**
         * {@code rivulet.internal-topics.config.<topic config>}: a topic config for every internal topic, such as
         * {@code rivulet.internal-topics.config.min.insync.replicas=2} (the default with 3 or more replicas) or
         * {@code segment.bytes}; {@code cleanup.policy} is refused (the framework sets it per kind of topic).
         */
        Map<String, String> config();
    }

    /** {@code rivulet.startup.*}. */
    Startup startup();

    /** {@code rivulet.startup.*}: how a service starts when its Kafka cluster is not reachable yet. */
    interface Startup {

        /**
         * {@code rivulet.startup.kafka-timeout} (env {@code RIVULET_STARTUP_KAFKA_TIMEOUT}): how long a service waits
         * for its Kafka cluster to become reachable before it fails with a message naming the bootstrap servers.
         * Meanwhile its HTTP endpoints answer, liveness is UP and readiness DOWN, saying what it waits for. Default:
         * no limit (an orchestrator's readiness probe sees the wait).
         */
        @WithConverter(ConfigConverters.PositiveDuration.class)
        Optional<Duration> kafkaTimeout();
    }

    /** {@code rivulet.kafka.*}. */
    interface Kafka {

        /**
         * {@code rivulet.kafka.bootstrap-servers}: the Kafka cluster. Required, except in a Quarkus service's
         * dev profile, where leaving it unset starts an embedded broker.
         */
        Optional<String> bootstrapServers();

        /**
         * Every other {@code rivulet.kafka.<client setting>}, passed to every consumer, producer and admin client
         * as the Kafka clients spell it: {@code rivulet.kafka.security.protocol=SASL_SSL}, or from the environment
         * {@code RIVULET_KAFKA_SECURITY_PROTOCOL=SASL_SSL}. Settings that Rivulet decides itself
         * ({@code group.id}, {@code isolation.level}, {@code transactional.id}, …) are refused, naming the
         * {@code rivulet.*} key that governs them.
         */
        @WithParentName
        Map<String, String> clientSettings();
    }

    /** {@code rivulet.errors.*}: {@code fail}, {@code skip} or {@code dead-letter} (to {@code <application-id>-dlq}). */
    interface Errors {

        /** {@code rivulet.errors.deserialization}: a record that cannot be deserialized. Default {@code fail}. */
        @WithDefault("fail")
        @WithConverter(ConfigConverters.Errors.class)
        ErrorPolicy deserialization();

        /** {@code rivulet.errors.processing}: a record whose processing throws. Default {@code fail}. */
        @WithDefault("fail")
        @WithConverter(ConfigConverters.Errors.class)
        ErrorPolicy processing();
    }

    /** {@code rivulet.savepoint.*}: starting from a savepoint, and how long taking one may take. */
    interface Savepoint {

        /**
         * {@code rivulet.savepoint.restore-from} (env {@code RIVULET_SAVEPOINT_RESTORE_FROM}): the directory of a
         * savepoint to start the application from. Restored once per application: a later start with the setting
         * still present does not restore again. Default: none.
         */
        @WithConverter(ConfigConverters.FilePath.class)
        Optional<Path> restoreFrom();

        /**
         * {@code rivulet.savepoint.allow-non-restored-state}: start even though the savepoint holds state of an
         * operator (uid) the job no longer has, leaving that state behind. Default {@code false}: refused.
         */
        @WithDefault("false")
        boolean allowNonRestoredState();

        /**
         * {@code rivulet.savepoint.timeout}: how long taking a savepoint may take before it fails and the job
         * resumes. Default {@code 10m}.
         */
        @WithDefault("10m")
        @WithConverter(ConfigConverters.PositiveDuration.class)
        Duration timeout();
    }
}
