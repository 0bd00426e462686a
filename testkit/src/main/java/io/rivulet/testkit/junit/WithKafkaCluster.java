package io.rivulet.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.rivulet.testkit.BrokerMode;

/**
 * Starts a real Kafka cluster once for the annotated test class (or once for the whole test run with
 * {@link #shared()}) and injects it as a {@link io.rivulet.testkit.KafkaCluster} parameter into
 * constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @WithKafkaCluster
 * class MyJobTest {
 *     @Test
 *     void countsWords(KafkaCluster kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KafkaClusterExtension.class)
public @interface WithKafkaCluster {

    /** Number of nodes: 1 or 3. */
    int nodes() default 1;

    /** Where the nodes run; empty means the mode named by {@code -Drivulet.test.broker} (default in-JVM). */
    BrokerMode[] mode() default {};

    /** Share one cluster with every other class that asks for the same nodes and mode, for the whole run. */
    boolean shared() default false;
}
