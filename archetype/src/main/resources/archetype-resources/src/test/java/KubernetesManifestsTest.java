package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.rivulet.testkit.KubernetesManifests;

/**
 * The manifests in {@code deploy/kubernetes}, loaded strictly into the Kubernetes API model: a misspelt field, a
 * value of the wrong type or an unknown kind fails the build here rather than at {@code kubectl apply}.
 */
class KubernetesManifestsTest {

    @Test
    void theManifestsMatchTheKubernetesApi() {
        List<HasMetadata> resources = KubernetesManifests.load(Path.of("deploy/kubernetes"));

        assertThat(resources).extracting(HasMetadata::getKind)
                .contains("StatefulSet", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler");
        StatefulSet service = resources.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .findFirst().orElseThrow();
        assertThat(service.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .extracting(env -> env.getName())
                .as("static membership from the pod name, and state on the volume")
                .contains("RIVULET_GROUP_INSTANCE_ID", "RIVULET_STATE_DIR");
    }
}
