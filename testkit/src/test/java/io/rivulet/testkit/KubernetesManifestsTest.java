package io.rivulet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesManifestsTest {

    private static final String STATEFUL_SET = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: orders
            spec:
              serviceName: orders
              replicas: 2
              selector:
                matchLabels:
                  app: orders
              template:
                metadata:
                  labels:
                    app: orders
                spec:
                  containers:
                    - name: service
                      image: orders:latest
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: http
            """;

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: orders
            spec:
              ports:
                - name: http
                  port: 8080
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryDocumentOfEveryFileIntoTheModel() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), STATEFUL_SET);
        Files.writeString(dir.resolve("b.yml"), "---\n" + SERVICE + "---\n");
        Files.writeString(dir.resolve("notes.txt"), "not a manifest");

        List<HasMetadata> resources = KubernetesManifests.load(dir);

        assertThat(resources).extracting(HasMetadata::getKind).containsExactly("StatefulSet", "Service");
        assertThat(((StatefulSet) resources.get(0)).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void aMisspelledFieldFailsNamingItsPath() throws IOException {
        Files.writeString(dir.resolve("statefulset.yaml"), STATEFUL_SET.replace("readinessProbe:", "readinesProbe:"));

        assertThatThrownBy(() -> KubernetesManifests.load(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("statefulset.yaml (document 1)")
                .hasMessageContaining("StatefulSet (apps/v1) orders has fields the Kubernetes API does not define")
                .hasMessageContaining("StatefulSet.spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void aMisspelledFieldDeepInsideAKnownOneFails() throws IOException {
        Files.writeString(
                dir.resolve("statefulset.yaml"), STATEFUL_SET.replace("path: /q/health/ready", "pth: /q/health/ready"));

        assertThatThrownBy(() -> KubernetesManifests.load(dir))
                .hasMessageContaining("containers[0].readinessProbe.httpGet.pth");
    }

    @Test
    void aValueOfTheWrongTypeFails() throws IOException {
        Files.writeString(dir.resolve("statefulset.yaml"), STATEFUL_SET.replace("replicas: 2", "replicas: two"));

        assertThatThrownBy(() -> KubernetesManifests.load(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("statefulset.yaml (document 1) does not match the Kubernetes API");
    }

    @Test
    void aKindTheApiDoesNotDefineForItsVersionFails() throws IOException {
        Files.writeString(
                dir.resolve("statefulset.yaml"), STATEFUL_SET.replace("apiVersion: apps/v1", "apiVersion: v1"));

        assertThatThrownBy(() -> KubernetesManifests.load(dir))
                .hasMessageContaining("kind StatefulSet (v1) is not one the Kubernetes API defines");
    }

    @Test
    void aDirectoryWithoutManifestsFails() {
        assertThatThrownBy(() -> KubernetesManifests.load(dir)).hasMessageContaining("no Kubernetes manifests in");
    }
}
