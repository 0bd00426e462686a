package io.rivulet.testkit.junit;

import java.util.Optional;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

import io.rivulet.testkit.BrokerMode;
import io.rivulet.testkit.ClusterSpec;
import io.rivulet.testkit.KafkaCluster;
import io.rivulet.testkit.KafkaClusters;

/**
 * The JUnit 5 side of {@link WithKafkaCluster}. The cluster lives in the class's (or the root's) extension
 * store and is closed, data and all, when that scope ends. A Testcontainers cluster asked for on a machine
 * without Docker aborts the class, so its tests are reported as skipped rather than failed.
 */
public final class KafkaClusterExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    private static KafkaCluster cluster(ExtensionContext context) {
        WithKafkaCluster settings = findSettings(context);
        ClusterSpec spec = new ClusterSpec(
                settings.nodes(), settings.mode().length > 0 ? settings.mode()[0] : BrokerMode.fromSystemProperty());
        ExtensionContext scope = settings.shared() ? context.getRoot() : classContext(context);
        return scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(spec, key -> new ClosableCluster(startOrSkip(spec)), ClosableCluster.class)
                .cluster();
    }

    private static KafkaCluster startOrSkip(ClusterSpec spec) {
        try {
            return KafkaClusters.start(spec);
        } catch (KafkaClusters.DockerUnavailableException e) {
            throw new TestAbortedException(e.getMessage(), e);
        }
    }

    private static WithKafkaCluster findSettings(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context);
                current.isPresent();
                current = current.get().getParent()) {
            Optional<WithKafkaCluster> found = current.get()
                    .getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, WithKafkaCluster.class));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("KafkaClusterExtension needs @WithKafkaCluster on the test class");
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Stored in the extension store so that JUnit closes the cluster with its scope. */
    private record ClosableCluster(KafkaCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            cluster.close();
        }
    }
}
