package io.rivulet.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Kubernetes manifests loaded strictly into the Kubernetes API model (fabric8's), so that a build fails on a
 * manifest the API server would refuse or silently misread: a kind the model does not know for its
 * {@code apiVersion}, a value of the wrong type, or a field that does not exist (a typo such as
 * {@code readinesProbe} or {@code replica}). The model itself keeps unknown fields aside instead of refusing
 * them; this class refuses them, naming the file, the document and the field's path.
 */
public final class KubernetesManifests {

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private KubernetesManifests() {}

    /**
     * Every resource of every {@code .yaml}/{@code .yml} file in {@code directory} (documents separated by
     * {@code ---}), in file-name order.
     *
     * @throws AssertionError naming the file, the document and what is wrong, for the first invalid resource
     */
    public static List<HasMetadata> load(Path directory) {
        List<HasMetadata> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(KubernetesManifests::isYaml).sorted().toList()) {
                resources.addAll(loadFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (resources.isEmpty()) {
            throw new AssertionError("no Kubernetes manifests in " + directory);
        }
        return resources;
    }

    /** The resources of one file; see {@link #load(Path)}. */
    public static List<HasMetadata> loadFile(Path file) {
        List<HasMetadata> resources = new ArrayList<>();
        try {
            int index = 0;
            List<JsonNode> documents = YAML.readerFor(JsonNode.class)
                    .<JsonNode>readValues(Files.readString(file))
                    .readAll();
            for (JsonNode document : documents) {
                index++;
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                resources.add(resource(document, file + " (document " + index + ")"));
            }
        } catch (JacksonException e) {
            throw new AssertionError(file + " is not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return resources;
    }

    private static HasMetadata resource(JsonNode document, String where) {
        KubernetesResource resource;
        try {
            resource = JSON.treeToValue(document, KubernetesResource.class);
        } catch (JacksonException e) {
            throw new AssertionError(where + " does not match the Kubernetes API: " + e.getOriginalMessage(), e);
        }
        String kind = document.path("kind").asText("?") + " ("
                + document.path("apiVersion").asText("no apiVersion") + ")";
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata metadata)) {
            throw new AssertionError(where + ": kind " + kind + " is not one the Kubernetes API defines");
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, metadata.getKind(), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(
                    where + ": " + kind + " " + metadata.getMetadata().getName()
                            + " has fields the Kubernetes API does not define: " + String.join(", ", unknown));
        }
        return metadata;
    }

    /** Walks the model's getters; every model object keeps the fields it did not know in its additional properties. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
            } else {
                collectUnknownFields(value, path + "." + propertyName(getter), unknown);
            }
        }
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0
                && method.getName().startsWith("get")
                && !Modifier.isStatic(method.getModifiers())
                && method.getDeclaringClass().getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
